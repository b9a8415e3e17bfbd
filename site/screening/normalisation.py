"""The one normalisation applied to a screened text and to every word of the list, so that
侮 辱 英 烈, 侮*辱英烈, 侮辱英烈 in traditional characters and ｗｅｉｘｉｎ / WeiXin all meet
their word.

Steps: everything that is not a letter or a digit is removed (spaces, punctuation, symbols,
emoji, zero-width and control characters, combining marks), full-width forms become
half-width (NFKC), case is folded, and traditional characters become simplified (OpenCC
``t2s``, one converter per process).
"""

from __future__ import annotations

import re
import threading
import unicodedata

#: Anything that is not a letter or digit of some script (``\\w`` minus the underscore).
NOT_A_LETTER_RE = re.compile(r"[\W_]+")

_converter = None
_converter_lock = threading.Lock()


def _get_converter():
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                import opencc

                _converter = opencc.OpenCC("t2s")
    return _converter


def normalise(text) -> str:
    """Letters and digits only, half-width, case-folded, simplified; ``""`` for ``None``."""
    if not text:
        return ""
    # Removing first leaves NFKC less to do (it is the slow step; a text of letters only is
    # usually normalised already, which the quick check sees at once).
    text = NOT_A_LETTER_RE.sub("", str(text))
    if not unicodedata.is_normalized("NFKC", text):
        # Full-width letters and digits, ligatures, circled numbers … (and what NFKC turns
        # into punctuation, such as the fraction slash of ½, goes again).
        text = NOT_A_LETTER_RE.sub("", unicodedata.normalize("NFKC", text))
    text = text.casefold()
    if not text.isascii():
        text = _get_converter().convert(text)
    return text
