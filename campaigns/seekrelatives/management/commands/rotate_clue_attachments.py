"""Re-encrypt every clue attachment with the first of ``PERSONAL_DATA_KEYS`` (step 2 of a key
rotation, beside ``rotate_personal_data_keys``; see docs/privacy.md)."""

from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand

from campaigns.seekrelatives import attachments
from campaigns.seekrelatives.models import ClueAttachment


class Command(BaseCommand):
    help = "用 PERSONAL_DATA_KEYS 的第一个密钥重新加密寻亲线索的附件"

    def handle(self, *args, **options):
        done = unreadable = missing = 0
        for name in ClueAttachment.objects.order_by("pk").values_list("stored_name", flat=True).iterator():
            try:
                attachments.rotate(name)
                done += 1
            except InvalidToken:
                unreadable += 1
            except FileNotFoundError:
                missing += 1
        self.stdout.write(f"{done} attachment(s) re-encrypted, {unreadable} unreadable value(s), {missing} missing")
