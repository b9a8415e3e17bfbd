"""The staff import runs as tasks (django_tasks, as Wagtail uses it): the check and the import
leave the web request, a status page follows them, a failed task can be resumed."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks import default_task_backend

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/memorials/import/"
ROWS = (
    [["编号", "姓名", "牺牲年月", "备注"]]
    + [[f"R-{i}", f"烈士{i}", "1950", ""] for i in range(1, 6)]
    + [
        ["R-6", "", "1950", ""],
    ]
)


def upload(client, data=None, name="名录.csv", publish=True):
    return client.post(
        IMPORT_URL, {"file": SimpleUploadedFile(name, data or csv_bytes(ROWS)), "publish": "on" if publish else ""}
    )


def status_url(job):
    return f"{IMPORT_URL}{job.uuid}/"


def confirm(client, job):
    return client.post(f"{IMPORT_URL}{job.uuid}/confirm/")


def refreshes(body):
    return bool(re.search(r'<meta http-equiv="refresh" content="\d+">', body))


@pytest.fixture
def queued(settings):
    """A backend that only records what is enqueued, as a queue would before its worker runs."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    default_task_backend.clear()
    yield default_task_backend
    default_task_backend.clear()


def enqueued(backend, task):
    return [result for result in backend.results if result.task.func is task.func]


def test_check_and_import_run_as_tasks_and_the_status_page_follows_them(admin_client, queued):
    from memorials import tasks
    from memorials.models import ImportJob, MartyrRecord

    response = upload(admin_client)
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == status_url(job)
    [check] = enqueued(queued, tasks.check_import)
    assert check.args == [str(job.uuid)]
    assert not MartyrRecord.objects.exists()

    page = admin_client.get(status_url(job))
    body = page.content.decode()
    assert "检查中" in body and "排队等待中" in body and refreshes(body)
    assert "no-store" in page["Cache-Control"]  # a reload always asks the server

    tasks.check_import.call(str(job.uuid))  # what the worker does
    body = admin_client.get(status_url(job)).content.decode()
    assert "将新增 5 条，更新 0 条；有问题的行 1 行" in body and "姓名为空" in body
    assert "未识别的列（将被忽略）：备注" in body and not refreshes(body)
    assert f'action="/admin/memorials/import/{job.uuid}/confirm/"' in body
    assert not MartyrRecord.objects.exists()

    assert confirm(admin_client, job).status_code == 302
    assert confirm(admin_client, job).status_code == 302  # a second click starts nothing more
    [run] = enqueued(queued, tasks.run_import)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING and job.error_count == 0  # the check's counts are gone
    body = admin_client.get(status_url(job)).content.decode()
    assert "正在后台导入" in body and refreshes(body)

    tasks.run_import.call(*run.args)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 5 and job.error_count == 1
    assert MartyrRecord.objects.filter(live=True).count() == 5
    body = admin_client.get(status_url(job)).content.decode()
    assert "新增 5 条，更新 0 条，错误 1 行" in body and not refreshes(body)
    assert f'href="{IMPORT_URL}{job.uuid}/errors/"' in body
    errors = admin_client.get(f"{IMPORT_URL}{job.uuid}/errors/")
    assert "R-6" in b"".join(errors.streaming_content).decode("utf-8-sig")


def test_the_status_page_shows_the_progress_of_a_running_import(admin_client, queued):
    from memorials import tasks
    from memorials.models import ImportJob

    upload(admin_client)
    job = ImportJob.objects.get()
    tasks.check_import.call(str(job.uuid))
    confirm(admin_client, job)
    job.refresh_from_db()
    progress = tasks.JobProgress(job, start=0)
    progress.update(1200)
    progress.flush()
    from django.core.cache import cache

    cache.set(tasks.total_key(job), 4000)
    body = admin_client.get(status_url(job)).content.decode()
    assert '<progress max="100" value="30">' in body and "已读到第 1200 行，约 4000 行（30%）" in body


