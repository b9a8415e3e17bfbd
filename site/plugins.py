"""The plugin contract.

A plugin is a Django app whose ``AppConfig`` subclasses :class:`PluginConfig`. Like a pretix
plugin it carries a small ``PluginMeta`` class (name, version, description, …); like a Wagtail
hook it *contributes* to the shell through a fixed set of methods, each with an empty default:

- :meth:`PluginConfig.page_types` — page models that may be created under the home page;
- :meth:`PluginConfig.home_sections` — sections shown on the home page (``None`` when empty);
- :meth:`PluginConfig.navigation` — entries in the header navigation;
- :meth:`PluginConfig.offers` — what the plugin offers visitors, listed in the home page's
  introduction (查阅英烈名录, 网上祭奠英烈 …);
- :meth:`PluginConfig.search_documents` — models that the search service indexes;
- :meth:`PluginConfig.api_router` — a django-ninja ``Router`` mounted under ``/api/<label>/``;
- :meth:`PluginConfig.public_urls` — URL patterns outside the page tree (a search page, a feed);
- :meth:`PluginConfig.sitemaps` — Django ``Sitemap`` sections listed in the ``/sitemap.xml`` index;
- :meth:`PluginConfig.load_demo` — fills the site with demo content, idempotently;
- :meth:`PluginConfig.staff_groups` — the staff groups and permissions the plugin needs;
- :meth:`PluginConfig.search_examples` — example queries the search page suggests;
- :meth:`PluginConfig.extension_points` — the named places on the plugin's own pages where other
  plugins may add HTML (``siteshell.extensions``);
- :meth:`PluginConfig.moderated_submissions` — what the public submits to the plugin
  (:class:`ModeratedKind`: a ``siteshell.moderation`` model), reviewed in the shell's inbox (待办).

``PluginMeta.requires`` names the plugins (labels) a plugin needs; one whose requirement is off is
left out as a whole (``siteshell.settings.env.plugin_apps``). ``PluginMeta.compatibility`` is the
range of shell versions (:data:`SHELL_VERSION`) it works with, checked at start-up.

The shell only ever reaches a plugin through :func:`get_plugins`, never by its name, so a plugin
that is left out of ``INSTALLED_APPS`` simply contributes nothing. See ``docs/plugins.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig, apps

if TYPE_CHECKING:
    from django.http import HttpRequest

logger = logging.getLogger(__name__)

#: Python entry point group through which an installed package can ship a plugin.
ENTRY_POINT_GROUP = "commemoration.plugins"

#: The version of the plugin contract this shell offers; ``PluginMeta.compatibility`` is
#: checked against it at start-up (``siteshell.checks``).
SHELL_VERSION = "1.0.0"


@dataclass(frozen=True)
class NavItem:
    """One entry of the header navigation.

    The label is normally a page's title, which editors wrote: the English site keeps it in the
    content language and marks it so (``siteshell.languages``). A plugin whose label is
    translated instead (``gettext_lazy``) passes ``translated=True``.
    """

    label: str
    url: str
    order: int = 100
    translated: bool = False


@dataclass(frozen=True)
class Offer:
    """Something a visitor can do on the site, in a few translated words (``查阅英烈名录``),
    and where (``url``). The home page's introduction lists the offers of the enabled plugins:
    it promises only what is there. A plugin returns none while it has nothing public to offer
    (its page is not live yet). A text that editors wrote (a page's title) rather than a
    translated one passes ``translated=False``: it keeps its language on the English site."""

    text: str
    url: str = ""
    order: int = 100
    translated: bool = True


@dataclass
class HomeSection:
    """One section of the home page, rendered with ``template`` and ``context``.

    ``more_url`` links to the full list; ``stylesheets`` are static paths the home page links
    in its head. A plugin returns ``None`` instead of a section with nothing in it: the public
    site never shows an empty placeholder.
    """

    key: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    order: int = 100
    more_url: str = ""
    stylesheets: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtensionPoint:
    """A named place on a plugin's page where other plugins may add HTML
    (``siteshell.extensions``). ``context`` names the keyword arguments every contributor gets."""

    name: str
    description: str
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class StaffGroup:
    """A staff group the plugin needs, with permissions as ``"app_label.codename"``.

    ``page_permissions`` are Wagtail page permissions (``"add"``, ``"change"``, ``"publish"``,
    …) granted on the group's *sections*: every page of the page types named in ``sections``
    (``"app_label.ModelName"``), or of the plugin's own :meth:`PluginConfig.page_types` when
    ``sections`` is empty. A right on a section page covers the pages under it. Rights are
    granted on the sections that exist after every migrate and on each new one as it is
    created (``siteshell.groups``); never on the site root, which only 站点管理员 hold.
    """

    name: str
    permissions: tuple[str, ...] = ()
    #: Wagtail page permissions (e.g. ``"add"``, ``"change"``, ``"publish"``) on the sections.
    page_permissions: tuple[str, ...] = ()
    #: The page types whose pages are this group's sections; empty: the plugin's page types.
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class ModeratedKind:
    """A kind of public submission the moderation inbox (待办) reviews.

    ``model`` is a subclass of ``siteshell.moderation.models.ModeratedSubmission`` (or its
    ``"app_label.Model"`` name); ``label`` defaults to its plural verbose name. ``bulk=False``
    marks long items (letters) that are reviewed one at a time, never approved or rejected in
    bulk. Kinds are listed by ``order``. See ``docs/moderation.md``.
    """

    model: Any
    label: Any = None
    bulk: bool = True
    order: int = 100


@dataclass
class DemoContext:
    """What a demo loader gets: the home page to build under and a way to report."""

    home_page: Any
    stdout: Any
    style: Any
    #: ``make_image(title, seed=…)`` returns a generated image (no copyrighted photos).
    make_image: Any = None

    def log(self, message):
        self.stdout.write(message)


class PluginConfig(AppConfig):
    """Base class for a content plugin's ``AppConfig``."""

    default_auto_field = "django.db.models.BigAutoField"
    # Django picks the one AppConfig subclass marked default in a plugin's apps.py; this base
    # class is imported there too, so it must not count, while every subclass does.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.default = cls.__dict__.get("default", True)

    class PluginMeta:
        name = ""
        version = "0.0.0"
        description = ""
        author = ""
        category = "content"
        #: Labels of the plugins this one needs; it may import only their ``interface`` module.
        requires: tuple[str, ...] = ()
        #: The shell versions it works with, as a PEP 440 specifier (e.g. ``">=1.0,<2"``).
        compatibility = ""

    # -- metadata -------------------------------------------------------------------------

    @property
    def meta(self):
        return self.PluginMeta

    def describe(self) -> dict[str, str]:
        """The metadata as plain strings (for the API and the admin)."""
        meta = self.PluginMeta
        return {
            "label": self.label,
            "name": str(getattr(meta, "name", "") or self.verbose_name),
            "version": str(getattr(meta, "version", "")),
            "description": str(getattr(meta, "description", "")),
            "author": str(getattr(meta, "author", "")),
            "category": str(getattr(meta, "category", "content")),
        }

    # -- contributions (override what the plugin provides) --------------------------------

    def page_types(self) -> Iterable[str]:
        """Page models (``"app_label.ModelName"``) allowed directly under the home page."""
        return ()

    def home_sections(self, request: HttpRequest, home_page) -> Iterable[HomeSection | None]:
        return ()

    def navigation(self, request: HttpRequest) -> Iterable[NavItem]:
        return ()

    def offers(self, request: HttpRequest) -> Iterable[Offer]:
        """What the plugin offers visitors now (:class:`Offer`), for the home page's introduction."""
        return ()

    def search_documents(self) -> Iterable[type]:
        return ()

    def api_router(self):
        """A new ``ninja.Router``, or ``None``."""
        return None

    def public_urls(self) -> list:
        """URL patterns served at the site root, outside the page tree."""
        return []

    def sitemaps(self) -> dict[str, Any]:
        """Django ``Sitemap`` classes (or instances) by name, for what lives outside the page
        tree. The shell lists each one in the ``/sitemap.xml`` index as the section
        ``<label>-<name>`` (``/sitemap-<label>-<name>.xml``). Subclasses of Wagtail's
        ``wagtail.contrib.sitemaps.Sitemap`` are created for each request with the request."""
        return {}

    def load_demo(self, context: DemoContext) -> None:
        return None

    def staff_groups(self) -> Iterable[StaffGroup]:
        return ()

    def search_examples(self, request: HttpRequest) -> Iterable[str]:
        """A few queries the search page offers as examples (names, places, topics)."""
        return ()

    def extension_points(self) -> Iterable[ExtensionPoint]:
        """The extension points the plugin's own pages offer (``siteshell.extensions``)."""
        return ()

    def moderated_submissions(self) -> Iterable[ModeratedKind]:
        """The public submissions the moderation inbox reviews (``siteshell.moderation``)."""
        return ()


def get_plugins() -> list[PluginConfig]:
    """The enabled plugins, in ``INSTALLED_APPS`` order."""
    return [config for config in apps.get_app_configs() if isinstance(config, PluginConfig)]


def _collect(method_name, *args):
    """Call one contribution method on every plugin; a broken plugin is logged, not fatal."""
    results = []
    for plugin in get_plugins():
        try:
            contributed = getattr(plugin, method_name)(*args)
        except Exception:
            logger.exception("Plugin %s failed in %s()", plugin.label, method_name)
            continue
        results.extend(item for item in contributed or () if item is not None)
    return results


def home_page_types() -> list[str]:
    return _collect("page_types")


def home_sections(request, home_page) -> list[HomeSection]:
    return sorted(_collect("home_sections", request, home_page), key=lambda s: s.order)


def navigation(request) -> list[NavItem]:
    return sorted(_collect("navigation", request), key=lambda item: item.order)


def offers(request) -> list[Offer]:
    return sorted(_collect("offers", request), key=lambda offer: offer.order)


def search_documents() -> list[type]:
    return _collect("search_documents")


def staff_groups() -> list[StaffGroup]:
    return _collect("staff_groups")


def search_examples(request) -> list[str]:
    return _collect("search_examples", request)


def extension_points() -> list[ExtensionPoint]:
    return _collect("extension_points")


def sitemaps() -> dict[str, Any]:
    """Every enabled plugin's sitemap sections, named ``<label>-<name>``."""
    sections = {}
    for plugin in get_plugins():
        try:
            contributed = dict(plugin.sitemaps() or {})
        except Exception:
            logger.exception("Plugin %s failed in sitemaps()", plugin.label)
            continue
        for name, sitemap in contributed.items():
            sections[f"{plugin.label}-{name}"] = sitemap
    return sections


# -- discovery (used by settings, before Django is set up) --------------------------------


def entry_point_plugins() -> list[str]:
    """App modules of plugins that installed packages declare in :data:`ENTRY_POINT_GROUP`."""
    return [ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)]


