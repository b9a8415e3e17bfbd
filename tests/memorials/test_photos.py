"""A record's photos: the portrait plus a gallery edited inline, kept in drafts, shown on the
public page (one set of queries however many photos), in the API and in the JSON-LD."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from media.demo import make_image

pytestmark = pytest.mark.django_db

EDIT_URL = "/admin/snippets/memorials/martyrrecord/edit/{pk}/"


def record_form(record, photos, initial=0, **changes):
    """The snippet editor's form data for ``record`` with the gallery ``photos``."""
    data = {
        "name": record.name,
        "external_id": record.external_id,
        "gender": record.gender,
        "ethnicity": record.ethnicity,
        "birth_date": "",
        "birth_precision": "",
        "native_place": record.native_place,
        "native_province": record.native_province,
        "native_city": record.native_city,
        "native_county": record.native_county,
        "enlistment_date": "",
        "enlistment_precision": "",
        "unit": record.unit,
        "position": record.position,
        "death_date": "",
        "death_precision": "",
        "death_place": record.death_place,
        "battle": record.battle,
        "burial_place": record.burial_place,
        "facility": "",
        "grave_section": "",
        "grave_row": "",
        "grave_number": "",
        "certificate_number": "",
        "biography": rich_text(record.biography or "<p>生平</p>"),
        "sources": record.sources,
        "photo": record.photo_id or "",
        "photos": inline_formset(photos, initial=initial),
    }
    data.update(changes)
    return nested_form_data(data)


def gallery_item(image, caption, source="", pk=""):
    return {"id": pk, "image": image.pk, "caption": caption, "source": source}


@pytest.fixture
def images(db):
    made = {
        "portrait": make_image("遗像", seed="portrait", alt_text="黄继光烈士遗像"),
        "tomb": make_image("墓碑", seed="tomb", alt_text="黄继光烈士墓碑"),
        "medal": make_image("遗物", seed="medal"),
        "letter": make_image("家书", seed="letter", alt_text="烈士写给母亲的家书"),
    }
    made["medal"].alt_text = ""  # not described in the image library yet
    made["medal"].save()
    return made


