from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from siteshell.notifications.delivery import send_due
from siteshell.notifications.models import Status


class Command(BaseCommand):
    help = _(
        "发送到期的通知：到了重试时间的，以及任务丢失的。请每分钟定时运行（使用即时任务后端时必须运行，它不能延后重试）"
    )

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=500, help=_("每次最多发送的条数"))

    def handle(self, *args, limit, **options):
        results = send_due(limit=limit)
        self.stdout.write(
            _("已发送 %(sent)s 条，稍后重试 %(queued)s 条，失败 %(failed)s 条")
            % {"sent": results[Status.SENT], "queued": results[Status.QUEUED], "failed": results[Status.FAILED]}
        )
