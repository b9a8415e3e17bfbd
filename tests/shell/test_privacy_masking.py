"""Personal data is masked everywhere by default; the full value only for staff allowed to see it,
and every full view is logged."""

import pytest
from cryptography.fernet import Fernet
from django.template import Context, Template

from siteshell.privacy import access, crypto
from siteshell.privacy.masking import mask


@pytest.mark.parametrize(
    "value, kind, shown",
    [
        ("13812341234", "mobile", "138****1234"),
        ("+86 138-1234-1234", "mobile", "138****1234"),
        ("110101199003071234", "id_number", "1101**********1234"),
        ("11010119900307123x", "id_number", "1101**********123X"),
        ("北京市东城区某某胡同5号", "address", "北京市东城区******"),
        ("zhangwei@example.com", "email", "z***@example.com"),
        ("13812341234", "contact", "138****1234"),
        ("zhangwei@example.com", "contact", "z***@example.com"),
        ("我是烈士的外孙，住在老家。", "text", "（已隐去 13 字）"),
        ("", "mobile", ""),
        (None, "text", ""),
        (crypto.UNREADABLE, "mobile", crypto.UNREADABLE),
    ],
)
def test_values_are_masked_by_kind(value, kind, shown):
    assert mask(value, kind) == shown


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        mask("x", "passport")


def test_the_template_filter_masks():
    html = Template('{% load privacy %}{{ phone|mask:"mobile" }} {{ text|mask:"text" }}').render(
        Context({"phone": "13812341234", "text": "五个字的话"})
    )
    assert html == "138****1234 （已隐去 5 字）"


@pytest.mark.django_db
def test_only_the_permission_allows_the_full_view(django_user_model):
    from django.contrib.auth.models import AnonymousUser, Permission

    staff = django_user_model.objects.create_user("staff", password="x")
    assert not access.can_view_full(staff) and not access.can_view_full(AnonymousUser())
    staff.user_permissions.add(Permission.objects.get(content_type__app_label="review", codename="view_personal_data"))
    staff = django_user_model.objects.get(pk=staff.pk)
    assert access.can_view_full(staff)

    class FakeRequest:
        user = staff

    # A request whose session did not pass the second factor never sees the full value.
    assert not access.can_view_full(FakeRequest())


@pytest.mark.django_db
@pytest.mark.plugin("memorials")
def test_a_correction_with_a_lost_key_shows_the_marker_on_the_review_page(settings, admin_client):
    from wagtail.models import ModelLogEntry

    from memorials.models import MartyrCorrection
    from tests.memorials.factories import MartyrRecordFactory

    settings.PERSONAL_DATA_KEYS = [Fernet.generate_key().decode()]
    correction = MartyrCorrection.objects.create(
        record=MartyrRecordFactory(name="邱少云"),
        field="unit",
        proposed_value="第15军",
        submitter_contact="13800001234",
    )
    url = f"/admin/moderation/memorials.martyrcorrection/{correction.pk}/"
    html = admin_client.get(url).content.decode()
    assert "138****1234" in html and "13800001234" not in html

    revealed = admin_client.post(url, {"reveal": "1"}).content.decode()
    assert "13800001234" in revealed
    assert ModelLogEntry.objects.filter(action="siteshell.view_personal_data", object_id=str(correction.pk)).exists()

    settings.PERSONAL_DATA_KEYS = [Fernet.generate_key().decode()]
    response = admin_client.get(url)
    assert response.status_code == 200 and crypto.UNREADABLE in response.content.decode()
