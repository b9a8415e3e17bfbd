"""The admin in Chinese: no English word on the main pages, for a superuser and a writer."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, Workflow

pytestmark = pytest.mark.django_db

#: Words that stay: product and file format names, units, keyboard keys.
ALLOWED = {"Wagtail", "JavaScript", "Ctrl", "Alt", "Shift", "Esc", "ICP", "MB", "CSV", "XLSX"}
ALLOWED |= {"AVIF", "GIF", "HEIC", "HEIF", "JPEG", "JPG", "PNG", "WEBP"}
#: What Wagtail builds from code rather than from its catalogue, so no translation reaches it:
#: the sites list's column headers and two workflow form labels come from field names
#: ("Page", "Content types"), the redirects filter is translated
#: once when its module is imported (English when that happens under ``migrate``), a page
#: nobody published shows "None" as its publisher. Only superusers see the first two.
WAGTAIL_LIMITS = {
    "/admin/sites/": {"Port", "Site", "name", "Root", "page"},
    "/admin/redirects/": {"Type", "All", "Permanent", "Temporary"},
    "/admin/workflows/edit/{workflow}/": {"Page", "Content", "types"},
    "/admin/reports/aging-pages/": {"None"},
}
#: A word in Latin letters (two or more).
WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
#: Not prose: web addresses and content type labels ("siteshell.homepage").
NOT_PROSE = re.compile(r"https?://\S+|\b[a-z_]+\.[a-z_]+\b")


def english_words(html, user_content=()):
    """The English words a staff member reads on the page: its text without scripts, styles,
    templates and attributes, minus the names that people and editors wrote."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template", "noscript", "svg", "code", "kbd"]):
        element.decompose()
    for element in soup.select("[hidden], select[name$='current_time_zone']"):
        element.decompose()  # not shown; IANA time zone names
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    text = soup.get_text(" ")
    for written in user_content:
        text = text.replace(written, " ")
    text = NOT_PROSE.sub(" ", text)
    return sorted({word for word in WORD.findall(text) if word not in ALLOWED})


ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/pages/{root}/",
    "/admin/pages/{home}/",
    "/admin/pages/{home}/edit/",
    "/admin/pages/search/?q=清明",
    "/admin/snippets/",
    "/admin/images/",
    "/admin/images/add/",
    "/admin/documents/",
    "/admin/documents/add/",
    "/admin/media/",
    "/admin/collections/",
    "/admin/workflows/list/",
    "/admin/workflows/edit/{workflow}/",
    "/admin/pages/{home}/history/",
    "/admin/workflows/tasks/index/",
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/page-types-usage/",
    "/admin/users/",
    "/admin/groups/",
    "/admin/sites/",
    "/admin/redirects/",
    "/admin/account/",
    "/admin/settings/siteshell/bureausettings/",
]


@pytest.fixture
def writer(django_user_model):
    user = django_user_model.objects.create_user("xuanchuan", "xuanchuan@example.gov.cn", "pw")
    user.groups.add(Group.objects.get(name="宣传干事"))
    return user


def visit(client, url, home_page):
    workflow = Workflow.objects.get(name="内容审核")
    response = client.get(
        url.format(root=Page.get_first_root_node().id, home=home_page.id, workflow=workflow.id), follow=True
    )
    return response


@pytest.mark.parametrize("who", ["superuser", "writer"])
def test_the_main_admin_pages_have_no_english(client, home_page, superuser, writer, who):
    client.force_login(superuser if who == "superuser" else writer)
    written = {superuser.username, writer.username, "localhost", *Page.objects.values_list("title", flat=True)}
    problems = {}
    for url in ADMIN_PAGES:
        response = visit(client, url, home_page)
        if response.status_code in (403, 404) and who == "writer":
            continue  # not theirs to see
        assert response.status_code == 200, url
        words = set(english_words(response.content.decode(), written)) - WAGTAIL_LIMITS.get(url, set())
        if words:
            problems[url] = sorted(words)
    assert problems == {}


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_every_wagtail_string_has_chinese(domain):
    """Every string of the installed Wagtail apps' English catalogues comes back in Chinese
    (``manage.py missing_zh_translations`` prints what does not)."""
    from siteshell.review.missing_translations import untranslated

    assert [entry.msgid for entry in untranslated("zh-hans", domain)] == []


def test_the_finder_sees_a_string_left_in_english():
    from siteshell.review.missing_translations import Entry, reads_as_english, untranslated

    assert reads_as_english("Search all pages…") and not reads_as_english("%(total)s <b>%(site_name)s</b>")
    assert Entry("Search all pages…") in untranslated("en")
