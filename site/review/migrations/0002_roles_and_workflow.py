"""The bureau's staff roles and the two-step workflow 内容审核 (初审 → 终审).

- Groups 宣传干事, 初审员, 终审员, 留言审核员, 站点管理员 with their permissions, page permissions
  on the root page and media rights on the root collection. Plugins add to them after every
  migrate (``staff_groups()``, siteshell.groups).
- Wagtail's English "Editors" and "Moderators" are removed: their members move to 宣传干事
  and to 初审员 + 终审员, whose rights replace theirs (renaming would have kept Wagtail's
  rights, e.g. deleting anyone's images, that the roles do not give).
- The workflow 内容审核 takes the root page (and whatever else Wagtail's stock "Moderators
  approval" covered); the stock workflow and task are deleted when nothing ever ran through
  them, else deactivated with their open reviews cancelled, as ``Workflow.deactivate`` does.

Every value is written out here, not imported, so that the migration means the same later.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

WRITERS, FIRST, FINAL, MODERATORS, MANAGERS = "宣传干事", "初审员", "终审员", "留言审核员", "站点管理员"
STOCK_WORKFLOW = "Moderators approval"

ACCESS = ("wagtailadmin.access_admin",)
REVIEW_PERMISSIONS = tuple(
    f"review.{codename}"
    for codename in ("moderate_submissions", "view_removed_submissions", "export_audit", "view_personal_data")
)
CRUD = ("add", "change", "delete", "view")
MANAGER_PERMISSIONS = (
    *ACCESS,
    *REVIEW_PERMISSIONS,
    *(f"auth.{action}_user" for action in CRUD),
    "auth.view_group",
    *(f"wagtailcore.{action}_{model}" for model in ("workflow", "task", "collection") for action in CRUD),
    *(f"wagtailredirects.{action}_redirect" for action in CRUD),
    "siteshell.change_bureausettings",
    "siteshell.change_displaysettings",
)
PERMISSIONS = {
    WRITERS: ACCESS,
    FIRST: ACCESS,
    FINAL: ACCESS,
    MODERATORS: (*ACCESS, "review.moderate_submissions"),
    MANAGERS: MANAGER_PERMISSIONS,
}
PAGE_PERMISSIONS = {
    WRITERS: ("add", "change"),
    FIRST: ("change",),
    FINAL: ("change", "publish"),
    MANAGERS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
}
#: As media.groups: writers upload and choose (wagtailmedia's chooser needs "change").
EDITOR_MEDIA = {"wagtailimages.image": ("add", "choose"), "wagtaildocs.document": ("add", "choose")}
EDITOR_MEDIA["wagtailmedia.media"] = ("add", "change")
MANAGER_MEDIA = {
    "wagtailimages.image": ("add", "change", "delete", "choose"),
    "wagtaildocs.document": ("add", "change", "delete", "choose"),
    "wagtailmedia.media": ("add", "change", "delete"),
}
COLLECTION_PERMISSIONS = {WRITERS: EDITOR_MEDIA, FIRST: EDITOR_MEDIA, FINAL: EDITOR_MEDIA, MANAGERS: MANAGER_MEDIA}
#: Members of Wagtail's stock groups and the roles they move to.
MOVED_MEMBERS = {"Editors": (WRITERS,), "Moderators": (FIRST, FINAL)}


def ensure_permissions(apps, using):
    """Permissions are normally created after the last migration; create the ones named here
    now (the models' own options, as ``post_migrate`` would)."""
    from django.contrib.auth.management import create_permissions

    labels = ("review", "siteshell", "auth", "wagtailadmin", "wagtailcore", "wagtailredirects")
    for label in (*labels, "wagtailimages", "wagtaildocs", "wagtailmedia"):
        config = apps.get_app_config(label)
        # A migration's app configs have no models module, which create_permissions expects.
        config.models_module = True
        try:
            create_permissions(config, verbosity=0, using=using, apps=apps)
        finally:
            config.models_module = None


def permission(apps, using, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.using(using).get(content_type__app_label=app_label, codename=codename)


def create_roles(apps, using):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.using(using).filter(depth=1).first()
    root_collection = Collection.objects.using(using).filter(depth=1).first()
    groups = {}
    for name, dotted_names in PERMISSIONS.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*(permission(apps, using, dotted) for dotted in dotted_names))
        groups[name] = group
        if root_page is not None:
            for action in PAGE_PERMISSIONS.get(name, ()):
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group, page=root_page, permission=permission(apps, using, f"wagtailcore.{action}_page")
                )
        if root_collection is not None:
            for model, actions in COLLECTION_PERMISSIONS.get(name, {}).items():
                app_label, model_name = model.split(".")
                for action in actions:
                    GroupCollectionPermission.objects.using(using).get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=permission(apps, using, f"{app_label}.{action}_{model_name}"),
                    )
    return groups


