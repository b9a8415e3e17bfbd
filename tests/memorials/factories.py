"""factory_boy factories for the martyr archive's records and facilities.

factory_boy looks the models up when this module is imported, so import it where the models
would be imported: inside a test or fixture (``make_record`` and ``make_facility`` in
``conftest.py`` hand the factories out), never at the top of a test module.
"""

import factory
from factory.django import DjangoModelFactory


class MemorialFacilityFactory(DjangoModelFactory):
    class Meta:
        model = "memorials.MemorialFacility"

    name = factory.Sequence(lambda n: f"第{n + 1}烈士陵园")
    kind = "cemetery"
    level = "municipal"
    province = "山东省"


class MartyrRecordFactory(DjangoModelFactory):
    """A published record; pass ``live=False`` for one still under review."""

    class Meta:
        model = "memorials.MartyrRecord"

    external_id = factory.Sequence(lambda n: f"F{n + 1:05d}")
    name = factory.Sequence(lambda n: f"烈士{n + 1}")
    live = True
