"""The Wagtail admin without inline scripts, so it runs under the strict Content-Security-Policy.

Wagtail 7.4 still writes a few widgets' start-up code as inline ``<script>`` elements: the
choosers (``new ImageChooser("id_hero_image", {...});``, wagtailmedia's
``createMediaChooser("id");``), the date and time pickers (``initDateTimeChooser(...)``) and
the inline panels (``new InlinePanel(JSON.parse("..."))``), in pages and in the HTML of modal
responses. ``AdminInlineScriptsMiddleware`` turns each such script, when it is exactly one call
of an allowed initialiser with plain JSON arguments, into an inert data block::

    <script type="application/json" data-admin-init="ImageChooser" data-admin-new>["id_hero_image", {...}]</script>

which ``siteshell/js/admin-init.js`` (loaded on every admin page) runs: on load, and for blocks
added later (modals, new inline forms). Any other inline script stays as it is and is blocked by
the policy, so nothing but these calls with data can run.
"""

import json
import re

from django.utils.html import format_html

INLINE_SCRIPT = re.compile(r"<script(?: type=\"text/javascript\")?>(.*?)</script>", re.DOTALL)
# new ImageChooser("id", {...});   createMediaChooser("id");   initDateTimeChooser("id", {...});
CALL = re.compile(r"^\s*(new\s+)?([A-Za-z_$][\w$]*)\((.*)\)\s*;?\s*$", re.DOTALL)
# Wagtail's inline panel templates: (function() { var panel = new InlinePanel(JSON.parse("…")); })();
PANEL = re.compile(
    r"^\s*\(function\s*\(\)\s*\{\s*var panel = new (InlinePanel|MultipleChooserPanel)\("
    r"JSON\.parse\(\"((?:[^\"\\]|\\.)*)\"\)\);\s*\}\)\(\);\s*$",
    re.DOTALL,
)
CONSTRUCTOR_NAME = re.compile(r"^[A-Z][A-Za-z]*(Chooser|Panel)$")
FUNCTION_NAME = re.compile(r"^(init|create)[A-Za-z]*Chooser$")
# The same escapes as Django's json_script: the data can never close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def as_data_block(script):
    """The data block for one inline script's code, or ``None`` when it is not an allowed call."""
    panel = PANEL.match(script)
    if panel:
        try:
            return _block(panel.group(1), True, [json.loads(json.loads(f'"{panel.group(2)}"'))])
        except ValueError:
            return None
    call = CALL.match(script)
    if not call:
        return None
    is_new, name = bool(call.group(1)), call.group(2)
    if not (CONSTRUCTOR_NAME if is_new else FUNCTION_NAME).match(name):
        return None
    try:
        args = json.loads(f"[{call.group(3)}]")
    except ValueError:
        return None
    return _block(name, is_new, args)


def _block(name, is_new, args):
    data = json.dumps(args, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    new = " data-admin-new" if is_new else ""
    return format_html('<script type="application/json" data-admin-init="{}"{}>', name, new) + data + "</script>"


def rewrite_inline_scripts(html):
    def replace(match):
        return as_data_block(match.group(1)) or match.group(0)

    return INLINE_SCRIPT.sub(replace, html) if "<script" in html else html


def _rewrite_json(value):
    if isinstance(value, str):
        return rewrite_inline_scripts(value)
    if isinstance(value, dict):
        return {key: _rewrite_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_rewrite_json(item) for item in value]
    return value


class AdminInlineScriptsMiddleware:
    """Rewrites the admin's inline initialisers (pages and modal responses) into data blocks."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path_info.startswith(admin_prefix()) or response.streaming:
            return response
        content_type = response.get("Content-Type", "")
        if content_type.startswith("text/html"):
            text = response.content.decode(response.charset)
            rewritten = rewrite_inline_scripts(text)
        elif content_type.startswith("application/json") and b"<script" in response.content:
            try:
                data = json.loads(response.content)
            except ValueError:
                return response
            rewritten = json.dumps(_rewrite_json(data))
            text = None
        else:
            return response
        if text is not None and rewritten == text:
            return response
        response.content = rewritten.encode(response.charset)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response


def admin_prefix():
    from django.urls import reverse

    return reverse("wagtailadmin_home")
