"""Settings: public forms (siteshell.publicforms; docs/public-forms.md).

Every public form (corrections, reports, the status page, and the plugins' forms next) goes
through one protection: rate limits per visitor and per address, a honeypot, a CAPTCHA after a
threshold, field limits and character checks.
"""

import shutil

from siteshell.settings.env import env_int, env_str

# Rates in django-ratelimit's form ("5/10m" = five in ten minutes). ``visitor`` and ``address``
# count every POST of one form (an address is shared by a school or an office behind one NAT,
# so its rate is higher); ``captcha_visitor`` / ``captcha_address`` count stored submissions:
# past them the form asks for a CAPTCHA. ``None`` switches one limit off. A form's own entry
# overrides ``default`` key by key; a view's defaults sit in between.
PUBLIC_FORM_RATES = {
    "default": {
        "visitor": env_str("PUBLIC_FORM_VISITOR_RATE", "6/10m"),
        "address": env_str("PUBLIC_FORM_ADDRESS_RATE", "60/h"),
        "captcha_visitor": env_str("PUBLIC_FORM_CAPTCHA_VISITOR_RATE", "3/h"),
        "captcha_address": env_str("PUBLIC_FORM_CAPTCHA_ADDRESS_RATE", "20/h"),
    },
}
# The largest request body a public form reads (bytes); larger posts are refused with a notice.
PUBLIC_FORM_MAX_BODY = env_int("PUBLIC_FORM_MAX_BODY", 128 * 1024)
# The length of a text field that declares none (characters).
PUBLIC_FORM_MAX_FIELD_LENGTH = env_int("PUBLIC_FORM_MAX_FIELD_LENGTH", 2000)
# A post sooner than this after the form was shown counts as a bot's (it asks for a CAPTCHA
# next time; nothing is refused for it).
PUBLIC_FORM_MIN_SECONDS = env_int("PUBLIC_FORM_MIN_SECONDS", 3)
# How long a honeypot or speed hit keeps asking the visitor and the address for a CAPTCHA.
PUBLIC_FORM_FLAG_SECONDS = env_int("PUBLIC_FORM_FLAG_SECONDS", 3600)

# django-simple-captcha: a sum in big, clear digits; self-hosted, no third-party service.
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_FONT_SIZE = 40
CAPTCHA_LETTER_ROTATION = (-8, 8)
CAPTCHA_FOREGROUND_COLOR = "#1a1a1a"
CAPTCHA_BACKGROUND_COLOR = "#ffffff"
# No noise lines across the digits: readable first (elderly visitors); the rate limits, not the
# picture, are what stops a flood.
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_null",)
# A fixed size keeps the "=" and the tops of the digits inside the picture (the page shows it
# 4.5rem high); the 2x variant would be cut at this size.
CAPTCHA_IMAGE_SIZE = (200, 72)
CAPTCHA_2X_IMAGE = False
# Minutes a challenge stays valid: long enough for a long correction typed slowly.
CAPTCHA_TIMEOUT = env_int("CAPTCHA_TIMEOUT", 60)
# The audio challenge needs flite (Debian package "flite"); offered only when it is installed.
CAPTCHA_FLITE_PATH = env_str("CAPTCHA_FLITE_PATH", "") or shutil.which("flite")
# flite reads "*" as "times"; without audio the image shows the clearer "×".
CAPTCHA_MATH_CHALLENGE_OPERATOR = "*" if CAPTCHA_FLITE_PATH else "×"
