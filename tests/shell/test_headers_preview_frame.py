"""The preview beside the page editor is a frame of the admin: its policy lets the site frame
it (frame-ancestors 'self'), though the page was rendered through the whole middleware stack
first (Wagtail's make_preview_request), which had written frame-ancestors 'none'."""

import re

import pytest
from wagtail.test.utils.form_data import querydict_from_html

pytestmark = pytest.mark.django_db


def test_the_preview_of_a_page_may_be_framed_by_the_admin(admin_client, home_page):
    url = f"/admin/pages/{home_page.pk}/edit/"
    data = querydict_from_html(admin_client.get(url).content.decode(), form_id="page-edit-form")
    data["quick_links-count"] = "0"
    data["intro"] = "预览中的导语"
    assert admin_client.post(f"{url}preview/", data).json()["is_valid"]

    response = admin_client.get(f"{url}preview/", {"in_preview_panel": "true"})
    assert response.status_code == 200 and "预览中的导语" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert re.findall(r"frame-ancestors [^;]*", response["Content-Security-Policy"]) == ["frame-ancestors 'self'"]
