"""The tribute halls' data: offerings and their counters (bulk rows, never pages), the public's
messages (moderated), each hall's settings, and the collective ceremonies (pages)."""

from memorials.tributes.models.ceremonies import CeremonyFacility, CeremonyHall, CeremonyPage
from memorials.tributes.models.messages import HallSettings, MessageKind, TributeMessage
from memorials.tributes.models.offerings import Offering, QueuedOffering, Scope, TributeCount

__all__ = [
    "CeremonyFacility",
    "CeremonyHall",
    "CeremonyPage",
    "HallSettings",
    "MessageKind",
    "Offering",
    "QueuedOffering",
    "Scope",
    "TributeCount",
    "TributeMessage",
]
