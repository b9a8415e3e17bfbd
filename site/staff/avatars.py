"""Avatars drawn from the staff member's name, so the admin never asks Gravatar (abroad, and
blocked: a broken image) for a picture. An uploaded profile picture still wins."""

import base64
import hashlib
from xml.sax.saxutils import escape

from siteshell.staff.names import initials

#: Background colours, white text readable on each (contrast ≥ 4.5:1).
COLOURS = ("#9b1b1b", "#1f5f8b", "#2e6b3a", "#6a3d8f", "#8a4b08", "#37474f")


def colour_for(user):
    key = str(getattr(user, "pk", "") or user.get_username()).encode()
    return COLOURS[hashlib.sha256(key).digest()[0] % len(COLOURS)]


def initials_svg(user, size=50):
    text = initials(user)
    # Two characters fill the circle less than one; Han characters are wider than Latin letters.
    font_size = {1: 52, 2: 40}.get(len(text), 34)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" viewBox="0 0 100 100">'
        f'<rect width="100" height="100" fill="{colour_for(user)}"/>'
        f'<text x="50" y="50" dy="0.35em" text-anchor="middle" fill="#ffffff" font-size="{font_size}" '
        f'font-family="PingFang SC, Microsoft YaHei, Noto Sans CJK SC, sans-serif">{escape(text)}</text></svg>'
    )


def initials_avatar_url(user, size=50):
    """A ``data:`` URL of the initials image: nothing is fetched, from here or elsewhere.
    ``None`` for a user with an uploaded picture (Wagtail shows it) or no user at all."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "wagtail_userprofile", None)
    if profile is not None and profile.avatar:
        return None
    encoded = base64.b64encode(initials_svg(user, size).encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"
