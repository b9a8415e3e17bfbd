"""On PostgreSQL, a GIN index on ``title || body`` of Wagtail's index table.

The Chinese backend matches a query against both fields together (one word may be in the title
and another in the body); without this index every search scans the whole table.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin (("title" || "body"))')


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