def resolve_enabled_plugins(configured, disabled=(), discovered=None) -> list[str]:
    """The plugin apps to install: the configured list, then entry-point plugins, minus disabled.

    A plugin may be named by its module (``honors``) or by the last part of it.
    """
    if discovered is None:
        discovered = entry_point_plugins()
    disabled_names = set(disabled)
    enabled = []
    for module in [*configured, *discovered]:
        if module in enabled:
            continue
        if module in disabled_names or module.rsplit(".", 1)[-1] in disabled_names:
            continue
        enabled.append(module)
    return enabled


@dataclass(frozen=True)
class LeftOutPlugin:
    """A configured plugin that is not installed because a plugin it requires is off."""

    module: str
    label: str
    missing: tuple[str, ...]


def plugin_config_class(module: str) -> type[PluginConfig] | None:
    """The ``PluginConfig`` subclass in ``<module>.apps`` (imported without Django set up)."""
    from importlib import import_module

    try:
        apps_module = import_module(f"{module}.apps")
    except ImportError:
        return None
    for value in vars(apps_module).values():
        if (
            isinstance(value, type)
            and issubclass(value, PluginConfig)
            and value is not PluginConfig
            and value.__module__ == apps_module.__name__
        ):
            return value
    return None


def plugin_label(module: str, config: type[PluginConfig] | None) -> str:
    return getattr(config, "label", None) or module.rsplit(".", 1)[-1]


def satisfy_requirements(modules, available_labels=()) -> tuple[list[str], list[LeftOutPlugin]]:
    """Split the plugin modules into those whose ``PluginMeta.requires`` are all enabled and
    those left out, repeating until nothing changes (a plugin that needs a left-out plugin is
    left out too). ``available_labels`` are apps that are always installed (the services)."""
    configs = {module: plugin_config_class(module) for module in modules}
    labels = {module: plugin_label(module, config) for module, config in configs.items()}
    kept = list(modules)
    left_out: list[LeftOutPlugin] = []
    changed = True
    while changed:
        changed = False
        enabled = {labels[module] for module in kept} | set(available_labels)
        for module in list(kept):
            requires = tuple(getattr(getattr(configs[module], "PluginMeta", None), "requires", ()) or ())
            missing = tuple(label for label in requires if label not in enabled)
            if missing:
                kept.remove(module)
                left_out.append(LeftOutPlugin(module, labels[module], missing))
                changed = True
    return kept, left_out
