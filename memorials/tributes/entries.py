"""One accepted offering as it travels through a queue to the folder."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

#: Rows or ids per SQL statement of the queues and the folder (at most 7 parameters a row: well
#: below SQLite's limit of 32,766).
CHUNK = 500

#: The columns a database queue reads an entry from, in :meth:`Entry.from_row`'s order.
ROW_COLUMNS = ("id", "record_id", "facility_id", "kind", "day", "visitor", "address", "offered_at")


@dataclass(frozen=True)
class Entry:
    """One accepted offering as it travels to the folder. ``ref`` names it in its queue."""

    record_id: int
    facility_id: int | None
    kind: str
    day: datetime.date
    visitor: str
    address: str
    offered_at: datetime.datetime
    ref: str = field(default="", compare=False)

    def as_fields(self) -> dict[str, str]:
        return {
            "record": str(self.record_id),
            "facility": "" if self.facility_id is None else str(self.facility_id),
            "kind": self.kind,
            "day": self.day.isoformat(),
            "visitor": self.visitor,
            "address": self.address,
            "at": self.offered_at.isoformat(),
        }

    @classmethod
    def from_row(cls, row) -> Entry:
        """An entry from a queued row (:data:`ROW_COLUMNS`), its dates as the database gives them
        or as ISO text."""
        row_id, record_id, facility_id, kind, day, visitor, address, offered_at = row
        if isinstance(day, str):
            day = datetime.date.fromisoformat(day)
        if isinstance(offered_at, str):
            offered_at = datetime.datetime.fromisoformat(offered_at)
        return cls(record_id, facility_id, kind, day, visitor, address, offered_at, ref=str(row_id))

    @classmethod
    def from_fields(cls, fields: dict, ref: str) -> Entry | None:
        """An entry read back from a stream; ``None`` for one that cannot be read."""
        try:
            text = {as_text(key): as_text(value) for key, value in fields.items()}
            facility = text.get("facility", "")
            return cls(
                record_id=int(text["record"]),
                facility_id=int(facility) if facility else None,
                kind=text["kind"],
                day=datetime.date.fromisoformat(text["day"]),
                visitor=text["visitor"],
                address=text.get("address", ""),
                offered_at=datetime.datetime.fromisoformat(text["at"]),
                ref=ref,
            )
        except (KeyError, ValueError, TypeError):
            return None


def as_text(value) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def chunks(items: list, size: int = CHUNK):
    """``items`` in consecutive lists of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
