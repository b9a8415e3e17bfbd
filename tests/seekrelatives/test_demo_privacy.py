"""The demo: a campaign with martyrs of the demo archive, clues at every stage, a success story,
loaded once however often the command runs. Then the whole public site is crawled, with the API
and the search, and not one demo sender's phone number, ID number, address or clue text appears
anywhere."""

import re
from collections import deque
from io import StringIO
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("seekrelatives")]

#: Pages are many (every record of the demo archive): the crawl stops after this many, the
#: campaign's pages and its martyrs' records first.
MAX_PAGES = 40
SKIPPED = ("/admin", "/static/", "/media/", "/captcha/", "/report/", "/django-admin")
LINK = re.compile(r'(?:href|src|action)="([^"#]+)')


def crawl(client, start):
    """Every public page reachable from ``start`` (and the sought martyrs' record pages first)."""
    seen, queue, pages = set(start), deque(start), {}
    while queue and len(pages) < MAX_PAGES:
        path = queue.popleft()
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[path] = html
        for link in LINK.findall(html):
            link = urljoin(path, link.replace("&amp;", "&"))
            parts = urlsplit(link)
            if parts.netloc and parts.netloc not in ("testserver", "127.0.0.1:8000", "localhost"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local.startswith(SKIPPED) or local in seen or "/qr/" in local:
                continue
            seen.add(local)
            queue.append(local)
    return pages


def test_the_demo_is_loaded_once_and_no_sender_is_ever_shown(client):
    from campaigns.seekrelatives.demo import DEMO_CLUES, UNLISTED
    from campaigns.seekrelatives.models import (
        Clue,
        ClueCase,
        SeekRelativesCampaignPage,
        SoughtMartyr,
        SuccessStoryPage,
    )

    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert SeekRelativesCampaignPage.objects.count() == 1 and SoughtMartyr.objects.filter(live=True).count() == 8
    assert Clue.objects.count() == len(DEMO_CLUES) + 1
    assert set(ClueCase.objects.values_list("stage", flat=True)) == {
        "received",
        "verifying",
        "dna",
        "confirmed",
        "not_matched",
        "closed",
    }
    story = SuccessStoryPage.objects.live().get()
    campaign = SeekRelativesCampaignPage.objects.get()

    secrets = set()
    for *_head, mobile, id_number, address, knowledge in [row[3:] for row in DEMO_CLUES] + [UNLISTED[2:]]:
        secrets |= {mobile, f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}", knowledge}
        secrets |= {value for value in (id_number, address) if value}
    assert len([value for value in secrets if value.startswith("139")]) == 14

    sought_pages = [entry.get_url() for entry in SoughtMartyr.objects.filter(live=True)]
    announcements = [page.url for page in campaign.get_children().live()]
    start = [campaign.url, *announcements, *sought_pages, campaign.url + "clue/", campaign.url + "track/", "/"]
    pages = crawl(client, start)
    assert campaign.url in pages and story.url in pages and len(pages) == MAX_PAGES
    answers = dict(pages)
    # Searches that would find a clue if it were indexed: its sender's name, its first words, a
    # number's first digits (a query is shown back to the visitor, so never a whole secret).
    queries = {row[3] for row in DEMO_CLUES} | {UNLISTED[2]} | {row[7][:6] for row in DEMO_CLUES} | {"13900139"}
    for query in sorted(queries):
        for path in ("/search/", "/api/search/", campaign.url):
            answers[f"{path}?q={query}"] = client.get(path, {"q": query}).content.decode("unicode_escape")
    for path in ("/api/seekrelatives/martyrs?found=true", "/api/seekrelatives/stories", "/api/seekrelatives/figures"):
        answers[path] = client.get(path).content.decode("unicode_escape")
    answers["/sitemap.xml"] = client.get("/sitemap.xml").content.decode()

    leaks = [(path, value) for path, text in answers.items() for value in secrets if value in text]
    assert leaks == []
