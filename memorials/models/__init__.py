"""The martyr archive's models: records, memorial facilities, corrections, imports and the
archive page.

Records are data, not pages (the national list holds about 1.86 million): one routable
:class:`MartyrArchivePage` serves the list, the filters and every record's detail page.

``models`` is the bottom of the plugin's imports: it uses only small pure modules
(``dates``, ``places``, ``periods``, ``graves``, ``text``, ``derived``, ``routing``), never
views, forms, the importer or the API. Other plugins import ``memorials.interface`` instead.
"""

from memorials.models.corrections import MartyrCorrection
from memorials.models.facilities import FACILITY_CHOICES_CACHE_KEY, MemorialFacility
from memorials.models.imports import ImportJob
from memorials.models.pages import MartyrArchivePage
from memorials.models.records import Gender, MartyrRecord, MartyrRecordPhoto, MartyrRecordQuerySet

__all__ = [
    "FACILITY_CHOICES_CACHE_KEY",
    "Gender",
    "ImportJob",
    "MartyrArchivePage",
    "MartyrCorrection",
    "MartyrRecord",
    "MartyrRecordPhoto",
    "MartyrRecordQuerySet",
    "MemorialFacility",
]
