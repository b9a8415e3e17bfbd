"""Bulk publish and unpublish of martyr records: the selected records of the list (Wagtail's
snippet bulk actions), in batches, logged in each record's history; staff without the right to
publish submit them for review instead; every record of an import job from the job's page."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from .conftest import csv_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("memorials")]


def bulk_url(action, ids=(), **params):
    query = [("id", str(pk)) for pk in ids] + list(params.items())
    return reverse("wagtail_bulk_action", args=["memorials", "martyrrecord", action]) + "?" + urlencode(query)


@pytest.fixture
def member(django_user_model):
    def _member(username, *roles):
        user = django_user_model.objects.create_user(username, f"{username}@example.gov.cn", "pw")
        user.groups.add(*Group.objects.filter(name__in=roles))
        assert user.groups.count() == len(roles)
        return user

    return _member


def found_by_search(name):
    from memorials.interface import search_records

    return [record.name for record in search_records(name)]


def history(record, action):
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.filter(object_id=str(record.pk), action=action, content_type__model="martyrrecord")


def test_publishing_the_selected_records(admin_client, make_record, superuser):
    from memorials.models import MartyrRecord

    draft = make_record(name="李铁柱", live=False)
    edited = make_record(name="王二小")
    edited.name = "王二小（修订）"
    edited.save_revision(user=superuser)  # a draft revision of a live record
    unchanged = make_record(name="张三")

    page = admin_client.get(bulk_url("publish_records", [draft.pk, edited.pk, unchanged.pk]))
    assert page.status_code == 200
    body = page.content.decode()
    assert "发布烈士档案" in body and "李铁柱" in body and "确认发布" in body

    response = admin_client.post(bulk_url("publish_records", [draft.pk, edited.pk, unchanged.pk], next="/admin/"))
    assert response.status_code == 302
    draft.refresh_from_db()
    edited.refresh_from_db()
    assert draft.live and not draft.has_unpublished_changes and draft.first_published_at
    assert edited.name == "王二小（修订）" and edited.live_revision_id == edited.latest_revision_id
    assert MartyrRecord.objects.filter(live=True).count() == 3
    assert "李铁柱" in found_by_search("铁柱")

    # Each published record has its history entry, the entries of the action one group.
    entries = [*history(draft, "wagtail.publish"), *history(edited, "wagtail.publish")]
    assert len(entries) == 2 and len({entry.data["bulk"] for entry in entries}) == 1
    assert all(entry.user == superuser for entry in entries)
    assert not history(unchanged, "wagtail.publish").exists()
    # … shown in the history of every one of them (Wagtail groups entries by uuid across objects).
    for record in (draft, edited):
        url = reverse(record.snippet_viewset.get_url_name("history"), args=[record.pk])
        page = admin_client.get(url).content.decode()
        [entry] = history(record, "wagtail.publish")
        with translation.override(settings.LANGUAGE_CODE):
            message = str(entry.message)
        assert message in page


def test_the_record_list_offers_the_bulk_actions(admin_client, make_record):
    make_record(name="韩一", live=False)
    body = admin_client.get("/admin/snippets/memorials/martyrrecord/").content.decode()
    assert "/admin/bulk/memorials/martyrrecord/publish_records/" in body
    assert "/admin/bulk/memorials/martyrrecord/unpublish_records/" in body


def test_publishing_goes_in_batches_not_one_query_per_record(admin_client, make_record):
    def queries_to_publish(count):
        ids = [make_record(live=False).pk for _ in range(count)]
        with CaptureQueriesContext(connection) as captured:
            admin_client.post(bulk_url("publish_records", ids, next="/admin/"))
        return len(captured.captured_queries)

    few, many = queries_to_publish(2), queries_to_publish(40)
    assert many <= few + 5, (few, many)


def test_unpublishing_the_selected_records(admin_client, make_record, superuser):
    live = make_record(name="赵铁柱")
    draft = make_record(name="钱一", live=False)
    assert "赵铁柱" in found_by_search("赵铁柱")

    page = admin_client.get(bulk_url("unpublish_records", [live.pk, draft.pk]))
    assert "取消发布烈士档案" in page.content.decode()
    admin_client.post(bulk_url("unpublish_records", [live.pk, draft.pk], next="/admin/"))

    live.refresh_from_db()
    assert not live.live and live.has_unpublished_changes and live.live_revision_id is None
    assert found_by_search("赵铁柱") == []
    assert history(live, "wagtail.unpublish").get().user == superuser
    assert not history(draft, "wagtail.unpublish").exists()


def test_staff_who_may_not_publish_submit_the_records_for_review(client, make_record, member):
    from wagtail.models import WorkflowState

    writer = member("xuanchuan", "宣传干事")
    first, second = make_record(name="孙一", live=False), make_record(name="孙二", live=False)
    client.force_login(writer)

    page = client.get(bulk_url("publish_records", [first.pk, second.pk]))
    assert "提交审核" in page.content.decode() and "没有发布权限" in page.content.decode()
    client.post(bulk_url("publish_records", [first.pk, second.pk], next="/admin/"))
    client.post(bulk_url("publish_records", [first.pk, second.pk], next="/admin/"))  # not submitted twice

    for record in (first, second):
        record.refresh_from_db()
        assert not record.live
        [state] = WorkflowState.objects.filter(object_id=str(record.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == writer
        assert history(record, "wagtail.workflow.start").exists()

    # Unpublishing needs the right to publish: nothing happens.
    live = make_record(name="孙三")
    assert "不能取消发布" in client.get(bulk_url("unpublish_records", [live.pk])).content.decode()
    client.post(bulk_url("unpublish_records", [live.pk], next="/admin/"))
    live.refresh_from_db()
    assert live.live


def test_a_record_locked_by_someone_else_is_left_alone(admin_client, make_record, django_user_model):
    other = django_user_model.objects.create_user("other", "o@example.gov.cn", "pw")
    locked = make_record(name="周一", live=False, locked=True, locked_by=other)
    free = make_record(name="周二", live=False)
    assert "由他人锁定" in admin_client.get(bulk_url("publish_records", [locked.pk, free.pk])).content.decode()
    admin_client.post(bulk_url("publish_records", [locked.pk, free.pk], next="/admin/"))
    locked.refresh_from_db()
    free.refresh_from_db()
    assert free.live and not locked.live


def test_all_in_listing_takes_the_listing_filters_and_has_a_limit(admin_client, make_record, monkeypatch):
    from memorials import bulk_actions

    drafts = [make_record(live=False) for _ in range(3)]
    live = make_record(name="吴一")
    admin_client.post(bulk_url("publish_records", ["all"], live="false", next="/admin/"))
    assert all(type(record).objects.get(pk=record.pk).live for record in drafts)
    assert history(live, "wagtail.publish").count() == 0  # not in the filtered listing

    more = [make_record(live=False) for _ in range(3)]
    monkeypatch.setattr(bulk_actions, "LIMIT", 2)
    page = admin_client.get(bulk_url("publish_records", ["all"], live="false"))
    assert "一次最多处理 2 条档案" in page.content.decode()
    admin_client.post(bulk_url("publish_records", ["all"], live="false", next="/admin/"))
    assert not any(type(record).objects.get(pk=record.pk).live for record in more)


def test_bad_ids_are_ignored_not_an_error(admin_client):
    assert admin_client.get(bulk_url("publish_records", ["abc", "-1", "9" * 30])).status_code == 200


# -- every record of an import job -----------------------------------------------------------

ROWS = [["编号", "姓名", "牺牲年月"]] + [[f"J-{i}", f"郑{i}", "1950"] for i in range(1, 6)]


def import_job(client, publish=True):
    from memorials.models import ImportJob

    client.post(
        "/admin/memorials/import/",
        {"file": SimpleUploadedFile("名录.csv", csv_bytes(ROWS)), "publish": "on" if publish else ""},
    )
    job = ImportJob.objects.get()
    client.post(f"/admin/memorials/import/{job.uuid}/confirm/")
    job.refresh_from_db()
    return job


def job_action(client, job, action, **extra):
    return client.post(f"/admin/memorials/import/{job.uuid}/records/", {"action": action, **extra})


def test_a_whole_import_job_is_unpublished_and_published_again(admin_client, superuser):
    from wagtail.models import ModelLogEntry

    from memorials.models import MartyrRecord

    job = import_job(admin_client)
    assert MartyrRecord.objects.filter(live=True).count() == 5
    page = admin_client.get(f"/admin/memorials/import/{job.uuid}/").content.decode()
    assert "整批撤下" in page and "整批发布" not in page

    job_action(admin_client, job, "unpublish")  # not confirmed: nothing happens
    assert MartyrRecord.objects.filter(live=True).count() == 5
    job_action(admin_client, job, "unpublish", confirm="1")
    assert not MartyrRecord.objects.filter(live=True).exists()
    assert found_by_search("郑1") == []

    page = admin_client.get(f"/admin/memorials/import/{job.uuid}/").content.decode()
    assert "整批发布" in page and "整批撤下" not in page
    job_action(admin_client, job, "publish")
    assert MartyrRecord.objects.filter(live=True).count() == 5
    assert "郑1" in found_by_search("郑1")

    entries = ModelLogEntry.objects.filter(object_id=str(job.pk), content_type__model="importjob")
    assert {entry.action: entry.data.get("count") for entry in entries if "publish" in entry.action} == {
        "memorials.import_unpublish": 5,
        "memorials.import_publish": 5,
    }


def test_a_job_waiting_for_review_is_not_published_around_the_review(client, member):
    from memorials.models import ImportJob, MartyrRecord

    manager = member("dangan", "烈士档案管理员")
    client.force_login(manager)
    job = import_job(client, publish=False)
    assert job.review_status == ImportJob.ReviewStatus.PENDING
    response = job_action(client, job, "publish")
    assert response.status_code == 302
    assert not MartyrRecord.objects.filter(live=True).exists()
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("等待审核" in message for message in messages)


def test_staff_who_may_not_publish_submit_a_job_to_the_review(admin_client, client, member):
    from memorials.models import ImportJob, MartyrRecord

    job = import_job(admin_client)
    job_action(admin_client, job, "unpublish", confirm="1")

    client.force_login(member("xuanchuan", "宣传干事"))
    page = client.get(f"/admin/memorials/import/{job.uuid}/").content.decode()
    assert "整批提交审核" in page and "整批发布" not in page and "整批撤下" not in page
    job_action(client, job, "publish")
    assert not MartyrRecord.objects.filter(live=True).exists()

    job_action(client, job, "submit")
    job.refresh_from_db()
    assert job.review_status == ImportJob.ReviewStatus.PENDING


def test_a_record_with_an_image_without_alt_text_is_not_published(admin_client, make_record):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="烈士遗像", file=get_test_image_file())
    with_photo = make_record(name="冯一", live=False, photo=image)
    plain = make_record(name="冯二", live=False)
    response = admin_client.post(bulk_url("publish_records", [with_photo.pk, plain.pk], next="/admin/"), follow=True)
    assert "“冯一”未发布" in response.content.decode() and "烈士遗像" in response.content.decode()
    with_photo.refresh_from_db()
    plain.refresh_from_db()
    assert plain.live and not with_photo.live

    image.alt_text = "烈士冯一的遗像"
    image.save()
    admin_client.post(bulk_url("publish_records", [with_photo.pk], next="/admin/"))
    with_photo.refresh_from_db()
    assert with_photo.live


def test_a_draft_that_changes_the_gallery_is_published_with_its_photos(admin_client, make_record, superuser):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from memorials.models import MartyrRecordPhoto

    image = get_image_model().objects.create(title="墓碑", file=get_test_image_file(), alt_text="烈士墓碑")
    record = make_record(name="陈一")
    draft = record.get_latest_revision_as_object()
    draft.photos.add(MartyrRecordPhoto(image=image, caption="烈士墓碑，2019年摄"))
    draft.save_revision(user=superuser)
    assert not MartyrRecordPhoto.objects.filter(record=record).exists()

    admin_client.post(bulk_url("publish_records", [record.pk], next="/admin/"))
    record.refresh_from_db()
    assert not record.has_unpublished_changes
    assert list(MartyrRecordPhoto.objects.filter(record=record).values_list("caption", flat=True)) == [
        "烈士墓碑，2019年摄"
    ]
