"""The pages the campaign's rows are shown on, for the page cache (``siteshell.pagecache``):
the campaign page (its list, its stories) and a martyr's record page (the "sought" notice, the
story link) — not every page of the site."""

from __future__ import annotations

from campaigns.seekrelatives.models import SeekRelativesCampaignPage
from memorials.interface import record_url
from siteshell import pagecache
from siteshell.pagecache import SEARCH_TAG


def campaign_tags() -> list[str]:
    return [f"page:{pk}" for pk in SeekRelativesCampaignPage.objects.values_list("pk", flat=True)]


def sought_martyr_pages(entry):
    paths = [record_url(entry.record)] if entry.record_id else []
    return [*campaign_tags(), SEARCH_TAG], paths


def martyr_changed(record) -> None:
    """A case about ``record`` changed what the public sees (a family found): the campaign page,
    its announcements and the record's page render again."""
    announcement_tags = []
    for page in SeekRelativesCampaignPage.objects.all():
        announcement_tags.append(f"desc:{page.path}")
    pagecache.invalidate(*campaign_tags(), *announcement_tags)
    if record is not None:
        pagecache.invalidate_paths([record_url(record)])


def story_changed(story) -> None:
    """A story published or unpublished: its martyr's record page links to it."""
    if story.record_id:
        pagecache.invalidate_paths([record_url(story.record)])
