"""``manage.py load_demo`` fills the archive once, with real martyrs and generated volume."""

from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_load_demo_twice_builds_the_archive_once(client):
    from memorials.models import MartyrArchivePage, MartyrRecord, MemorialFacility

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert MartyrArchivePage.objects.count() == 1
    assert MartyrRecord.objects.filter(external_id__startswith="DEMO-GEN-").count() == 300
    huang = MartyrRecord.objects.get(name="黄继光")
    assert huang.death_display == "1952年10月20日" and huang.war_period == "korea"
    assert huang.facility.name == "沈阳抗美援朝烈士陵园"
    assert MartyrRecord.objects.get(name="刘胡兰").get_gender_display() == "女"
    assert MemorialFacility.objects.get(name="示范市烈士陵园").martyrs.count() == 300
    archive = MartyrArchivePage.objects.get()
    response = client.get(archive.url, {"province": "四川省"})
    assert response.status_code == 200 and "黄继光" in response.content.decode()
