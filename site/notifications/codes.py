"""Tracking codes and second factors as text: generation, normalisation, keyed hashing.

A code is drawn with :mod:`secrets` from :data:`ALPHABET`, 27 characters in which no two look
alike: 0, 1, O, I, L and U are left out, and of the pairs 2/Z, 5/S and 8/B only the digit is
kept. :data:`LENGTH` characters give 11 × log2(27) ≈ 52 bits. What a person
types is normalised before it is compared (full-width forms, case, spaces, dashes), and the
letters left out for a look-alike digit are read as that digit.
"""

from __future__ import annotations

import math
import re
import secrets
import unicodedata

from django.utils.crypto import salted_hmac

ALPHABET = "23456789ACDEFGHJKMNPQRTVWXY"
LENGTH = 11
#: How the code is shown: groups of 4, 4 and 3 characters joined by dashes.
GROUPS = (4, 4, 3)
BITS = LENGTH * math.log2(len(ALPHABET))

#: Letters people type for the digit they resemble.
LOOK_ALIKES = str.maketrans({"Z": "2", "S": "5", "B": "8"})
#: Spaces and every kind of dash or dot people put between groups.
SEPARATORS = re.compile(r"[\s\-‐‑‒–—―−_.·•・]+")
VALID_CODE = re.compile(f"[{ALPHABET}]{{{LENGTH}}}")

HASH_SALT = "siteshell.notifications.tracking.second-factor"


def generate_code() -> str:
    """A new random code in its stored form (no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def format_code(code: str) -> str:
    """``K7QM4XTP9RA`` → ``K7QM-4XTP-9RA``."""
    parts, start = [], 0
    for size in GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(part for part in parts if part)


def normalise_code(value) -> str:
    """The stored form of what a person typed, or ``""`` when it cannot be a code."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    text = SEPARATORS.sub("", text).upper().translate(LOOK_ALIKES)
    return text if VALID_CODE.fullmatch(text) else ""


def normalise_factor(value) -> str:
    """A second factor as compared: full-width to half-width, no spaces or dashes, case folded."""
    text = unicodedata.normalize("NFKC", str(value or ""))
    return SEPARATORS.sub("", text).casefold()


def factor_hash(code: str, factor: str) -> str:
    """The keyed hash (``SECRET_KEY``) kept instead of the factor; the code is part of the message,
    so one factor gives a different hash on every code."""
    return salted_hmac(HASH_SALT, f"{code}:{normalise_factor(factor)}", algorithm="sha256").hexdigest()
