"""编号 (a record's code in the bureau's list) as the archive stores it, whatever the list wrote.

Lists write the same code as ``a-2026 01``, ``Ａ－202601`` or ``A—202601``: one code is kept,
``A-202601`` — full-width characters to half-width (NFKC), no spaces, dashes as ``-``, letters
upper case. The importer stores codes this way, and the admin search normalises what staff type
the same way, so a code is found however it is typed.
"""

from __future__ import annotations

import re
import unicodedata

#: Dashes and hyphens people type in codes (after NFKC: the full-width ones are ASCII already).
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u30fc\ufe58\ufe63]")
_SPACES = re.compile(r"\s+")


def normalise_code(value) -> str:
    """``" ａ－2026 01 "`` → ``"A-202601"``; empty for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value))
    text = _SPACES.sub("", text)
    text = _DASHES.sub("-", text)
    return text.upper()
