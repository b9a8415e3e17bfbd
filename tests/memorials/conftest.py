import csv
import io

import pytest
from openpyxl import Workbook


def csv_bytes(rows, encoding="utf-8"):
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode(encoding)


def xlsx_bytes(rows, merge_title=None):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if merge_title:
        sheet.merge_cells(merge_title)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def write_file(tmp_path):
    def _write(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return _write


@pytest.fixture
def archive(home_page):
    from memorials.models import MartyrArchivePage

    page = MartyrArchivePage(title="英名录", slug="martyrs", intro="缅怀英烈", per_page=10)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def make_record(db):
    """``make_record(name=…, **fields)``: a published record (``live=False`` for a draft)."""
    from .factories import MartyrRecordFactory

    return MartyrRecordFactory


@pytest.fixture
def make_facility(db):
    """``make_facility(name=…, **fields)``: a memorial facility."""
    from .factories import MemorialFacilityFactory

    return MemorialFacilityFactory


@pytest.fixture
def cemetery(make_facility):
    return make_facility(
        name="示范市烈士陵园",
        kind="cemetery",
        level="municipal",
        province="山东省",
        address="示范市英雄路1号",
        latitude="36.650000",
        longitude="117.000000",
        opening_hours="8:30—17:00",
    )
