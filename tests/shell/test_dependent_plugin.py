"""The suite's plugin ``tests/recordnotes`` builds on the martyr archive as any plugin would:
it requires ``memorials``, keeps a foreign key to ``memorials.interface.MartyrRecord`` and adds
its notes to the record page through the extension point ``memorials.record.actions``."""

import pytest

from tests.memorials.conftest import archive  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("memorials", "recordnotes"), pytest.mark.usefixtures("archive")]


def test_a_note_appears_on_the_record_page_through_the_extension_point(client):
    from tests.memorials.factories import MartyrRecordFactory
    from tests.recordnotes.models import RecordNote

    record = MartyrRecordFactory(name="黄继光")
    RecordNote.objects.create(record=record, text="2026年清明，上甘岭战役亲历者后代来信")
    html = client.get(record.get_url()).content.decode()
    assert (
        '<aside class="recordnotes" aria-label="档案附注"><p>2026年清明，上甘岭战役亲历者后代来信</p></aside>' in html
    )


def test_a_record_without_notes_gets_nothing_from_the_plugin(client):
    from tests.memorials.factories import MartyrRecordFactory

    record = MartyrRecordFactory(name="邱少云")
    html = client.get(record.get_url()).content.decode()
    assert "recordnotes" not in html


def test_the_plugin_points_its_foreign_key_at_the_interface_model():
    from memorials.interface import MartyrRecord
    from tests.recordnotes.models import RecordNote

    assert RecordNote._meta.get_field("record").related_model is MartyrRecord
