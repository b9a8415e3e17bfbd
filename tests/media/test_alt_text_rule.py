"""Alt text is required before content that uses an image is published; drafts may wait."""

import pytest
from django.urls import reverse
from wagtail import blocks
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from media.blocks import GalleryBlock, ImageBlock
from media.checks import images_missing_alt_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def unlabelled_image(make_image):
    return make_image(title="烈士家属合影", alt_text="")


def edit_home_page(admin_client, home_page, image, action):
    data = nested_form_data(
        {
            "title": home_page.title,
            "slug": home_page.slug,
            "intro": "缅怀先烈。",
            "hero_image": image.pk,
            "quick_links": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    if action:
        data[action] = action
    return admin_client.post(reverse("wagtailadmin_pages:edit", args=[home_page.pk]), data)


def test_publishing_a_page_whose_image_has_no_alt_text_is_refused(admin_client, home_page, unlabelled_image):
    response = edit_home_page(admin_client, home_page, unlabelled_image, "action-publish")

    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors["hero_image"])
    assert "图片“烈士家属合影”还没有替代文字" in errors
    home_page.refresh_from_db()
    assert home_page.hero_image is None


def test_submitting_for_review_also_needs_alt_text(admin_client, home_page, unlabelled_image):
    response = edit_home_page(admin_client, home_page, unlabelled_image, "action-submit")

    assert response.status_code == 200
    assert "hero_image" in response.context["form"].errors


def test_a_draft_may_use_an_image_without_alt_text(admin_client, home_page, unlabelled_image):
    response = edit_home_page(admin_client, home_page, unlabelled_image, None)

    assert response.status_code == 302
    home_page.refresh_from_db()
    assert home_page.get_latest_revision_as_object().hero_image == unlabelled_image
    assert home_page.hero_image is None  # the live page is unchanged


@pytest.mark.parametrize("fix", ["alt_text", "is_decorative"])
def test_image_with_alt_text_or_marked_decorative_can_be_published(admin_client, home_page, unlabelled_image, fix):
    setattr(unlabelled_image, fix, "一位老兵与家人的合影" if fix == "alt_text" else True)
    unlabelled_image.save()

    response = edit_home_page(admin_client, home_page, unlabelled_image, "action-publish")

    assert response.status_code == 302
    home_page.refresh_from_db()
    assert home_page.hero_image == unlabelled_image


def test_bulk_publishing_a_draft_with_an_unlabelled_image_is_refused(admin_client, home_page, unlabelled_image):
    edit_home_page(admin_client, home_page, unlabelled_image, None)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={home_page.pk}&next=/admin/"

    response = admin_client.post(url, {"include_descendants": ""}, follow=True)

    assert "还没有替代文字" in response.content.decode()
    home_page.refresh_from_db()
    assert home_page.hero_image is None


def test_reference_scan_finds_images_in_foreign_keys(home_page, unlabelled_image, make_image):
    labelled = make_image(title="纪念碑")
    home_page.hero_image = unlabelled_image
    assert images_missing_alt_text(home_page) == [unlabelled_image]
    home_page.hero_image = labelled
    assert images_missing_alt_text(home_page) == []


class Body(blocks.StreamBlock):
    image = ImageBlock()
    gallery = GalleryBlock()


@pytest.mark.parametrize(
    "item",
    [
        lambda image: ("image", {"image": image.pk, "caption": ""}),
        lambda image: ("gallery", {"title": "英烈风采", "images": [{"image": image.pk, "caption": ""}]}),
    ],
    ids=["image", "gallery"],
)
def test_shared_image_blocks_need_alt_text_to_publish_but_not_for_a_draft(unlabelled_image, item):
    body = Body()
    value = body.to_python([dict(zip(("type", "value"), item(unlabelled_image), strict=True))])

    body.clean_deferred(value)  # saving a draft
    with pytest.raises(blocks.StreamBlockValidationError) as refused:
        body.clean(value)  # publishing
    assert "还没有替代文字" in str(refused.value.as_json_data())

    unlabelled_image.is_decorative = True
    unlabelled_image.save()
    body.clean(body.to_python([dict(zip(("type", "value"), item(unlabelled_image), strict=True))]))
