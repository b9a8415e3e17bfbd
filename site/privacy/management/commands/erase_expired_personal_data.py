"""Erase the personal fields of submissions past their retention (scheduled daily)."""

from django.core.management.base import BaseCommand

from siteshell.privacy import lifecycle


class Command(BaseCommand):
    help = "Erase personal data whose retention has ended (PRIVACY_RETENTION_DAYS; docs/privacy.md)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count the rows; change nothing")
        parser.add_argument("--batch-size", type=int, default=1000)

    def handle(self, *args, dry_run, batch_size, **options):
        for model in lifecycle.lifecycle_models():
            label = model._meta.label_lower
            days = lifecycle.retention_days(model)
            if days is None:
                self.stdout.write(f"{label}: kept (no retention period)")
                continue
            count = lifecycle.erase_expired(model, dry_run=dry_run, batch_size=max(batch_size, 1))
            verb = "would be erased" if dry_run else "erased"
            self.stdout.write(f"{label}: {count} row(s) older than {days} day(s) {verb}")
