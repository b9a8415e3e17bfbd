"""Personal data at rest: encrypted with the keys from the settings, the plain value never in the
database, lookups through the keyed hash, key rotation, and a lost key that does not break pages."""

import logging

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError, ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from siteshell.privacy import crypto
from siteshell.privacy.fields import hash_for

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("requestdesk")]

OLD_KEY = Fernet.generate_key().decode()
NEW_KEY = Fernet.generate_key().decode()


def make_request(phone="13900138000"):
    from tests.requestdesk.models import ServiceRequest

    return ServiceRequest.objects.create(name="王建国", phone=phone, text="清明节请代为祭扫")


def stored_phone(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT phone, phone_hash FROM requestdesk_servicerequest WHERE id = %s", [pk])
        return cursor.fetchone()


def reload(request):
    return type(request).objects.get(pk=request.pk)


def test_the_value_round_trips_and_the_database_holds_only_a_token(settings):
    settings.PERSONAL_DATA_KEYS = [OLD_KEY]
    request = make_request()
    token, hashed = stored_phone(request.pk)
    assert "13900138000" not in token and "8000" not in token
    assert Fernet(OLD_KEY.encode()).decrypt(token.encode()) == b"13900138000"
    assert reload(request).phone == "13900138000"
    assert hashed == hash_for("13900138000", "mobile") and len(hashed) == 64
    # Saving again re-encrypts (a new token), the value stays.
    request.save()
    assert stored_phone(request.pk)[0] != token and reload(request).phone == "13900138000"


def test_the_default_key_is_derived_from_the_secret_key(settings):
    settings.PERSONAL_DATA_KEYS = []
    request = make_request()
    assert crypto.uses_derived_keys()
    assert reload(request).phone == "13900138000"
    settings.SECRET_KEY = "another-secret-key-that-is-long-enough-for-the-test-0123456789"
    assert reload(request).phone == crypto.UNREADABLE


def test_lookups_on_the_ciphertext_are_refused_and_the_hash_finds_the_row(settings):
    from tests.requestdesk.models import ServiceRequest

    request = make_request()
    make_request(phone="13700137000")
    for lookup in ("phone", "phone__startswith", "phone__in", "phone__icontains"):
        with pytest.raises(FieldError, match="encrypted"):
            ServiceRequest.objects.filter(**{lookup: "13900138000"}).count()
    assert ServiceRequest.objects.filter(phone__isnull=True).count() == 0
    # Any way of writing the number finds it.
    for written in ("13900138000", "+86 139-0013-8000", "１３９００１３８０００"):
        assert list(ServiceRequest.objects.filter(phone_hash=hash_for(written, "mobile"))) == [request]


def test_the_hash_key_is_separate_and_configurable(settings):
    settings.PERSONAL_DATA_HASH_KEY = "one-hash-key"
    first = hash_for("13900138000", "mobile")
    settings.PERSONAL_DATA_HASH_KEY = "another-hash-key"
    assert hash_for("13900138000", "mobile") != first
    assert hash_for("", "mobile") == "" and hash_for("not a phone", "mobile") == ""


def test_rotation_the_old_key_decrypts_and_the_command_re_encrypts(settings):
    settings.PERSONAL_DATA_KEYS = [OLD_KEY]
    requests = [make_request(phone=f"1390013800{n}") for n in range(5)]
    settings.PERSONAL_DATA_KEYS = [NEW_KEY, OLD_KEY]
    assert [reload(r).phone for r in requests] == [f"1390013800{n}" for n in range(5)]
    before = [stored_phone(r.pk)[0] for r in requests]

    call_command("rotate_personal_data_keys", "--dry-run", stdout=(out := _Out()))
    assert [stored_phone(r.pk)[0] for r in requests] == before and "requestdesk.servicerequest: 5" in out.text

    call_command("rotate_personal_data_keys", "--batch-size", "2", stdout=(out := _Out()))
    assert "requestdesk.servicerequest: 4/5" in out.text and "5 row(s) re-encrypted, 0 unreadable" in out.text
    settings.PERSONAL_DATA_KEYS = [NEW_KEY]
    assert [reload(r).phone for r in requests] == [f"1390013800{n}" for n in range(5)]
    assert all(stored_phone(r.pk)[1] == hash_for(reload(r).phone, "mobile") for r in requests)


def test_a_lost_key_gives_a_marker_logs_an_error_and_keeps_the_token(settings, caplog):
    settings.PERSONAL_DATA_KEYS = [OLD_KEY]
    request = make_request()
    token, hashed = stored_phone(request.pk)
    settings.PERSONAL_DATA_KEYS = [NEW_KEY]
    with caplog.at_level(logging.ERROR, logger="siteshell.privacy"):
        lost = reload(request)
    assert lost.phone == crypto.UNREADABLE
    assert "requestdesk.servicerequest.phone" in caplog.text and "13900138000" not in caplog.text
    # Saving the row (a status change) keeps the token for the day the key is found.
    lost.status = lost.Status.SCHEDULED
    lost.save()
    assert stored_phone(request.pk) == (token, hashed)
    settings.PERSONAL_DATA_KEYS = [NEW_KEY, OLD_KEY]
    assert reload(request).phone == "13900138000"


def test_a_key_that_is_not_a_fernet_key_is_a_clear_configuration_error(settings):
    from siteshell.privacy.checks import check_personal_data_keys_are_valid

    settings.PERSONAL_DATA_KEYS = [NEW_KEY, "not-a-key"]
    with pytest.raises(ImproperlyConfigured, match="key 2 is not a Fernet key"):
        crypto.encrypt("x")
    assert [error.id for error in check_personal_data_keys_are_valid(None)] == ["privacy.E001"]


def test_serialisation_shows_the_value_masked():
    from django.core import serializers

    request = make_request()
    dumped = serializers.serialize("json", [request])
    assert "139****8000" in dumped and "13900138000" not in dumped


class _Out:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_production_refuses_to_start_without_personal_data_keys():
    import secrets

    from tests.utils import run_python

    result = run_python(
        ["-c", "import django; django.setup()"],
        DJANGO_SETTINGS_MODULE="siteshell.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        PERSONAL_DATA_KEYS="",
    )
    assert result.returncode != 0 and "PERSONAL_DATA_KEYS must be set" in result.stderr