def test_a_draft_with_gallery_photos_publishes_them(admin_client, make_record, images):
    from memorials.models import MartyrRecord, MartyrRecordPhoto

    record = make_record(name="黄继光", native_place="四川中江")
    images["medal"].alt_text = "一级战斗英雄奖章"
    images["medal"].save()
    photos = [gallery_item(images["tomb"], "烈士墓碑", "示范市烈士陵园"), gallery_item(images["medal"], "奖章")]

    # Saving a draft leaves the published record as it is: the gallery lives in the revision.
    response = admin_client.post(EDIT_URL.format(pk=record.pk), record_form(record, photos))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not MartyrRecordPhoto.objects.exists()
    record.refresh_from_db()
    draft = record.latest_revision
    assert record.has_unpublished_changes
    assert [photo.caption for photo in draft.as_object().photos.all()] == ["烈士墓碑", "奖章"]

    # Publishing the draft revision writes the photos, in the editors' order.
    draft.publish()
    record = MartyrRecord.objects.get(pk=record.pk)
    assert [(p.caption, p.source, p.image_id) for p in record.photos.all()] == [
        ("烈士墓碑", "示范市烈士陵园", images["tomb"].pk),
        ("奖章", "", images["medal"].pk),
    ]

    # Editing again (reorder, drop one, add one) and publishing from the editor.
    tomb, medal = record.photos.all()
    photos = [
        {**gallery_item(images["tomb"], "烈士墓碑", pk=tomb.pk), "ORDER": "2"},
        {**gallery_item(images["medal"], "奖章", pk=medal.pk), "DELETE": "1"},
        {**gallery_item(images["letter"], "家书"), "ORDER": "1"},
    ]
    response = admin_client.post(
        EDIT_URL.format(pk=record.pk), {**record_form(record, photos, initial=2), "action-publish": "action-publish"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert [p.caption for p in MartyrRecord.objects.get(pk=record.pk).photos.all()] == ["家书", "烈士墓碑"]


def test_the_editor_shows_the_gallery_and_refuses_to_publish_a_photo_without_alt_text(
    admin_client, make_record, images
):
    from memorials.models import MartyrRecordPhoto

    record = make_record(name="邱少云")
    edit = admin_client.get(EDIT_URL.format(pk=record.pk)).content.decode()
    assert "更多照片" in edit and 'name="photos-TOTAL_FORMS"' in edit

    photos = [gallery_item(images["medal"], "烈士遗物")]  # the image has no alt text yet
    publish = admin_client.post(
        EDIT_URL.format(pk=record.pk), {**record_form(record, photos), "action-publish": "action-publish"}
    )
    assert publish.status_code == 200 and "替代文字" in publish.content.decode()
    assert not MartyrRecordPhoto.objects.exists()
    # A draft may keep it until the image library has alt text.
    draft = admin_client.post(EDIT_URL.format(pk=record.pk), record_form(record, photos))
    assert draft.status_code == 302


def test_a_caption_is_required(admin_client, make_record, images):
    from memorials.models import MartyrRecordPhoto

    record = make_record(name="罗盛教")
    response = admin_client.post(
        EDIT_URL.format(pk=record.pk),
        {**record_form(record, [gallery_item(images["tomb"], "")]), "action-publish": "action-publish"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {}  # the record itself is fine: only the photo's caption is missing
    [photo_errors] = [photo.errors.as_data() for photo in form.formsets["photos"].forms]
    assert list(photo_errors) == ["caption"] and photo_errors["caption"][0].code == "required"
    assert not MartyrRecordPhoto.objects.exists()


def add_photos(record, *pairs):
    from memorials.models import MartyrRecordPhoto

    for order, (image, caption) in enumerate(pairs):
        MartyrRecordPhoto.objects.create(record=record, image=image, caption=caption, sort_order=order)


def detail_queries(client, url):
    client.get(url)  # the first view makes the renditions
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries.captured_queries)


def test_detail_page_shows_the_gallery_with_alt_text_and_no_query_per_photo(client, archive, make_record, images):
    from memorials.models import MartyrRecordPhoto

    one = make_record(name="杨根思", photo=images["portrait"])
    add_photos(one, (images["tomb"], "烈士墓碑"))
    three = make_record(name="黄继光", photo=images["portrait"])
    add_photos(three, (images["tomb"], "烈士墓碑"), (images["medal"], "一级战斗英雄奖章"), (images["letter"], "家书"))
    MartyrRecordPhoto.objects.filter(record=three, caption="家书").update(source="烈士亲属提供")

    _response, queries_for_one = detail_queries(client, f"{archive.url}{one.pk}/")
    response, queries_for_three = detail_queries(client, f"{archive.url}{three.pk}/")
    assert queries_for_three == queries_for_one

    body = response.content.decode()
    gallery = body[body.index('id="record-photos"') :]
    gallery = gallery[: gallery.index("</section>")]
    assert gallery.count("<figure") == 3 and gallery.count("<picture>") == 3
    assert 'alt="黄继光烈士墓碑"' in gallery  # the image's alt text
    assert 'alt="一级战斗英雄奖章"' in gallery  # no alt text in the library: the caption
    assert '来源：<span lang="zh-hans">烈士亲属提供</span>' in gallery  # the source as editors wrote it
    assert gallery.index("烈士墓碑") < gallery.index("一级战斗英雄奖章") < gallery.index("家书")

    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', body, re.S).group(1))
    assert len(data["image"]) == 4 and all(url.startswith("http") and ".jpg" in url for url in data["image"])


def test_record_without_photos_has_no_gallery_and_a_portrait_only_json_ld_image(client, archive, make_record, images):
    bare = make_record(name="邱少云")
    body = client.get(f"{archive.url}{bare.pk}/").content.decode()
    assert 'id="record-photos"' not in body and '"image"' not in body
    portrait = make_record(name="董存瑞", photo=images["portrait"])
    body = client.get(f"{archive.url}{portrait.pk}/").content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.+?)</script>', body, re.S).group(1))
    assert isinstance(data["image"], str) and data["image"].startswith("http")


def test_api_detail_lists_the_image_urls(client, archive, make_record, images):
    record = make_record(name="黄继光", photo=images["portrait"])
    add_photos(record, (images["tomb"], "烈士墓碑"), (images["medal"], "奖章"))
    data = client.get(f"/api/memorials/records/{record.pk}").json()
    assert data["photo"]["url"].startswith("http") and data["photo"]["alt"] == "黄继光烈士遗像"
    assert data["photo"]["width"] > 0 and data["photo"]["height"] > 0
    assert [(p["caption"], p["alt"]) for p in data["photos"]] == [("烈士墓碑", "黄继光烈士墓碑"), ("奖章", "奖章")]
    assert all(p["url"].startswith("http") for p in data["photos"])
    assert data["photos"][0]["source"] == "系统生成的示例图片"  # the image's own source when the photo has none

    with CaptureQueriesContext(connection) as queries:
        client.get(f"/api/memorials/records/{record.pk}")
    more = make_record(name="杨根思", photo=images["portrait"])
    add_photos(more, (images["tomb"], "墓碑"), (images["medal"], "奖章"), (images["letter"], "家书"))
    client.get(f"/api/memorials/records/{more.pk}")
    with CaptureQueriesContext(connection) as more_queries:
        client.get(f"/api/memorials/records/{more.pk}")
    assert len(more_queries.captured_queries) == len(queries.captured_queries)

    bare = make_record(name="邱少云")
    data = client.get(f"/api/memorials/records/{bare.pk}").json()
    assert data["photo"] is None and data["photos"] == []


def test_a_broken_image_file_leaves_the_page_and_the_api_working(client, archive, make_record, images):
    record = make_record(name="黄继光")
    add_photos(record, (images["tomb"], "烈士墓碑"))
    images["tomb"].renditions.all().delete()
    images["tomb"].file.storage.delete(images["tomb"].file.name)
    assert client.get(f"{archive.url}{record.pk}/").status_code == 200
    data = client.get(f"/api/memorials/records/{record.pk}").json()
    assert data["photos"] == []


def test_a_facility_photo_needs_alt_text_too(admin_client, images):
    data = {
        "name": "示范市烈士纪念馆",
        "kind": "hall",
        "level": "municipal",
        "province": "",
        "address": "",
        "latitude": "",
        "longitude": "",
        "opening_hours": "",
        "phone": "",
        "description": rich_text(""),
        "photo": images["medal"].pk,
    }
    refused = admin_client.post("/admin/snippets/memorials/memorialfacility/add/", data)
    assert refused.status_code == 200 and "替代文字" in refused.content.decode()
    data["photo"] = images["tomb"].pk
    assert admin_client.post("/admin/snippets/memorials/memorialfacility/add/", data).status_code == 302
