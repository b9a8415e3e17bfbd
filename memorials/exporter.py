"""Export of martyr records with the import headers, so an export can be imported again."""

from memorials.columns import COLUMNS


def export_row(record) -> dict:
    """Column key → text, exactly as the importer reads it back (in every language: dates and
    graves in the lists' notation, 男/女)."""
    gender = {"male": "男", "female": "女"}.get(record.gender, "")
    return {
        "external_id": record.external_id,
        "name": record.name,
        "gender": gender,
        "ethnicity": record.ethnicity,
        "birth": record.birth_notation,
        "native_place": record.native_place,
        "enlistment": record.enlistment_notation,
        "unit": record.unit,
        "position": record.position,
        "death": record.death_notation,
        "death_place": record.death_place,
        "battle": record.battle,
        "burial_place": record.burial_place or (record.facility.name if record.facility_id else ""),
        "grave": record.grave_notation,
        "certificate_number": record.certificate_number,
        "biography": record.biography_text,
        "sources": record.sources,
    }


EXPORT_KEYS = [column.key for column in COLUMNS]
EXPORT_HEADINGS = {column.key: column.header for column in COLUMNS}
