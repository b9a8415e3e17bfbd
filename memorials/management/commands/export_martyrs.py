"""``manage.py export_martyrs FILE``: export records with the import headers (round-trips)."""

import csv
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext
from tqdm import tqdm

from memorials.columns import HEADERS
from memorials.exporter import EXPORT_KEYS, export_row
from memorials.models import MartyrRecord
from memorials.periods import WarPeriod

#: An .xlsx sheet holds at most 1,048,576 rows; larger exports must be CSV.
XLSX_MAX_ROWS = 1_048_575


class Command(BaseCommand):
    @property
    def help(self):
        # Translated when the parser is built: argparse cannot format a lazy description.
        return _("导出烈士档案（.csv 或 .xlsx，表头与导入相同，可直接重新导入）。")

    def add_arguments(self, parser):
        parser.add_argument("file", help=gettext_lazy("导出文件（.csv 或 .xlsx）"))
        parser.add_argument("--province", help=gettext_lazy("籍贯省份，如 四川省"))
        parser.add_argument("--period", choices=WarPeriod.values, help=gettext_lazy("历史时期"))
        parser.add_argument("--decade", type=int, help=gettext_lazy("牺牲年代，如 1950"))
        parser.add_argument("--battle", help=gettext_lazy("战役/事件"))
        parser.add_argument("--facility", type=int, help=gettext_lazy("安葬的纪念设施编号（id）"))
        parser.add_argument("--published", action="store_true", help=gettext_lazy("只导出已发布的档案"))
        parser.add_argument("--no-progress", action="store_true", help=gettext_lazy("不显示进度条"))

    def handle(self, *args, file, no_progress, **options):
        path = Path(file)
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            raise CommandError(_("只支持导出为 .csv 或 .xlsx"))
        records = MartyrRecord.objects.select_related("facility").order_by("id")
        if options["published"]:
            records = records.published()
        for option, lookup in (
            ("province", "native_province"),
            ("period", "war_period"),
            ("decade", "death_decade"),
            ("battle", "battle"),
            ("facility", "facility_id"),
        ):
            if options[option] not in (None, ""):
                records = records.filter(**{lookup: options[option]})
        rows = (
            [export_row(record)[key] for key in EXPORT_KEYS]
            for record in tqdm(
                records.iterator(chunk_size=2000),
                unit=pgettext("unit of the progress bar: records", "条"),
                file=self.stderr._out,
                disable=no_progress,
                mininterval=0.5,
                desc=_("导出"),
            )
        )
        count = 0
        if suffix == ".csv":
            # UTF-8 with BOM: Excel opens it with the Chinese intact.
            with open(path, "w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(HEADERS)
                for row in rows:
                    writer.writerow(row)
                    count += 1
        else:
            from openpyxl import Workbook

            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet(pgettext("plural", "烈士档案"))
            sheet.append(HEADERS)
            for row in rows:
                if count >= XLSX_MAX_ROWS:
                    raise CommandError(_("超过 Excel 的行数上限，请导出为 .csv 或按省份分别导出"))
                sheet.append(row)
                count += 1
            workbook.save(path)
        self.stdout.write(
            ngettext("已导出 %(count)d 条到 %(path)s", "已导出 %(count)d 条到 %(path)s", count)
            % {"count": count, "path": path}
        )
