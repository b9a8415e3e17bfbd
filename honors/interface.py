"""What other plugins may use of the honour roll: the one module of ``honors`` they import.

A plugin that names ``"honors"`` in ``PluginMeta.requires`` may point a foreign key at a profile
(``models.ForeignKey(PROFILE_MODEL, …)`` or ``ProfilePage``) and read profiles through the
functions below; everything else in ``honors`` may change without notice. Only live, public
profiles are ever returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from honors.models import ProfilePage

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest

__all__ = ["PROFILE_MODEL", "ProfileCard", "ProfilePage", "get_published_profile", "profile_card", "published_profiles"]

#: The profile model as a lazy reference, for foreign keys and ``parent_page_types``.
PROFILE_MODEL = "honors.ProfilePage"


@dataclass(frozen=True)
class ProfileCard:
    """What another plugin shows of a profile (a talk's speaker, say)."""

    #: The person's (or volunteer organisation's) name.
    name: str
    #: The newest honour, e.g. “2023年市级第三届“最美退役军人””, in the active language (the
    #: round's edition and the title are what editors wrote); ``""`` when there is none.
    title: str
    #: The profile page's URL for the request's site (``""`` when it has none).
    url: str
    #: The portrait (a ``media`` image, render with ``{% responsive_image %}``), or ``None``.
    photo: Any = None


def published_profiles() -> QuerySet[ProfilePage]:
    """Every live, public profile, in page-tree order, with its photo."""
    return ProfilePage.objects.live().public().select_related("photo").order_by("path")


def get_published_profile(pk) -> ProfilePage | None:
    """The live, public profile with primary key ``pk``, or ``None`` (a draft, a private page,
    a profile that was deleted or a value that is no primary key at all)."""
    try:
        return published_profiles().filter(pk=pk).first()
    except (TypeError, ValueError):
        return None


def profile_card(profile: ProfilePage, request: HttpRequest | None = None) -> ProfileCard:
    """Name, newest honour, URL and photo of ``profile``, for another plugin's templates."""
    honour = profile.latest_honour
    return ProfileCard(
        name=profile.title,
        title=str(honour) if honour is not None else "",
        url=profile.get_url(request=request) or "",
        photo=profile.photo,
    )
