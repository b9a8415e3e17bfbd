"""Extension points: a plugin adds HTML to another plugin's page through a named Wagtail hook,
rendered by ``{% extension_point %}``; the page never imports its contributors."""

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe
from wagtail import hooks

from siteshell.extensions import render_extension_point

POINT = "tests.sample.after_summary"


def render(request=None, **context):
    template = Template('{% load siteshell_tags %}<main>{% extension_point "' + POINT + '" story=story %}</main>')
    return template.render(Context({"request": request, **context}))


def test_nothing_registered_renders_nothing():
    assert render(story="清明祭扫") == "<main></main>"


def test_contributors_render_in_hook_order_with_the_page_context(rf):
    request = rf.get("/")
    first = lambda request, story: mark_safe(f"<p>献花 · {story}</p>")  # noqa: E731
    second = lambda request, story: mark_safe(f"<p>寻亲 · {request.path}</p>")  # noqa: E731
    with hooks.register_temporarily(POINT, second, order=10), hooks.register_temporarily(POINT, first, order=0):
        assert render(request, story="清明祭扫") == "<main><p>献花 · 清明祭扫</p><p>寻亲 · /</p></main>"


def test_plain_strings_are_escaped_and_none_adds_nothing():
    with (
        hooks.register_temporarily(POINT, lambda request, story: "<b>未转义</b>"),
        hooks.register_temporarily(POINT, lambda request, story: None),
    ):
        assert render(story="x") == "<main>&lt;b&gt;未转义&lt;/b&gt;</main>"


def test_a_failing_contributor_is_logged_and_the_page_still_renders(caplog):
    def broken(request, story):
        raise RuntimeError("boom")

    with (
        hooks.register_temporarily(POINT, broken),
        hooks.register_temporarily(POINT, lambda request, story: mark_safe("<p>ok</p>")),
    ):
        assert render_extension_point(POINT, None, story="x") == "<p>ok</p>"
    assert "Extension point tests.sample.after_summary" in caplog.text


@pytest.mark.plugin("sampleplugin")
@pytest.mark.django_db
def test_a_plugin_page_offers_its_extension_point(client, home_page):
    from tests.sampleplugin.models import SampleIndexPage, SampleStoryPage

    index = SampleIndexPage(title="纪念活动", slug="events")
    home_page.add_child(instance=index)
    story = SampleStoryPage(title="清明祭扫", summary="在陵园举行")
    index.add_child(instance=story)
    story.save_revision().publish()
    with hooks.register_temporarily(
        "sampleplugin.story.after_summary", lambda request, story: mark_safe(f"<p id=added>{story.title}</p>")
    ):
        html = client.get(story.url).content.decode()
    assert "<p id=added>清明祭扫</p>" in html
