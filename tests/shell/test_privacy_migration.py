"""The corrections' existing contacts are encrypted by memorials' migration 0008 (and decrypted
again when it is reversed)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from siteshell.privacy import crypto
from siteshell.privacy.fields import hash_for

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.plugin("memorials")]

BEFORE = [("memorials", "0007_correction_moderation")]
AFTER = [("memorials", "0008_correction_personal_data")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def raw_contacts():
    with connection.cursor() as cursor:
        cursor.execute("SELECT submitter_contact FROM memorials_martyrcorrection ORDER BY id")
        return [row[0] for row in cursor.fetchall()]


def test_existing_contacts_are_encrypted_and_the_reverse_decrypts():
    old_apps = migrate(BEFORE)
    MartyrCorrection = old_apps.get_model("memorials", "MartyrCorrection")
    record = old_apps.get_model("memorials", "MartyrRecord").objects.create(name="杨靖宇").pk
    contacts = ["13800001234", "li@example.com", ""]
    for contact in contacts:
        MartyrCorrection.objects.create(record_id=record, field="unit", proposed_value="x", submitter_contact=contact)

    new_apps = migrate(AFTER)
    tokens = raw_contacts()
    assert tokens[2] == "" and all(contact not in token for contact, token in zip(contacts[:2], tokens, strict=False))
    assert [crypto.decrypt(token) if token else "" for token in tokens] == contacts
    hashes = list(
        new_apps.get_model("memorials", "MartyrCorrection")
        .objects.order_by("id")
        .values_list("submitter_contact_hash", flat=True)
    )
    assert hashes == [hash_for("13800001234", "contact"), hash_for("LI@example.com", "contact"), ""]

    migrate(BEFORE)
    assert raw_contacts() == contacts
    # Every app forward again: going back unapplied the plugins that build on memorials
    # (tributes, sweeping, seek-relatives), whose tables the next tests need.
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
