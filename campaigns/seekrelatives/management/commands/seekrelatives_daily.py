"""Daily upkeep of the seek-relatives campaign (run it after ``erase_expired_personal_data``):
delete the attachments and additions of clues whose personal data was erased, sweep files no
attachment names, and remind case officers of deadlines by e-mail."""

from django.core.management.base import BaseCommand

from campaigns.seekrelatives import housekeeping


class Command(BaseCommand):
    help = "为烈士寻亲：删除已到期线索的附件，清理无主文件，提醒承办人办理期限（每天运行）"

    def add_arguments(self, parser):
        parser.add_argument("--no-reminders", action="store_true", help="不发送办理期限提醒")

    def handle(self, *args, **options):
        erased = housekeeping.erase_files_of_erased_clues()
        swept = housekeeping.sweep_orphan_files()
        reminded = 0 if options["no_reminders"] else housekeeping.send_reminders()
        self.stdout.write(f"attachments erased: {erased}; orphan files removed: {swept}; cases reminded: {reminded}")
