"""The approval of an import publishes in a background task (idempotent, resumable, in bulk),
and the command line keeps ``--publish`` for the bureau's official list while its other imports
land as drafts for the same review."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

HEADER = ["编号", "姓名", "籍贯", "牺牲年月"]


def rows(count, place="山东省济南市", prefix="R"):
    return [HEADER] + [[f"{prefix}-{i}", f"烈士{i}", place, "1948年"] for i in range(1, count + 1)]


def run(*args):
    out = StringIO()
    call_command("import_martyrs", *args, "--no-progress", stdout=out, stderr=StringIO())
    return out.getvalue()


def latest_job():
    from memorials.models import ImportJob

    return ImportJob.objects.latest("created_at")


@pytest.fixture
def reviewer(django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reviewer", password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "review_importjob"]))
    return user


@pytest.fixture
def queued(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def test_the_command_without_publish_creates_drafts_for_review(write_file, make_record, reviewer):
    from wagtail.models import ModelLogEntry

    from memorials.importing import review
    from memorials.models import MartyrRecord

    live = make_record(external_id="R-1", name="烈士1", native_place="河北省保定市", native_province="河北省")
    out = run(str(write_file("名录.csv", csv_bytes(rows(3)))))
    assert "名录导入审核" in out
    job = latest_job()
    assert job.review_status == job.ReviewStatus.PENDING and job.created_by is None
    live.refresh_from_db()
    assert live.native_place == "河北省保定市" and live.has_unpublished_changes  # staged, not public
    assert MartyrRecord.objects.filter(live=False).count() == 2
    [entry] = ModelLogEntry.objects.filter(action="memorials.import", object_id=str(job.pk))
    assert entry.user is None and entry.data["created"] == 2 and entry.data["updated"] == 1

    assert review.approve(job, reviewer)
    assert review.publish_job(job) == 3
    live.refresh_from_db()
    assert live.native_place == "山东省济南市" and MartyrRecord.objects.filter(live=True).count() == 3


def test_the_command_with_publish_publishes_without_review(write_file, make_record):
    from memorials.models import MartyrRecord

    make_record(external_id="R-1", name="烈士1", native_place="河北省保定市")
    run(str(write_file("名录.csv", csv_bytes(rows(3)))), "--publish")
    job = latest_job()
    assert job.publish and job.review_status == ""
    assert MartyrRecord.objects.filter(live=True).count() == 3
    assert MartyrRecord.objects.get(external_id="R-1").native_place == "山东省济南市"
    assert set(MartyrRecord.objects.values_list("import_job", flat=True)) == {job.pk}


def test_the_command_help_explains_publish_and_review():
    from memorials.management.commands.import_martyrs import Command

    help_text = Command().create_parser("manage.py", "import_martyrs").format_help()
    assert "--publish" in help_text and "草稿" in help_text and "名录导入审核" in help_text


def test_approval_runs_in_the_background_and_is_idempotent(client, queued, write_file, reviewer):
    from wagtail.models import ModelLogEntry

    from memorials import tasks
    from memorials.models import MartyrRecord

    run(str(write_file("名录.csv", csv_bytes(rows(4)))))
    job = latest_job()
    client.force_login(reviewer)
    url = f"/admin/memorials/import/{job.uuid}/review/"
    client.post(url, {"action": "approve"})
    client.post(url, {"action": "approve"})  # a second click
    [publishing] = [result for result in queued.results if result.task.func is tasks.publish_approved_import.func]
    job.refresh_from_db()
    assert job.review_status == job.ReviewStatus.PUBLISHING
    page = client.get(url).content.decode()
    assert "正在后台发布" in page and 'http-equiv="refresh"' in page and 'value="approve"' not in page
    assert not MartyrRecord.objects.filter(live=True).exists()

    assert tasks.publish_approved_import.call(*publishing.args) == {"published": 4}
    assert tasks.publish_approved_import.call(*publishing.args) == {"published": 0}  # run twice: nothing more
    job.refresh_from_db()
    assert job.review_status == job.ReviewStatus.APPROVED and job.published_count == 4
    assert MartyrRecord.objects.filter(live=True, has_unpublished_changes=False).count() == 4
    assert ModelLogEntry.objects.filter(action="memorials.import_approve").count() == 1
    assert "已发布 4 条档案" in client.get(url).content.decode()


def test_publishing_that_stops_resumes_when_approved_again(write_file, reviewer, monkeypatch):
    from wagtail.models import ModelLogEntry

    from memorials import tasks
    from memorials.importing import review
    from memorials.models import MartyrRecord

    run(str(write_file("名录.csv", csv_bytes(rows(5)))))
    job = latest_job()
    assert review.approve(job, reviewer)
    publish = review.RecordPublisher.publish
    calls = []

    def fail_on_the_second_batch(self, batch):
        calls.append(len(batch))
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return publish(self, batch)

    monkeypatch.setattr(review, "PUBLISH_BATCH_SIZE", 2)
    monkeypatch.setattr(review.RecordPublisher, "publish", fail_on_the_second_batch)
    monkeypatch.setattr(tasks, "publish_job", lambda job: review.publish_job(job, batch_size=2))
    with pytest.raises(RuntimeError):
        tasks.publish_approved_import.call(str(job.uuid))
    job.refresh_from_db()
    assert job.review_status == job.ReviewStatus.PUBLISH_FAILED
    assert MartyrRecord.objects.filter(live=True).count() == 2  # the first batch stays published

    monkeypatch.setattr(review.RecordPublisher, "publish", publish)
    assert review.approve(job, reviewer)  # approving again resumes …
    assert tasks.publish_approved_import.call(str(job.uuid)) == {"published": 3}
    job.refresh_from_db()
    assert job.review_status == job.ReviewStatus.APPROVED and job.published_count == 5
    assert ModelLogEntry.objects.filter(action="memorials.import_approve").count() == 1  # … without a second entry


def test_staging_and_publishing_cost_a_fixed_number_of_queries_per_batch(write_file, make_record, reviewer):
    from memorials.importing import import_martyrs, review
    from memorials.models import MartyrRecord

    def queries(action):
        with CaptureQueriesContext(connection) as captured:
            action()
        return len(captured)

    for count, prefix in ((3, "A"), (30, "B")):
        for i in range(1, count + 1):
            make_record(external_id=f"{prefix}-{i}", name=f"烈士{i}", native_place="河北省保定市")
    small = queries(lambda: import_martyrs(write_file("a.csv", csv_bytes(rows(3, prefix="A"))), workers=0))
    large = queries(lambda: import_martyrs(write_file("b.csv", csv_bytes(rows(30, prefix="B"))), workers=0))
    assert small == large  # 3 or 30 staged revisions: the same queries
    assert MartyrRecord.objects.filter(has_unpublished_changes=True, native_place="河北省保定市").count() == 33

    from memorials.models import ImportJob

    jobs = list(ImportJob.objects.order_by("created_at"))
    for job in jobs:
        review.approve(job, reviewer)
    small, large = (queries(lambda job=job: review.publish_job(job)) for job in jobs)
    assert small == large
    assert MartyrRecord.objects.filter(live=True, native_place="山东省济南市").count() == 33


def test_an_editors_draft_is_kept_under_the_imported_values(write_file, make_record, reviewer):
    from memorials.importing import review

    record = make_record(external_id="R-1", name="烈士1", native_place="河北省保定市", unit="某部三连")
    record.unit = "某部四连"  # an editor's draft, not yet published
    record.save_revision()
    run(str(write_file("名录.csv", csv_bytes(rows(1)))))
    record.refresh_from_db()
    draft = record.get_latest_revision_as_object()
    assert (draft.unit, draft.native_place) == ("某部四连", "山东省济南市")
    assert (record.unit, record.native_place) == ("某部三连", "河北省保定市")

    job = latest_job()
    review.approve(job, reviewer)
    review.publish_job(job)
    record.refresh_from_db()
    assert (record.unit, record.native_place) == ("某部四连", "山东省济南市")


def test_a_file_that_changes_nothing_leaves_nothing_to_review(write_file):
    from memorials.models import MartyrRecord

    run(str(write_file("名录.csv", csv_bytes(rows(2)))), "--publish")
    run(str(write_file("again.csv", csv_bytes(rows(2) + [["", "", "", ""]]))))
    job = latest_job()
    assert job.filename == "again.csv" and job.review_status == ""
    assert not MartyrRecord.objects.filter(has_unpublished_changes=True).exists()
