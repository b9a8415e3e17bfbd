"""What an import reports: its counts, the rows that did not import, and why."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header row); the message is translated."""


@dataclass
class RowError:
    """A row that did not import: its number as the spreadsheet counts rows, the reason (in the
    language of the import) and the cells as the user wrote them (for the error file)."""

    row: int
    reason: str
    values: list


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    blank_rows: int = 0
    rows_read: int = 0
    errors: list[RowError] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    missing_columns: list[str] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    resumed_from: int = 0
    dry_run: bool = False
    job: object = None

    @property
    def imported(self):
        return self.created + self.updated
