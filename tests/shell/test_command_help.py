"""Every management command of the site's apps prints its help, in Chinese and in English
(argparse cannot format a lazy description: a command translates its help when asked)."""

import pytest
from django.core.management import get_commands, load_command_class
from django.utils import translation

from siteshell.plugins import get_plugins

OWN_APPS = {"siteshell", "media", "search", *(plugin.name for plugin in get_plugins())}
COMMANDS = sorted((name, app) for name, app in get_commands().items() if app in OWN_APPS)


def test_the_site_has_commands_of_its_own():
    assert {"load_demo", "rebuild_search", "media_clean_originals"} <= {name for name, _app in COMMANDS}


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("name, app", COMMANDS)
def test_command_help_prints_in_both_languages(name, app, language):
    command = load_command_class(app, name)
    with translation.override(language):
        text = command.create_parser("manage.py", name).format_help()
        description = str(command.help)
    assert description and description in " ".join(text.split())
