"""Template tags of the martyr archive: grave positions in the visitor's language.

``{% grave_position record %}`` → ``A区3排12号`` / ``Section A, Row 3, No. 12``;
``{% grave_section "A" %}`` → ``A区`` / ``Section A``; ``{% map_tiles as tiles %}`` and
``{% map_app_links facility as links %}`` for a facility's location (``memorials.maps``). On a site shown in another language than
the content's, a section, row or number written in Chinese (``东区``) is marked with the content
language, as everything else editors wrote (``memorials.languages``).
"""

from django import template

from memorials.graves import format_grave, format_section
from memorials.languages import content_marker
from memorials.maps import map_app_links as app_links
from memorials.maps import tile_source

register = template.Library()


@register.simple_tag
def grave_position(record, plain=False):
    """The record's grave position (empty when it has none); ``plain=True``: text without
    markup (for ``<title>``)."""
    mark = None if plain else content_marker()
    return format_grave(record.grave_section, record.grave_row, record.grave_number, mark=mark)


@register.simple_tag
def grave_section(section, plain=False):
    """A cemetery section: ``A区`` / ``Section A``."""
    return format_section(section, mark=None if plain else content_marker())


@register.simple_tag
def map_tiles():
    """The site's tile server (``memorials.maps.TileSource``), or ``None``: no map is drawn."""
    return tile_source()


@register.simple_tag
def map_app_links(facility):
    """Links that open the facility's location in a map app (``memorials.maps``)."""
    return app_links(facility)
