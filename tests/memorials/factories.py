"""factory_boy factories for the martyr archive's records and facilities.

The models are named by label, not imported: this module can be imported at the top of a test
module with the memorials plugin switched off.
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
