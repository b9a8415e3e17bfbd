"""Moving an existing plain column to :class:`~siteshell.privacy.fields.PersonalDataField`, for a
plugin's migration. The column must be a plain ``TextField`` while this runs (so that neither
side of the copy decrypts or encrypts by itself)::

    operations = [
        migrations.AddField("request", "phone_hash", PersonalDataHashField(source="phone")),
        migrations.AlterField("request", "phone", models.TextField(blank=True)),
        encrypt_column("myplugin", "request", "phone", kind="mobile", hash_field="phone_hash"),
        migrations.AlterField("request", "phone", PersonalDataField(kind="mobile", blank=True)),
    ]

Rows are read and written in batches by primary key (SQLite and PostgreSQL alike). The reverse
decrypts (a value no key opens becomes ``""``: it could not be shown anyway).
"""

from __future__ import annotations

from django.db import migrations

from siteshell.privacy import crypto
from siteshell.privacy.fields import hash_for

BATCH_SIZE = 1000


def _batches(model, names, batch_size):
    manager = model._base_manager
    last_pk = None
    while True:
        queryset = manager.order_by("pk").only("pk", *names)
        if last_pk is not None:
            queryset = queryset.filter(pk__gt=last_pk)
        rows = list(queryset[:batch_size])
        if not rows:
            return
        yield rows
        last_pk = rows[-1].pk


def encrypt_rows(model, field: str, kind: str, hash_field: str | None = None, batch_size=BATCH_SIZE) -> int:
    names = [field, *([hash_field] if hash_field else [])]
    done = 0
    for rows in _batches(model, names, batch_size):
        for row in rows:
            plain = getattr(row, field) or ""
            setattr(row, field, crypto.encrypt(plain) if plain else plain)
            if hash_field:
                setattr(row, hash_field, hash_for(plain, kind))
        model._base_manager.bulk_update(rows, names)
        done += len(rows)
    return done


def decrypt_rows(model, field: str, hash_field: str | None = None, batch_size=BATCH_SIZE) -> int:
    names = [field, *([hash_field] if hash_field else [])]
    done = 0
    for rows in _batches(model, names, batch_size):
        for row in rows:
            token = getattr(row, field) or ""
            plain = crypto.decrypt(token, where=f"{model._meta.label_lower}.{field}") if token else ""
            setattr(row, field, "" if isinstance(plain, crypto.UnreadableValue) else plain)
            if hash_field:
                setattr(row, hash_field, "")
        model._base_manager.bulk_update(rows, names)
        done += len(rows)
    return done


def encrypt_column(app_label, model_name, field, *, kind, hash_field=None, batch_size=BATCH_SIZE):
    """A ``RunPython`` operation that encrypts the column's values (and fills their hashes)."""

    def forwards(apps, schema_editor):
        encrypt_rows(apps.get_model(app_label, model_name), field, kind, hash_field, batch_size)

    def backwards(apps, schema_editor):
        decrypt_rows(apps.get_model(app_label, model_name), field, hash_field, batch_size)

    return migrations.RunPython(forwards, backwards, elidable=False)
