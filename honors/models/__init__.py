"""The honour roll: titles and selection rounds (snippets), an index page and profile pages.

``snippets`` holds the titles and rounds, ``profiles`` a profile page with its honours and
related profiles, ``pages`` the index page that lists them. Choices live in ``honors.choices``
and are re-exported here.
"""

from honors.choices import YEAR_VALIDATORS, Category, Gender, ServiceBranch
from honors.models.pages import HonorIndexPage
from honors.models.profiles import ProfileHonour, ProfilePage, ProfilePageTag, RelatedProfile
from honors.models.snippets import HonourTitle, SelectionRound

__all__ = [
    "YEAR_VALIDATORS",
    "Category",
    "Gender",
    "HonorIndexPage",
    "HonourTitle",
    "ProfileHonour",
    "ProfilePage",
    "ProfilePageTag",
    "RelatedProfile",
    "SelectionRound",
    "ServiceBranch",
]
