"""The kinds of public submission the inbox reviews, as the enabled plugins register them
(``PluginConfig.moderated_submissions()`` returning ``siteshell.plugins.ModeratedKind``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.apps import apps

from siteshell.moderation.models import ModeratedSubmission
from siteshell.plugins import get_plugins

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    """A registered kind: the model, its label, whether it may be decided in bulk, its slug in
    the inbox's URLs (the model's ``app_label.modelname``) and the plugin that registered it."""

    model: type[ModeratedSubmission]
    label: str
    bulk: bool
    order: int
    plugin: str

    @property
    def slug(self) -> str:
        return self.model._meta.label_lower


def _resolve(model):
    if isinstance(model, str):
        return apps.get_model(model)
    return model


def kinds() -> list[Kind]:
    """Every registered kind of the enabled plugins, by ``order`` then label. A plugin that
    registers something that is not a ``ModeratedSubmission`` is logged and skipped."""
    found: dict[str, Kind] = {}
    for plugin in get_plugins():
        try:
            contributed = list(plugin.moderated_submissions() or ())
            for entry in contributed:
                model = _resolve(entry.model)
                if not (isinstance(model, type) and issubclass(model, ModeratedSubmission)):
                    raise TypeError(f"{model!r} is not a ModeratedSubmission")
                label = entry.label or model._meta.verbose_name_plural
                kind = Kind(model=model, label=label, bulk=bool(entry.bulk), order=entry.order, plugin=plugin.label)
                found.setdefault(kind.slug, kind)
        except Exception:
            logger.exception("Plugin %s failed in moderated_submissions()", plugin.label)
    return sorted(found.values(), key=lambda kind: (kind.order, str(kind.label)))


def get_kind(slug: str) -> Kind | None:
    return next((kind for kind in kinds() if kind.slug == slug), None)


def kind_for_model(model) -> Kind | None:
    label = model._meta.label_lower
    return get_kind(label)
