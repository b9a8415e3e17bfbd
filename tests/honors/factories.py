"""Factories for the honour roll (factory_boy and wagtail_factories).

Models are named as ``"app_label.Model"`` strings, which factory_boy looks up when this module
is imported: outside ``tests/honors`` (which is not collected while the plugin is off), import it
inside a fixture or test, so that the module collects whichever plugins are switched off.
"""

import factory
import wagtail_factories
from factory.django import DjangoModelFactory


class HonourTitleFactory(DjangoModelFactory):
    class Meta:
        model = "honors.HonourTitle"

    name = factory.Sequence(lambda n: f"荣誉称号{n}")
    slug = factory.Sequence(lambda n: f"title-{n}")
    sort_order = factory.Sequence(int)


class SelectionRoundFactory(DjangoModelFactory):
    """A municipal round of 2023; ``titles=[…]`` are the titles it awards."""

    class Meta:
        model = "honors.SelectionRound"
        skip_postgeneration_save = True  # titles.set() saves what it changes

    year = 2023
    edition = factory.Sequence(lambda n: f"第{n + 1}届")
    level = "municipal"
    organiser = "示范市退役军人事务局"

    @factory.post_generation
    def titles(self, create, extracted, **kwargs):
        if create and extracted:
            self.titles.set(extracted)


class HonorIndexPageFactory(wagtail_factories.PageFactory):
    """A published honour roll under ``parent`` (the home page)."""

    class Meta:
        model = "honors.HonorIndexPage"

    title = "最美退役军人风采"
    slug = "zuimei"

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        index = super()._create_instance(model_class, parent, kwargs)
        index.save_revision().publish()
        return index


class ProfilePageFactory(wagtail_factories.PageFactory):
    """A profile under ``parent`` (an honour roll) with ``honours=[(round, title), …]``,
    published unless ``live=False``. The slug is made from the name, as in the editor."""

    class Meta:
        model = "honors.ProfilePage"

    title = factory.Sequence(lambda n: f"人物{n}")
    slug = ""
    summary = factory.LazyAttribute(lambda profile: f"{profile.title}的一句话事迹")
    category = "veteran"
    region = "南湖区"
    honours = ()

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        honours = kwargs.pop("honours")
        profile = model_class(**kwargs)
        for selection, title in honours:
            profile.honours.add(profile.honours.model(round=selection, title=title))
        parent.add_child(instance=profile)
        revision = profile.save_revision()
        if profile.live:
            revision.publish()
        return profile
