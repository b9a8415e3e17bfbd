"""Helpers shared by the tests: starting another Python process, and checking that a page
rendered in English has no Chinese left outside what editors wrote."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Set by the browser fixtures for this process only; a child process must not inherit it.
PROCESS_ONLY_VARIABLES = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


def child_env(**overrides):
    env = {key: value for key, value in os.environ.items() if key not in PROCESS_ONLY_VARIABLES}
    env.update(overrides)
    return env


def run_python(args, timeout=120, **env):
    """Run ``python ARGS…`` in the repository root with a clean environment plus ``env``."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# -- the English site ---------------------------------------------------------------------------

#: Han ideographs (with extensions and compatibility forms), CJK symbols and punctuation
#: (、。《》「」【】 and the ideographic space) and full-width forms (，：；（）！？).
#: “” and ‘’ are not counted: English uses them too.
CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]")

#: Attributes that people read or hear: checked like text.
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")

#: Elements whose content nobody reads as text of the page. ``<title>`` is left out because it
#: joins the page's title (editor-written) and the bureau's name to chrome ("Page not found ·
#: …") and cannot mark a part of itself with ``lang``.
UNREAD_ELEMENTS = ("script", "style", "template", "title")


def _declared_language(element):
    """The ``lang`` of the element or its nearest ancestor that declares one ("" if none)."""
    while element is not None:
        lang = element.attrs.get("lang") if hasattr(element, "attrs") else None
        if lang is not None:
            return lang.lower()
        element = element.parent
    return ""


def _snippet(text, limit=80):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_social_meta(tag):
    name = (tag.get("name") or tag.get("property") or "").lower()
    return name == "description" or name.startswith(("og:", "twitter:"))


def cjk_outside_user_content(html):
    """What a reader of an English page would meet in Chinese outside editors' content.

    Every CJK character in the text of the page, and in the attributes people read (``alt``,
    ``title``, ``aria-label``, ``placeholder``, the ``content`` of the description and social
    ``<meta>`` tags), must be inside an element whose nearest ``lang`` is Chinese
    (``lang="zh…"``): names, biographies and titles that editors wrote keep their Chinese and
    say so (WCAG 3.1.2); everything else is the site's own text and must be translated.

    Returns the offending snippets, each prefixed with its element, in document order.
    """
    from bs4 import BeautifulSoup, Comment, Doctype, NavigableString

    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for node in soup.descendants:
        if isinstance(node, NavigableString):
            if isinstance(node, (Comment, Doctype)) or not CJK.search(node):
                continue
            parent = node.parent
            if any(element.name in UNREAD_ELEMENTS for element in (parent, *parent.parents)):
                continue
            if not _declared_language(parent).startswith("zh"):
                problems.append(f"<{parent.name}> {_snippet(node)}")
            continue
        attributes = [name for name in READ_ATTRIBUTES if name in node.attrs]
        if node.name == "meta" and _is_social_meta(node):
            attributes.append("content")
        for name in attributes:
            value = node.attrs[name]
            value = " ".join(value) if isinstance(value, list) else value or ""
            if CJK.search(value) and not _declared_language(node).startswith("zh"):
                problems.append(f"<{node.name} {name}> {_snippet(value)}")
    return problems


def english_page_problems(client, url, **get_kwargs):
    """GET ``url`` as a visitor who chose English; what is wrong with the page in English.

    Reports an ``<html lang>`` other than ``en`` and every snippet that
    :func:`cjk_outside_user_content` finds. The client's own language cookie is restored after.
    """
    from django.conf import settings

    cookie = settings.LANGUAGE_COOKIE_NAME
    previous = client.cookies.get(cookie)
    client.cookies[cookie] = "en"
    try:
        response = client.get(url, **get_kwargs)
    finally:
        if previous is None:
            del client.cookies[cookie]
        else:
            client.cookies[cookie] = previous
    html = response.content.decode()
    problems = []
    match = re.search(r"<html\b[^>]*\blang=\"([^\"]*)\"", html)
    if not match or match.group(1) != "en":
        problems.append(f"<html lang> is {match.group(1) if match else 'missing'}, not en")
    return problems + cjk_outside_user_content(html)
