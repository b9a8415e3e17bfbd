"""Accessibility, HTML validity and weight of a page as the browser tests see it.

- axe-core (the copy bundled with ``axe-playwright-python``; nothing is downloaded) runs inside
  the page, with its default rules: WCAG 2.x A and AA and the best practices Lighthouse uses;
- the Nu HTML checker (``vnu.jar`` from the npm package ``vnu-jar``, installed by
  ``make install-test`` into ``tests/tools/node_modules``) validates the HTML the server sent,
  all pages in one Java run;
- the weight of a page: bytes of the HTML, bytes of everything it loaded, number of requests.

Violations that are known and explained are listed in ``a11y_allowlist.toml``, each with a
reason; anything else of impact moderate, serious or critical fails the tests.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALLOW_LIST = HERE / "a11y_allowlist.toml"
VNU_JAR = Path(
    os.environ.get("VNU_JAR") or HERE.parent / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)
CHECKED_IMPACTS = ("moderate", "serious", "critical")


@dataclass
class Visit:
    """One page type seen in one display mode."""

    page_type: str
    mode: str
    path: str
    status: int
    html: str
    html_bytes: int = 0
    total_bytes: int = 0
    requests: int = 0
    violations: list[dict] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.page_type} [{self.mode}] {self.path}"


# -- axe-core ---------------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """axe-core's violations on the page as it is now: ``{id, impact, help, targets}``."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"]})
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [" ".join(map(str, node["target"])) for node in violation["nodes"]],
        }
        for violation in results.response["violations"]
    ]


# -- the allow-list ---------------------------------------------------------------------------


@dataclass
class Allowed:
    """A violation accepted for a reason: an axe rule (``rule``) or a Nu checker message
    (``message``, a regular expression), on some page types and modes or all."""

    reason: str
    rule: str = ""
    message: str = ""
    pages: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    target: str = ""

    def covers(self, visit: Visit, *, rule: str = "", message: str = "", target: str = "") -> bool:
        if self.pages and visit.page_type not in self.pages:
            return False
        if self.modes and visit.mode not in self.modes:
            return False
        if self.target and self.target not in target:
            return False
        if rule:
            return self.rule == rule
        return bool(self.message) and re.search(self.message, message) is not None

    def describe(self) -> str:
        return f"{self.rule or self.message} on {', '.join(self.pages) or 'every page'}"


def load_allow_list(path: Path = ALLOW_LIST) -> list[Allowed]:
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get("allow", [])
    return [
        Allowed(
            reason=entry.get("reason", ""),
            rule=entry.get("rule", ""),
            message=entry.get("message", ""),
            pages=tuple(entry.get("pages", ())),
            modes=tuple(entry.get("modes", ())),
            target=entry.get("target", ""),
        )
        for entry in entries
    ]


def unexplained_violations(visits, allowed, used: set[int]) -> list[str]:
    """Violations of a checked impact that no allow-list entry covers, one line each; ``used``
    collects the index of every entry that covered something."""
    found = []
    for visit in visits:
        for violation in visit.violations:
            if violation["impact"] not in CHECKED_IMPACTS:
                continue
            for target in violation["targets"]:
                matches = [
                    i for i, entry in enumerate(allowed) if entry.covers(visit, rule=violation["id"], target=target)
                ]
                used.update(matches)
                if not matches:
                    found.append(
                        f"{visit.label}: {violation['id']} ({violation['impact']}) {violation['help']} — {target}"
                    )
    return found


# -- the Nu HTML checker ------------------------------------------------------------------------


def java() -> str | None:
    return shutil.which("java")


def nu_errors(files: dict[Path, Visit]) -> list[tuple[Visit, str]]:
    """Every error the Nu HTML checker finds in ``files`` (one Java run): ``(visit, text)``."""
    result = subprocess.run(
        [java(), "-Xss4m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    by_name = {path.name: visit for path, visit in files.items()}  # vnu writes file:/… URLs
    errors = []
    for message in report.get("messages", []):
        if message.get("type") not in ("error", "non-document-error"):
            continue
        visit = by_name.get(message.get("url", "").rsplit("/", 1)[-1])
        where = f"line {message.get('lastLine', '?')}"
        errors.append((visit, f"{message.get('message', '')} ({where}: {message.get('extract', '').strip()!r})"))
    return errors
