"""Page rights move from the site root to the sections (issue #20).

Up to now 宣传干事, 初审员, 终审员 and the plugins' editors (荣誉风采编辑, 国防教育编辑) held their page
rights on the root page, so they could edit the home page and every section. Each of their root
rights moves to the section pages they work in — the same right on every existing page of those
types — and is removed from the root. 站点管理员 keep theirs at the root. Sections created later
get their rights when they are created, and ``migrate`` grants what the plugins declare
(``siteshell.groups``).

Every value is written out here, not imported, so that the migration means the same later.
Page types are looked up by content type: a plugin that is switched off has no pages to move to.
"""

from django.db import migrations

#: Every plugin section that the shell's roles write in or review.
CONTENT_SECTIONS = (
    ("honors", "honorindexpage"),
    ("memorials", "martyrarchivepage"),
    ("tributes", "ceremonypage"),
    ("talks", "talksindexpage"),
    ("seekrelatives", "seekrelativescampaignpage"),
    ("education", "educationindexpage"),
)
SECTIONS = {
    "宣传干事": CONTENT_SECTIONS,
    "初审员": CONTENT_SECTIONS,
    "终审员": CONTENT_SECTIONS,
    "荣誉风采编辑": (("honors", "honorindexpage"),),
    "国防教育编辑": (("education", "educationindexpage"),),
}


def section_pages(apps, using, types):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    content_types = [
        content_type.pk
        for app_label, model in types
        for content_type in ContentType.objects.using(using).filter(app_label=app_label, model=model)
    ]
    return list(Page.objects.using(using).filter(content_type__in=content_types))


def forwards(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.using(using).filter(depth=1).first()
    if root is None:
        return
    for name, types in SECTIONS.items():
        group = Group.objects.using(using).filter(name=name).first()
        if group is None:
            continue
        at_root = GroupPagePermission.objects.using(using).filter(group=group, page=root)
        pages = section_pages(apps, using, types)
        for grant in at_root:
            for page in pages:
                GroupPagePermission.objects.using(using).get_or_create(
                    group=group, page=page, permission_id=grant.permission_id
                )
        at_root.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0002_roles_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
