"""The campaign's data: the list of sought martyrs, cases and their clues, and its pages."""

from campaigns.seekrelatives.models.cases import CaseNote, ClueCase
from campaigns.seekrelatives.models.clues import (
    Clue,
    ClueAddition,
    ClueAttachment,
    ClueMessage,
    Relationship,
)
from campaigns.seekrelatives.models.pages import ResultAnnouncementPage, SeekRelativesCampaignPage, SuccessStoryPage
from campaigns.seekrelatives.models.sought import SoughtMartyr

__all__ = [
    "CaseNote",
    "Clue",
    "ClueAddition",
    "ClueAttachment",
    "ClueCase",
    "ClueMessage",
    "Relationship",
    "ResultAnnouncementPage",
    "SeekRelativesCampaignPage",
    "SoughtMartyr",
    "SuccessStoryPage",
]
