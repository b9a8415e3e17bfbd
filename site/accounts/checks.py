"""System checks for staff logins."""

from django.conf import settings
from django.core.checks import Warning, register

from siteshell.cache import per_process


@register("security", deploy=True)
def lockout_counts_are_shared(app_configs=None, **kwargs):
    """The cache handler counts failures in the default cache: a per-process cache would let
    each web worker count its own failures (several times the limit in all)."""
    handler = str(getattr(settings, "AXES_HANDLER", ""))
    if "cache" in handler.rsplit(".", 1)[-1].lower() and per_process("default"):
        return [
            Warning(
                "AXES_HANDLER counts failed logins in a per-process cache",
                hint="Set REDIS_URL (a shared cache) or AXES_HANDLER=siteshell.accounts.lockout.DatabaseHandler.",
                id="accounts.W001",
            )
        ]
    return []
