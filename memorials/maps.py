"""Where a memorial facility is: the map (when the site has a tile server, ``MAP_TILE_URL`` in
``siteshell.settings.maps``) and the links that open the place in a map app (always).

Nothing here talks to a map service: the page links to the apps, and the browser asks the
configured tile server for tiles only once the visitor scrolls to the map.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.conf import settings
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TileSource:
    """The configured tiles, as the facility page's script receives them."""

    url: str
    label_url: str
    subdomains: str
    attribution: str
    max_zoom: int


def tile_source() -> TileSource | None:
    """The site's tile server with its key filled in, or ``None`` when none is configured."""
    url = getattr(settings, "MAP_TILE_URL", "")
    if not url:
        return None
    key = getattr(settings, "MAP_TILE_KEY", "")
    return TileSource(
        url=url.replace("{key}", key),
        label_url=getattr(settings, "MAP_LABEL_TILE_URL", "").replace("{key}", key),
        subdomains=getattr(settings, "MAP_TILE_SUBDOMAINS", ""),
        attribution=getattr(settings, "MAP_ATTRIBUTION", ""),
        max_zoom=int(getattr(settings, "MAP_MAX_ZOOM", 18)),
    )


@dataclass(frozen=True)
class MapAppLink:
    label: str
    url: str


def _coordinate(value) -> str:
    return format(value, "f")


def map_app_links(facility) -> list[MapAppLink]:
    """Links that open the facility's coordinates in a map app: the phone's own (a ``geo:``
    URI, RFC 5870), 高德地图 and 百度地图 (their URI APIs, told the coordinates are WGS-84)."""
    if not facility.has_map:
        return []
    lat, lng = _coordinate(facility.latitude), _coordinate(facility.longitude)
    name = facility.name
    return [
        MapAppLink(_("用手机地图打开"), f"geo:{lat},{lng}?q={lat},{lng}({quote(name)})"),
        MapAppLink(
            _("在高德地图中查看"),
            "https://uri.amap.com/marker?"
            + urlencode({"position": f"{lng},{lat}", "name": name, "coordinate": "wgs84", "callnative": "1"}, safe=","),
        ),
        MapAppLink(
            _("在百度地图中查看"),
            "https://api.map.baidu.com/marker?"
            + urlencode(
                {
                    "location": f"{lat},{lng}",
                    "title": name,
                    "content": facility.address or name,
                    "coord_type": "wgs84",
                    "output": "html",
                    "src": "webapp.commemoration.memorials",
                },
                safe=",",
            ),
        ),
    ]
