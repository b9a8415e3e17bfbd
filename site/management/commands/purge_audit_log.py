from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from siteshell import audit
from siteshell.accounts import records


class Command(BaseCommand):
    help = _("删除超过保存期限（AUDIT_LOG_RETENTION_DAYS，至少180天）的操作记录；可每天定时运行")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help=_("只统计将删除的条数，不删除"))

    def handle(self, *args, dry_run=False, **options):
        days = audit.effective_retention_days()
        counts = audit.purge(dry_run=dry_run)
        logins = counts.pop(records.LOGIN_EVENT_LABEL, 0)
        total = sum(counts.values())
        values = {"days": days, "count": total, "logins": logins}
        if dry_run:
            message = _("保存期限 %(days)d 天：将删除 %(count)d 条操作记录、%(logins)d 条登录记录") % values
        else:
            message = _("保存期限 %(days)d 天：已删除 %(count)d 条操作记录、%(logins)d 条登录记录") % values
        self.stdout.write(message)
