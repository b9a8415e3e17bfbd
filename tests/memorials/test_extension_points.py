"""Other plugins add to the record and facility pages at the extension points the archive
offers (a tribute hall's 献花·点烛·寄语, seek-relatives' banner …); memorials itself
registers no contributor."""

import pytest
from django.apps import apps
from django.utils.html import format_html
from wagtail import hooks

pytestmark = pytest.mark.django_db


def tribute_buttons(request, record):
    return format_html('<p class="tribute">献花 · 点烛 · 寄语（{}）</p>', record.name)


def seek_relatives_banner(request, record):
    return format_html('<p class="seek">{}烈士的亲属正在寻找中 — 提供线索</p>', record.name)


def test_the_archive_declares_its_extension_points():
    points = {point.name: point for point in apps.get_app_config("memorials").extension_points()}
    assert set(points) == {
        "memorials.record.actions",
        "memorials.record.after_body",
        "memorials.facility.after_details",
    }
    assert points["memorials.record.actions"].context == ("record",)
    assert points["memorials.record.after_body"].context == ("record",)
    assert points["memorials.facility.after_details"].context == ("facility",)
    assert all(str(point.description) for point in points.values())


def test_the_archive_registers_no_contributor_itself(client, archive, make_record, monkeypatch):
    points = ("memorials.record.actions", "memorials.record.after_body", "memorials.facility.after_details")
    contributors = [fn.__module__ for name in points for fn in hooks.get_hooks(name)]
    # Its nested plugins (memorials.tributes, memorials.sweeping) are plugins of their own.
    nested = (".tributes.", ".sweeping.")
    own = [
        module for module in contributors if module.startswith("memorials.") and not any(n in module for n in nested)
    ]
    assert own == []
    # With no contributor at all (every contributing plugin switched off), no empty container.
    monkeypatch.setattr(hooks, "get_hooks", lambda name: [])
    record = make_record(name="黄继光", biography="<p>舍身堵枪眼。</p>")
    body = client.get(f"{archive.url}{record.pk}/").content.decode()
    assert "memorials-record__actions" not in body  # no empty container either


def test_contributions_appear_under_the_summary_and_after_the_biography(client, archive, make_record):
    record = make_record(name="黄继光", native_place="四川省中江县", biography="<p>舍身堵枪眼。</p>")
    with hooks.register_temporarily(
        [
            ("memorials.record.actions", tribute_buttons),
            ("memorials.record.actions", seek_relatives_banner),
            ("memorials.record.after_body", lambda request, record: format_html("<p class=after>{}</p>", record.pk)),
        ]
    ):
        body = client.get(f"{archive.url}{record.pk}/").content.decode()
    actions = body.index('<div class="memorials-record__actions">')
    assert body.index("</header>") < actions < body.index('class="memorials-facts"')
    assert actions < body.index("献花 · 点烛 · 寄语（黄继光）") < body.index("黄继光烈士的亲属正在寻找中")
    assert body.index("舍身堵枪眼") < body.index(f"<p class=after>{record.pk}</p>") < body.index("扫码查看本页")


def test_a_failing_contributor_does_not_break_the_record_page(client, archive, caplog, make_record):
    record = make_record(name="邱少云")

    def broken(request, record):
        raise RuntimeError("tribute service down")

    with hooks.register_temporarily(
        [("memorials.record.actions", broken), ("memorials.record.actions", tribute_buttons)]
    ):
        response = client.get(f"{archive.url}{record.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "献花 · 点烛 · 寄语（邱少云）" in body and "tribute service down" not in body
    assert "tribute service down" in caplog.text


def test_the_facility_page_offers_a_place_after_its_details(client, archive, cemetery):
    def visiting_hours(request, facility):
        return format_html('<p class="visits">{}：清明节期间延长开放</p>', facility.name)

    with hooks.register_temporarily("memorials.facility.after_details", visiting_hours):
        body = client.get(cemetery.get_url()).content.decode()
    assert body.index("开放时间") < body.index("示范市烈士陵园：清明节期间延长开放") < body.index("安葬于此的烈士")
