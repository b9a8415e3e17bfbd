"""Which Wagtail (and wagtailmedia) strings a staff member would still meet in English.

Each Wagtail app ships its English catalogue with every string it uses; a string whose
translation into the site's language comes back unchanged, through Django's real lookup
(every catalogue in its order, ``LOCALE_PATHS`` first), is missing. That finds the strings
Wagtail's own zh_Hans catalogue leaves out and the ones another catalogue shadows with English.
``manage.py missing_zh_translations`` prints them as a ``.po`` section to translate into
``site/review/wagtail_locale`` (docs/review.md).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

#: What a reader reads in a string, without placeholders, HTML, URLs and identifiers.
NOT_READ = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>|https?://\S+|&\w+;")
WORD = re.compile(r"[A-Za-z]{2,}")


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgid_plural: str = ""
    msgctxt: str = ""

    def as_po(self):
        lines = [f'msgctxt "{_escape(self.msgctxt)}"'] if self.msgctxt else []
        lines.append(f'msgid "{_escape(self.msgid)}"')
        if self.msgid_plural:
            lines += [f'msgid_plural "{_escape(self.msgid_plural)}"', 'msgstr[0] ""']
        else:
            lines.append('msgstr ""')
        return "\n".join(lines)


def _escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _unescape(text):
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def po_entries(path) -> list[Entry]:
    """The entries of a ``.po`` file (without the header and obsolete ones)."""
    entries = []
    for block in Path(path).read_text(encoding="utf-8").split("\n\n"):
        fields, key = {}, None
        for line in block.splitlines():
            if line.startswith("#"):
                continue
            if match := re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) "(.*)"$', line):
                key = match.group(1)
                fields[key] = _unescape(match.group(2))
            elif line.startswith('"') and key:
                fields[key] += _unescape(line[1:-1])
        if fields.get("msgid"):
            entries.append(Entry(fields["msgid"], fields.get("msgid_plural", ""), fields.get("msgctxt", "")))
    return entries


def wagtail_locale_dirs():
    """The ``locale`` folders of the installed Wagtail apps (and wagtailmedia)."""
    dirs = []
    for config in apps.get_app_configs():
        locale = Path(config.path) / "locale"
        if config.name.split(".")[0] in ("wagtail", "wagtailmedia") and (locale / "en").is_dir():
            dirs.append(locale)
    return dirs


def reads_as_english(text) -> bool:
    return bool(WORD.search(NOT_READ.sub(" ", text)))


def _translate(catalogue, entry):
    if entry.msgid_plural:
        if entry.msgctxt:
            return catalogue.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
        return catalogue.ngettext(entry.msgid, entry.msgid_plural, 2)
    if entry.msgctxt:
        return catalogue.pgettext(entry.msgctxt, entry.msgid)
    return catalogue.gettext(entry.msgid)


def untranslated(language="zh-hans", domain="django") -> list[Entry]:
    """The Wagtail strings of ``domain`` that come back unchanged in ``language``."""
    sources = [locale / "en" / "LC_MESSAGES" / f"{domain}.po" for locale in wagtail_locale_dirs()]
    if domain == "django":
        with translation.override(language):
            catalogue = translation.trans_real._active.value
    else:
        catalogue = DjangoTranslation(language, domain=domain, localedirs=wagtail_locale_dirs())
    missing, seen = [], set()
    for source in sources:
        if not source.exists():
            continue
        for entry in po_entries(source):
            if entry in seen or not reads_as_english(entry.msgid_plural or entry.msgid):
                continue
            seen.add(entry)
            if _translate(catalogue, entry) in (entry.msgid, entry.msgid_plural):
                missing.append(entry)
    return missing
