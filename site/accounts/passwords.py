"""Password rules (等保 2.0): at least three of four character classes, Chinese messages.

The minimum length (12) is Django's ``MinimumLengthValidator`` with ``min_length`` (settings).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def character_classes(password: str) -> set[str]:
    """The classes a password uses: upper/lower-case letters, digits, symbols."""
    found = set()
    for char in password:
        if char.isascii() and char.isalpha():
            found.add("upper" if char.isupper() else "lower")
        elif char.isdigit():
            found.add("digit")
        elif not char.isspace() or char == " ":
            # Anything else counts as a symbol (punctuation, a space, a Chinese character).
            found.add("symbol")
    return found


class CharacterClassesValidator:
    """At least ``min_classes`` (default 3) of: upper-case letters, lower-case letters, digits,
    symbols."""

    def __init__(self, min_classes=3):
        self.min_classes = max(1, min(4, int(min_classes)))

    def validate(self, password, user=None):
        if len(character_classes(password or "")) < self.min_classes:
            raise ValidationError(self.message(), code="password_too_simple")

    def message(self) -> str:
        return _("密码须至少包含大写字母、小写字母、数字、符号中的 %(count)d 类。") % {"count": self.min_classes}

    def get_help_text(self) -> str:
        return self.message()

    def get_error_message(self) -> str:
        return self.message()
