"""Any value an editor can enter into any StreamField block is saved, or refused with a field
error in Chinese; never an exception (a 时间线 entry without a year was a 500 on save and on
autosave). Drafts and autosaves check blocks with the required parts deferred, publishing
checks them all: both are tried, and what passes is stored, loaded back, rendered, indexed for
search and given to the API as the site would."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from tests.shell.block_values import (
    ChosenObjects,
    block_types,
    draft_page,
    form_value,
    stream_data,
    stream_fields,
    variants,
)

pytestmark = pytest.mark.django_db

CHINESE = re.compile(r"[\u4e00-\u9fff]")
BLOCK_TYPES = list(block_types())


@pytest.fixture
def objects(home_page):
    return ChosenObjects(home_page)


def error_messages(error):
    """Every message of a block's validation error, its children's included."""
    found = []

    def walk(data):
        if isinstance(data, dict):
            found.extend(str(message) for message in data.get("messages", ()))
            for key, value in data.items():
                if key != "messages":
                    walk(value)
        elif isinstance(data, list):
            for item in data:
                walk(item)

    walk(error.as_json_data() if hasattr(error, "as_json_data") else {"messages": error.messages})
    return found


def test_the_blocks_of_every_plugin_are_found():
    labels = {label for label, *_rest in BLOCK_TYPES}
    assert "siteshell.HomePage.quick_links.link" in labels
    assert len(labels) >= 5


@pytest.mark.parametrize(("label", "model", "field", "name", "block"), BLOCK_TYPES, ids=[t[0] for t in BLOCK_TYPES])
def test_every_value_of_a_block_is_saved_or_refused_in_chinese(label, model, field, name, block, objects, rf):
    stream_block = field.stream_block
    request = rf.get("/")
    with translation.override("zh-hans"):
        for variant in variants(block):
            data = stream_data(field.name, name, form_value(block, variant, objects))
            for deferred in (True, False):
                where = (label, variant.name, "draft" if deferred else "publish")
                value = stream_block.value_from_datadict(data, {}, field.name)
                try:
                    cleaned = stream_block.clean_deferred(value) if deferred else stream_block.clean(value)
                except ValidationError as error:
                    messages = error_messages(error)
                    assert messages, where
                    assert all(CHINESE.search(message) for message in messages), (where, messages)
                    assert variant.name != "complete", (where, messages)
                    continue
                stored = json.dumps(stream_block.get_prep_value(cleaned))
                loaded = stream_block.to_python(json.loads(stored))
                html = stream_block.render(loaded, context={"request": request})
                assert "None" not in html, (where, html)
                stream_block.get_searchable_content(loaded)
                json.dumps(stream_block.get_api_representation(loaded, context={"request": request}))


PAGE_STREAM_FIELDS = list(stream_fields(page_models_only=True))


def edit_form_data(client, page, field, raws):
    """The page editor's form as loaded, with ``field`` holding the blocks ``raws``."""
    data = querydict_from_html(client.get(f"/admin/pages/{page.pk}/edit/").content.decode(), form_id="page-edit-form")
    for key in list(data):
        if key.startswith(f"{field.name}-"):
            del data[key]
        # Inline rows the form opens empty (a profile's first honour) are left out of a draft.
        if key.endswith("-TOTAL_FORMS") and data.get(key.replace("TOTAL", "INITIAL")) == "0":
            data[key] = "0"
    data.update(nested_form_data({field.name: streamfield(raws)}))
    return data


def chunks(items, size):
    return [items[start : start + size] for start in range(0, len(items), size)]


@pytest.mark.parametrize(
    ("model", "field"),
    PAGE_STREAM_FIELDS,
    ids=[f"{model._meta.label}.{field.name}" for model, field in PAGE_STREAM_FIELDS],
)
def test_every_value_of_every_block_goes_through_the_page_editor(model, field, objects, admin_client):
    """All the values of all the blocks of a StreamField (in as many goes as the field takes
    blocks), saved as a draft, autosaved, published and previewed: a redirect, a JSON answer or
    the form again with its errors — never an exception."""
    page = draft_page(model, objects.page)
    raws = [
        (name, form_value(block, variant, objects))
        for name, block in field.stream_block.child_blocks.items()
        for variant in variants(block)
    ]
    url = f"/admin/pages/{page.pk}/edit/"
    for bundle in chunks(raws, field.stream_block.meta.max_num or len(raws)):
        data = edit_form_data(admin_client, page, field, bundle)
        saved = admin_client.post(url, data)
        assert saved.status_code in (200, 302)
        if saved.status_code == 200:
            assert saved.context["form"].errors
        autosaved = admin_client.post(url, data, HTTP_ACCEPT="application/json")
        assert autosaved.status_code in (200, 400), autosaved.content[:500]
        assert "success" in autosaved.json()
        publish = data.copy()
        publish["action-publish"] = "1"
        assert admin_client.post(url, publish).status_code in (200, 302)
        if admin_client.post(f"{url}preview/", data).json()["is_valid"]:
            assert admin_client.get(f"{url}preview/").status_code == 200
