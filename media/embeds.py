"""Embeds for the video platforms a bureau actually publishes on.

哔哩哔哩, 腾讯视频 and 优酷 offer no oEmbed endpoint, so Wagtail's default finders cannot embed
their films. Their player addresses are derived from the video page address, without any
network call; other platforms still go through oEmbed (settings ``WAGTAILEMBEDS_FINDERS``).
"""

import re

from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.embeds.finders.base import EmbedFinder

PLATFORMS = [
    (
        gettext_lazy("哔哩哔哩"),
        re.compile(r"^https?://(?:www\.|m\.)?bilibili\.com/video/(?P<id>BV[0-9A-Za-z]{10})"),
        "https://player.bilibili.com/player.html?bvid={id}&autoplay=0",
    ),
    (
        gettext_lazy("腾讯视频"),
        re.compile(r"^https?://v\.qq\.com/x/(?:cover/[0-9A-Za-z]+/|page/)(?P<id>[0-9A-Za-z]{11})\.html"),
        "https://v.qq.com/txp/iframe/player.html?vid={id}",
    ),
    (
        gettext_lazy("优酷"),
        re.compile(r"^https?://v\.youku\.com/v_show/id_(?P<id>[0-9A-Za-z=]+)\.html"),
        "https://player.youku.com/embed/{id}",
    ),
]

PLAYER_WIDTH, PLAYER_HEIGHT = 640, 360


def _match(url):
    for provider, pattern, player in PLATFORMS:
        match = pattern.match(url.strip())
        if match:
            return provider, player.format(id=match.group("id"))
    return None


def player_html(url):
    """The ``<iframe>`` of a 哔哩哔哩, 腾讯视频 or 优酷 video page address, titled in the active
    language; ``None`` for any other address.

    Wagtail keeps an embed's HTML in the database as it was first fetched, in the language of
    whoever fetched it; ``{{ value|embed_html }}`` (``media_tags``) writes these players afresh
    for each visitor instead.
    """
    matched = _match(url)
    if matched is None:
        return None
    provider, player_url = matched
    return str(
        format_html(
            '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" allowfullscreen '
            'referrerpolicy="strict-origin-when-cross-origin" '
            'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" '
            'allow="fullscreen; picture-in-picture"></iframe>',
            player_url,
            _("%(provider)s视频播放器") % {"provider": provider},
            PLAYER_WIDTH,
            PLAYER_HEIGHT,
        )
    )


class ChineseVideoPlatformFinder(EmbedFinder):
    """Embeds 哔哩哔哩, 腾讯视频 and 优酷 video pages as a 16:9 player."""

    def __init__(self, **options):
        self.options = options

    def accept(self, url):
        return _match(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        provider, _player_url = _match(url)
        return {
            "title": "",
            "author_name": "",
            "provider_name": str(provider),
            "type": "video",
            "thumbnail_url": None,
            "width": PLAYER_WIDTH,
            "height": PLAYER_HEIGHT,
            "html": player_html(url),
        }
