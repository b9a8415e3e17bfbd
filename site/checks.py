"""System checks on the enabled plugins: run by ``manage.py check`` and at every start-up."""

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import Version

from siteshell.languages import join_list
from siteshell.plugins import SHELL_VERSION, get_plugins


@checks.register()
def plugins_are_compatible_and_satisfied(app_configs=None, **kwargs):
    """A plugin whose ``compatibility`` range excludes this shell, or whose requirement is not
    installed, is an error; a plugin left out because a requirement is switched off, a warning."""
    messages = []
    installed = {plugin.label for plugin in get_plugins()} | set(getattr(settings, "SERVICE_APPS", ()))
    for plugin in get_plugins():
        meta = plugin.PluginMeta
        messages.extend(_compatibility_errors(plugin, str(getattr(meta, "compatibility", "") or "")))
        missing = [label for label in getattr(meta, "requires", ()) or () if label not in installed]
        if missing:
            messages.append(
                checks.Error(
                    _("插件 %(label)s 需要的插件未安装：%(missing)s")
                    % {"label": plugin.label, "missing": join_list(missing)},
                    hint=_("把需要的插件加入 SITE_PLUGINS，或停用这个插件"),
                    obj=plugin,
                    id="siteshell.E003",
                )
            )
    for left_out in getattr(settings, "PLUGINS_LEFT_OUT", ()):
        messages.append(
            checks.Warning(
                _("插件 %(label)s 未启用：需要 %(missing)s")
                % {"label": left_out.label, "missing": join_list(left_out.missing)},
                hint=_("启用它需要的插件，或把它加入 SITE_PLUGINS_DISABLED"),
                id="siteshell.W001",
            )
        )
    return messages


def _compatibility_errors(plugin, compatibility):
    if not compatibility:
        return []
    try:
        compatible = Version(SHELL_VERSION) in SpecifierSet(compatibility)
    except InvalidSpecifier:
        return [
            checks.Error(
                _("插件 %(label)s 的版本范围“%(range)s”无效") % {"label": plugin.label, "range": compatibility},
                hint=_("使用 PEP 440 版本范围，例如 “>=1.0,<2”"),
                obj=plugin,
                id="siteshell.E002",
            )
        ]
    if compatible:
        return []
    return [
        checks.Error(
            _("插件 %(label)s 适用于站点框架 %(range)s，当前版本为 %(version)s")
            % {"label": plugin.label, "range": compatibility, "version": SHELL_VERSION},
            hint=_("升级这个插件，或用 SITE_PLUGINS_DISABLED 停用它"),
            obj=plugin,
            id="siteshell.E001",
        )
    ]


@checks.register()
def audit_retention_is_long_enough(app_configs=None, **kwargs):
    """The audit trail is kept at least 180 days (等保 2.0); a shorter setting is an error."""
    from siteshell import audit

    if audit.retention_days() >= audit.MINIMUM_RETENTION_DAYS:
        return []
    return [
        checks.Error(
            _("AUDIT_LOG_RETENTION_DAYS 为 %(days)d 天，操作记录至少要保存 %(minimum)d 天")
            % {"days": audit.retention_days(), "minimum": audit.MINIMUM_RETENTION_DAYS},
            hint=_("把 AUDIT_LOG_RETENTION_DAYS 设为 180 或更大；清理命令不会删除180天内的记录"),
            id="siteshell.E004",
        )
    ]
