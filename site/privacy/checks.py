"""System checks: keys derived from SECRET_KEY are for a laptop only; configured keys must be
Fernet keys."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from siteshell.privacy import crypto


@checks.register(checks.Tags.security, deploy=True)
def check_personal_data_keys(app_configs, **kwargs):
    problems = []
    if crypto.uses_derived_keys():
        problems.append(
            checks.Warning(
                "PERSONAL_DATA_KEYS is not set: personal data is encrypted with a key derived from SECRET_KEY",
                hint="Set PERSONAL_DATA_KEYS to a Fernet key (docs/privacy.md); keep it apart from the database backups.",
                id="privacy.W001",
            )
        )
    if not getattr(settings, "PERSONAL_DATA_HASH_KEY", ""):
        problems.append(
            checks.Warning(
                "PERSONAL_DATA_HASH_KEY is not set: lookup hashes use a key derived from SECRET_KEY",
                hint="Set PERSONAL_DATA_HASH_KEY to a long random string (docs/privacy.md).",
                id="privacy.W002",
            )
        )
    return problems


@checks.register(checks.Tags.security)
def check_personal_data_keys_are_valid(app_configs, **kwargs):
    try:
        crypto.fernet()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="privacy.E001")]
    return []
