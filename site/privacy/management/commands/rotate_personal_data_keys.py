"""Re-encrypt every personal data column with the first key of PERSONAL_DATA_KEYS (and recompute
the lookup hashes with PERSONAL_DATA_HASH_KEY), in batches by primary key. Run it after putting
a new key first; once it reports no unreadable values, the old keys can be removed."""

from django.core.management.base import BaseCommand
from django.db import transaction

from siteshell.privacy import crypto, registry


class Command(BaseCommand):
    help = "Re-encrypt personal data with the first key of PERSONAL_DATA_KEYS (docs/privacy.md)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--dry-run", action="store_true", help="count the rows; change nothing")

    def handle(self, *args, batch_size, dry_run, **options):
        if batch_size < 1:
            batch_size = 1000
        total_unreadable = 0
        for model in registry.models_with_encrypted_fields():
            total_unreadable += self.rotate_model(model, batch_size, dry_run)
        if total_unreadable:
            self.stderr.write(
                f"{total_unreadable} value(s) could not be decrypted with any key and were left as they are; "
                "do not remove an old key until this is 0."
            )
        else:
            self.stdout.write(self.style.SUCCESS("Done." if not dry_run else "Dry run: nothing changed."))

    def rotate_model(self, model, batch_size, dry_run) -> int:
        fields = registry.encrypted_fields(model)
        hashes = registry.hash_fields(model)
        names = [field.attname for field in fields]
        hash_names = [field.attname for field in hashes]
        manager = model._base_manager
        label = model._meta.label_lower
        total = manager.count()
        if dry_run:
            self.stdout.write(f"{label}: {total} row(s), field(s) {', '.join(names)} would be re-encrypted")
            return 0
        done = unreadable = 0
        last_pk = None
        while True:
            queryset = manager.order_by("pk").only("pk", *names, *hash_names)
            if last_pk is not None:
                queryset = queryset.filter(pk__gt=last_pk)
            rows = list(queryset[:batch_size])
            if not rows:
                break
            for row in rows:
                unreadable += sum(isinstance(getattr(row, name), crypto.UnreadableValue) for name in names)
                for field in hashes:
                    setattr(row, field.attname, field.compute(row))
            with transaction.atomic():
                manager.bulk_update(rows, [*names, *hash_names])
            done += len(rows)
            last_pk = rows[-1].pk
            self.stdout.write(f"{label}: {done}/{total}")
        self.stdout.write(f"{label}: {done} row(s) re-encrypted, {unreadable} unreadable value(s)")
        return unreadable
