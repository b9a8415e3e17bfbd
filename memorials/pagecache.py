"""The pages a record or a facility is shown on, for the page cache (``siteshell.pagecache``):
its own page, the archive's list and search results — not every page of the site."""

from memorials.models import MartyrArchivePage, MartyrRecord, MemorialFacility
from siteshell import pagecache
from siteshell.pagecache import SEARCH_TAG


def _archive_paths(*paths):
    return [path for path in (*paths, *(page.url for page in MartyrArchivePage.objects.live())) if path]


def record_changed(record):
    return [pagecache.object_tag(record), SEARCH_TAG], _archive_paths(record.get_url())


def facility_changed(facility):
    return [pagecache.object_tag(facility), SEARCH_TAG], _archive_paths(facility.get_url())


def register():
    pagecache.register_model(MartyrRecord, record_changed)
    pagecache.register_model(MemorialFacility, facility_changed)
