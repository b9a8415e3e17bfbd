"""Embeds for the video platforms a bureau actually publishes on.

哔哩哔哩, 腾讯视频 and 优酷 offer no oEmbed endpoint, so Wagtail's default finders cannot embed
their films. Their player addresses are derived from the video page address, without any
network call; other platforms still go through oEmbed (settings ``WAGTAILEMBEDS_FINDERS``).
"""

import re

from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail.embeds.finders.base import EmbedFinder

PLATFORMS = [
    (
        "哔哩哔哩",
        re.compile(r"^https?://(?:www\.|m\.)?bilibili\.com/video/(?P<id>BV[0-9A-Za-z]{10})"),
        "https://player.bilibili.com/player.html?bvid={id}&autoplay=0",
    ),
    (
        "腾讯视频",
        re.compile(r"^https?://v\.qq\.com/x/(?:cover/[0-9A-Za-z]+/|page/)(?P<id>[0-9A-Za-z]{11})\.html"),
        "https://v.qq.com/txp/iframe/player.html?vid={id}",
    ),
    (
        "优酷",
        re.compile(r"^https?://v\.youku\.com/v_show/id_(?P<id>[0-9A-Za-z=]+)\.html"),
        "https://player.youku.com/embed/{id}",
    ),
]


class ChineseVideoPlatformFinder(EmbedFinder):
    """Embeds 哔哩哔哩, 腾讯视频 and 优酷 video pages as a 16:9 player."""

    def __init__(self, **options):
        self.options = options

    def _match(self, url):
        for provider, pattern, player in PLATFORMS:
            match = pattern.match(url.strip())
            if match:
                return provider, player.format(id=match.group("id"))
        return None

    def accept(self, url):
        return self._match(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        provider, player_url = self._match(url)
        width, height = 640, 360
        html = format_html(
            '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy" allowfullscreen '
            'referrerpolicy="strict-origin-when-cross-origin" '
            'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" '
            'allow="fullscreen; picture-in-picture"></iframe>',
            player_url,
            _("%(provider)s视频播放器") % {"provider": provider},
            width,
            height,
        )
        return {
            "title": "",
            "author_name": "",
            "provider_name": provider,
            "type": "video",
            "thumbnail_url": None,
            "width": width,
            "height": height,
            "html": str(html),
        }