def test_a_failed_import_is_failed_with_a_chinese_notice_and_resumes(admin_client, monkeypatch, caplog):
    from memorials.importing import MartyrImporter
    from memorials.models import ImportJob

    upload(admin_client)
    job = ImportJob.objects.get()
    original_run = MartyrImporter.run

    def power_cut(self):
        raise RuntimeError("power cut")

    monkeypatch.setattr(MartyrImporter, "run", power_cut)
    confirm(admin_client, job)  # the immediate backend runs the task here; it fails
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    body = admin_client.get(status_url(job)).content.decode()
    assert "导入中断" in body and "服务器处理时出错" in body and "继续导入" in body
    assert not refreshes(body)
    assert "power cut" in caplog.text  # the traceback is in the log, not on the page
    assert "power cut" not in body

    monkeypatch.setattr(MartyrImporter, "run", original_run)
    response = confirm(admin_client, job)
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 5
    assert "服务器处理时出错" not in admin_client.get(status_url(job)).content.decode()


def test_resuming_starts_after_the_rows_already_committed(admin_client):
    from memorials.models import ImportJob, MartyrRecord

    upload(admin_client)
    job = ImportJob.objects.get()
    # As a crash leaves it: the rows up to row 3 were committed before it stopped.
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.FAILED, rows_done=3, created_count=2, updated_count=0, errors=[], error_count=0
    )
    body = admin_client.get(status_url(job)).content.decode()
    assert "已提交到第 3 行" in body
    confirm(admin_client, job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    assert sorted(MartyrRecord.objects.values_list("external_id", flat=True)) == ["R-3", "R-4", "R-5"]
    assert job.created_count == 5  # the two committed before, three now


def test_an_unreadable_file_fails_its_check_with_the_reason(admin_client):
    from memorials.models import ImportJob, MartyrRecord

    response = upload(admin_client, b"this is not a spreadsheet", name="名录.xlsx")
    job = ImportJob.objects.get()
    assert response["Location"] == status_url(job)
    assert job.status == ImportJob.Status.FAILED and job.finished_at is None
    body = admin_client.get(status_url(job)).content.decode()
    assert "文件检查没有完成" in body and "无法打开这个 Excel 文件" in body
    assert "重新检查" in body and "修改文件后重新上传" in body and "继续导入" not in body
    # Checking again is possible (and fails again the same way, nothing is written).
    confirm(admin_client, job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and not MartyrRecord.objects.exists()


def test_a_vanished_upload_is_explained(admin_client):
    from memorials.models import ImportJob

    upload(admin_client)
    job = ImportJob.objects.get()
    job.file.storage.delete(job.file.name)
    confirm(admin_client, job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "找不到上传的文件" in admin_client.get(status_url(job)).content.decode()


def test_staff_without_the_import_permission_cannot_see_jobs(client, admin_client, django_user_model):
    from memorials.models import ImportJob, MartyrRecord

    upload(admin_client)
    job = ImportJob.objects.get()
    editor = django_user_model.objects.create_user("editor", password="x")
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail turns the refusal into a redirect to the dashboard with a message.
    assert client.get(status_url(job))["Location"] == "/admin/"
    assert client.post(f"{IMPORT_URL}{job.uuid}/confirm/")["Location"] == "/admin/"
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEW and not MartyrRecord.objects.exists()


def test_a_task_that_cannot_be_enqueued_leaves_a_failed_job_and_a_message(admin_client, monkeypatch):
    from memorials import admin_views
    from memorials.models import ImportJob

    class Unreachable:
        name = "check_import"

        def enqueue(self, *args):
            raise ConnectionError("queue down")

    monkeypatch.setattr(admin_views, "check_import", Unreachable())
    response = upload(admin_client)
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.FAILED
    body = admin_client.get(response["Location"]).content.decode()
    assert "后台任务无法启动" in body and "重新检查" in body
