"""Staff imports without publishing are reviewed as a whole: the records land as drafts (changes
to live records as draft revisions the public does not see), a reviewer looks at a sample and
approves (every record published and searchable, one log entry) or returns the job with a
note; the uploader cannot approve their own job."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/memorials/import/"
HEADER = ["编号", "姓名", "籍贯", "牺牲年月"]
ROWS = [HEADER] + [[f"R-{i}", f"烈士{i}", "山东省济南市", "1948年"] for i in range(1, 6)]


def staff(django_user_model, username, *codenames):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username, password="x")
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "add_martyrrecord", *codenames]))
    return user


@pytest.fixture
def uploader(django_user_model):
    return staff(django_user_model, "uploader", "change_martyrrecord")


@pytest.fixture
def reviewer(django_user_model):
    return staff(django_user_model, "reviewer", "review_importjob", "change_martyrrecord")


@pytest.fixture
def login(client):
    def _login(user):
        client.force_login(user)
        return client

    return _login


def staff_import(client, rows=ROWS, publish=False):
    """Upload, check and confirm as the logged-in user (tasks run at once in the tests)."""
    from memorials.models import ImportJob

    data = {"file": SimpleUploadedFile("名录.csv", csv_bytes(rows))}
    if publish:
        data["publish"] = "on"
    assert client.post(IMPORT_URL, data).status_code == 302
    job = ImportJob.objects.latest("created_at")
    assert client.post(f"{IMPORT_URL}{job.uuid}/confirm/").status_code == 302
    job.refresh_from_db()
    return job


def review_url(job):
    return f"{IMPORT_URL}{job.uuid}/review/"


def decide(client, job, action, note=""):
    response = client.post(review_url(job), {"action": action, "review_note": note}, follow=True)
    job.refresh_from_db()
    return response.content.decode()


def approvals(job):
    from wagtail.models import ModelLogEntry

    return ModelLogEntry.objects.filter(action="memorials.import_approve", object_id=str(job.pk))


def test_a_staff_import_lands_as_drafts_waiting_for_review(login, uploader):
    from memorials.models import ImportJob, MartyrRecord

    client = login(uploader)
    assert 'name="publish"' not in client.get(IMPORT_URL).content.decode()  # superusers only
    job = staff_import(client, publish=True)  # a crafted "publish" is ignored
    assert not job.publish and job.status == ImportJob.Status.DONE
    assert job.review_status == ImportJob.ReviewStatus.PENDING
    records = MartyrRecord.objects.all()
    assert records.count() == 5 and not records.filter(live=True).exists()
    assert set(records.values_list("import_job", flat=True)) == {job.pk}
    body = client.get(f"{IMPORT_URL}{job.uuid}/").content.decode()
    assert "审核状态：待审核" in body and "整批审核通过后一起发布" in body
    assert "待审核" in client.get(IMPORT_URL).content.decode()  # the job list shows the state


def test_a_live_record_keeps_its_public_values_until_the_job_is_approved(
    client, login, uploader, reviewer, archive, make_record
):
    from memorials.models import MartyrRecord

    record = make_record(external_id="R-1", name="烈士1", native_place="河北省保定市", native_province="河北省")
    public = record.get_url()
    assert "河北省保定市" in client.get(public).content.decode()

    job = staff_import(login(uploader))
    record.refresh_from_db()
    assert record.live and record.native_place == "河北省保定市" and record.native_province == "河北省"
    assert record.has_unpublished_changes and record.import_job_id == job.pk
    draft = record.get_latest_revision_as_object()
    assert draft.native_place == "山东省济南市" and draft.native_province == "山东省"
    client.logout()
    assert "河北省保定市" in client.get(public).content.decode()
    found = client.get("/api/search/", {"q": "烈士2"}).json()["results"]
    assert "烈士2" not in [result["title"] for result in found]  # new drafts are not searchable

    # The review page: counts, a sample with links and the staged change of the live record.
    page = login(reviewer).get(review_url(job)).content.decode()
    assert "新增 4 条，更新 1 条" in page
    assert f'href="/admin/snippets/memorials/martyrrecord/edit/{record.pk}/"' in page
    assert "籍贯：河北省保定市 → 山东省济南市" in page and "与线上版本对比" in page
    assert page.count("新增（草稿）") == 4

    decide(client, job, "approve")
    assert job.review_status == job.ReviewStatus.APPROVED and job.published_count == 5
    assert job.reviewed_by == reviewer and job.reviewed_at is not None
    record.refresh_from_db()
    assert record.native_place == "山东省济南市" and not record.has_unpublished_changes
    assert record.live_revision_id == record.latest_revision_id
    assert MartyrRecord.objects.filter(live=True).count() == 5
    client.logout()
    assert "山东省济南市" in client.get(public).content.decode()
    found = client.get("/api/search/", {"q": "烈士3"}).json()["results"]
    assert [item["title"] for item in found] == ["烈士3"]  # indexed in bulk by the approval
    assert approvals(job).count() == 1


def test_the_uploader_cannot_approve_their_own_job(login, django_user_model):
    from memorials.models import MartyrRecord

    both = staff(django_user_model, "both", "review_importjob")
    client = login(both)
    job = staff_import(client)
    page = client.get(review_url(job)).content.decode()
    assert "需要由其他审核人员审核" in page and 'value="approve"' not in page
    body = decide(client, job, "approve")  # a crafted POST
    assert "不能审核自己上传的导入" in body
    assert job.review_status == job.ReviewStatus.PENDING and not approvals(job).exists()
    assert not MartyrRecord.objects.filter(live=True).exists()


def test_returning_keeps_drafts_and_tells_the_uploader_why(login, uploader, reviewer):
    from wagtail.models import ModelLogEntry

    from memorials.models import MartyrRecord

    job = staff_import(login(uploader))
    client = login(reviewer)
    assert "请填写退回意见" in decide(client, job, "return", "  ")
    assert job.review_status == job.ReviewStatus.PENDING

    decide(client, job, "return", "第3行籍贯有误，请核对原始档案。")
    assert job.review_status == job.ReviewStatus.RETURNED and job.reviewed_by == reviewer
    assert not MartyrRecord.objects.filter(live=True).exists()
    [entry] = ModelLogEntry.objects.filter(action="memorials.import_return", object_id=str(job.pk))
    assert entry.user == reviewer and entry.data["comment"] == "第3行籍贯有误，请核对原始档案。"
    assert "这次导入已经审核过了" in decide(client, job, "approve")  # a returned job stays returned

    body = login(uploader).get(f"{IMPORT_URL}{job.uuid}/").content.decode()
    assert "审核状态：已退回" in body and "第3行籍贯有误，请核对原始档案。" in body


def test_reviewing_needs_the_permission(login, uploader, django_user_model):
    job = staff_import(login(uploader))
    other = staff(django_user_model, "other", "change_martyrrecord", "publish_martyrrecord")
    client = login(other)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert client.get(review_url(job))["Location"] == "/admin/"
    assert client.post(review_url(job), {"action": "approve"})["Location"] == "/admin/"
    assert client.get(f"{IMPORT_URL}reviews/")["Location"] == "/admin/"
    job.refresh_from_db()
    assert job.review_status == job.ReviewStatus.PENDING


def test_the_review_list_and_the_log_show_every_step(login, uploader, reviewer):
    from wagtail.models import ModelLogEntry

    job = staff_import(login(uploader))
    client = login(reviewer)
    listing = client.get(f"{IMPORT_URL}reviews/").content.decode()
    assert "名录.csv" in listing and review_url(job) in listing and "待审核" in listing
    decide(client, job, "approve")
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(job.pk), action__startswith="memorials.")
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert actions == [
        ("memorials.import_upload", "uploader"),
        ("memorials.import_confirm", "uploader"),
        ("memorials.import_approve", "reviewer"),
    ]
    history = client.get("/admin/reports/site-history/").content.decode()
    assert "审核通过名录导入" in history


def test_a_superuser_may_still_publish_at_upload(admin_client):
    from memorials.models import MartyrRecord

    assert 'name="publish"' in admin_client.get(IMPORT_URL).content.decode()
    job = staff_import(admin_client, publish=True)
    assert job.publish and job.review_status == "" and MartyrRecord.objects.filter(live=True).count() == 5
