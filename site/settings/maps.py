"""The map tiles that pages draw maps with (a memorial facility's location).

No tile server is configured by default: a page with coordinates then shows the address, the
coordinates and links that open the place in a map app, and sends nothing to a map service. A
bureau configures an approved service (天地图 with its key, whose maps carry a 审图号) or its own
tile server; the Content-Security-Policy admits exactly the hosts named here
(``siteshell.settings.headers``). Tiles must be in Web Mercator over WGS-84/CGCS2000 coordinates
(天地图's ``_w`` layers, most self-hosted servers): GCJ-02 tiles (高德, 腾讯) or BD-09 (百度)
would put the marker hundreds of metres off.

天地图, for example::

    MAP_TILE_URL=https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}
    MAP_LABEL_TILE_URL=https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={key}
    MAP_TILE_SUBDOMAINS=01234567
    MAP_TILE_KEY=<the bureau's 天地图 browser key>
    MAP_ATTRIBUTION=© 天地图 审图号：GS(2024)0568号
"""

from urllib.parse import urlsplit

from siteshell.settings.env import env_int, env_str

#: The tiles' URL template: ``{z}``, ``{x}``, ``{y}``, and ``{s}`` (a subdomain) and ``{key}``.
MAP_TILE_URL = env_str("MAP_TILE_URL", "")
#: An optional second layer drawn over the first (天地图's place names, ``cva_w``).
MAP_LABEL_TILE_URL = env_str("MAP_LABEL_TILE_URL", "")
#: The characters ``{s}`` takes in turn (天地图: ``01234567``).
MAP_TILE_SUBDOMAINS = env_str("MAP_TILE_SUBDOMAINS", "")
#: Put in place of ``{key}`` (天地图's ``tk``): a browser key, restricted to the site's domain.
MAP_TILE_KEY = env_str("MAP_TILE_KEY", "")
#: Shown in the map's corner: the source and, for an approved map, its 审图号.
MAP_ATTRIBUTION = env_str("MAP_ATTRIBUTION", "")
MAP_MAX_ZOOM = env_int("MAP_MAX_ZOOM", 18)

#: Leaflet's subdomains when a template has ``{s}`` and none are configured.
_LEAFLET_SUBDOMAINS = "abc"


def tile_hosts(*templates, subdomains=""):
    """The origins (``https://t0.tianditu.gov.cn``, …) that tile URL templates load from."""
    hosts = []
    for template in templates:
        if not template:
            continue
        parts = urlsplit(template)
        netlocs = [parts.netloc]
        if "{s}" in parts.netloc:
            netlocs = [parts.netloc.replace("{s}", s) for s in (subdomains or _LEAFLET_SUBDOMAINS)]
        for netloc in netlocs:
            origin = f"{parts.scheme}://{netloc}"
            if origin not in hosts:
                hosts.append(origin)
    return hosts


#: What CSP img-src admits for the tiles (CSP_MAP_TILE_HOSTS adds more).
MAP_TILE_SOURCE_HOSTS = tile_hosts(MAP_TILE_URL, MAP_LABEL_TILE_URL, subdomains=MAP_TILE_SUBDOMAINS)