def replace_stock_groups(apps, using, groups):
    Group = apps.get_model("auth", "Group")
    Membership = apps.get_model(settings.AUTH_USER_MODEL).groups.through
    for old_name, new_names in MOVED_MEMBERS.items():
        old = Group.objects.using(using).filter(name=old_name).first()
        if old is None:
            continue
        user_ids = list(Membership.objects.using(using).filter(group=old).values_list("user_id", flat=True))
        for new_name in new_names:
            already = set(
                Membership.objects.using(using).filter(group=groups[new_name]).values_list("user_id", flat=True)
            )
            Membership.objects.using(using).bulk_create(
                [Membership(user_id=user_id, group=groups[new_name]) for user_id in user_ids if user_id not in already]
            )
        old.delete()


def create_workflow(apps, using, groups):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    FinalApprovalTask = apps.get_model("review", "FinalApprovalTask")
    types = ContentType.objects.db_manager(using)
    group_type, _created = types.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    final_type, _created = types.get_or_create(app_label="review", model="finalapprovaltask")

    workflow, created = Workflow.objects.using(using).get_or_create(name="内容审核", defaults={"active": True})
    if created:
        first = GroupApprovalTask.objects.using(using).create(name="初审", content_type=group_type, active=True)
        first.groups.set([groups[FIRST]])
        final = FinalApprovalTask.objects.using(using).create(name="终审", content_type=final_type, active=True)
        final.groups.set([groups[FINAL]])
        WorkflowTask.objects.using(using).create(workflow=workflow, task=first, sort_order=0)
        WorkflowTask.objects.using(using).create(workflow=workflow, task=final, sort_order=1)

    for stock in Workflow.objects.using(using).filter(name=STOCK_WORKFLOW):
        WorkflowPage.objects.using(using).filter(workflow=stock).update(workflow=workflow)
        WorkflowContentType.objects.using(using).filter(workflow=stock).update(workflow=workflow)
        retire_stock_workflow(apps, using, stock)
    root_page = Page.objects.using(using).filter(depth=1).first()
    if root_page is not None:
        WorkflowPage.objects.using(using).update_or_create(page=root_page, defaults={"workflow": workflow})


def retire_stock_workflow(apps, using, stock):
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    tasks = list(Task.objects.using(using).filter(workflow_tasks__workflow=stock))
    if not WorkflowState.objects.using(using).filter(workflow=stock).exists():
        stock.delete()
        for task in tasks:
            if not TaskState.objects.using(using).filter(task=task).exists() and not task.workflow_tasks.exists():
                task.delete()
        return
    # Reviews ran through it: keep the history, cancel what is open.
    now = timezone.now()
    TaskState.objects.using(using).filter(workflow_state__workflow=stock, status="in_progress").update(
        status="cancelled", finished_at=now
    )
    WorkflowState.objects.using(using).filter(workflow=stock, status__in=("in_progress", "needs_changes")).update(
        status="cancelled", current_task_state=None
    )
    stock.active = False
    stock.save(update_fields=["active"])
    Task.objects.using(using).filter(pk__in=[task.pk for task in tasks]).update(active=False)


def forwards(apps, schema_editor):
    using = schema_editor.connection.alias
    ensure_permissions(apps, using)
    groups = create_roles(apps, using)
    replace_stock_groups(apps, using, groups)
    create_workflow(apps, using, groups)


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0001_initial"),
        ("siteshell", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        # After every Wagtail migration that creates, fills or reads the stock groups.
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
