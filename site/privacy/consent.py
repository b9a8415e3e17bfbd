"""Consent notices (个人信息处理说明): defined in code, recorded the first time they are used, and
referenced by each submission.

A plugin registers its notice in ``AppConfig.ready()``::

    register_notice(ConsentNotice("sweeping.request", "1", _("…")))

its form adds ``consent = ConsentField("sweeping.request")``, and its view, before saving::

    record_consent(instance, "sweeping.request")
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

DEFAULT_NOTICE = "siteshell.submission"


@dataclass(frozen=True)
class ConsentNotice:
    key: str
    version: str
    text: str
    title: str = _("个人信息处理说明")

    def rendered(self) -> str:
        """The text as shown now (in the active language)."""
        return str(self.text).strip()


_NOTICES: dict[str, ConsentNotice] = {}


def register_notice(notice: ConsentNotice) -> ConsentNotice:
    _NOTICES[notice.key] = notice
    return notice


def get_notice(key: str) -> ConsentNotice:
    try:
        return _NOTICES[key]
    except KeyError:
        raise LookupError(f"no consent notice is registered as {key!r}") from None


def consent_record(notice_key: str = DEFAULT_NOTICE):
    """The :class:`~siteshell.privacy.models.ConsentRecord` of the notice as shown now."""
    from siteshell.privacy.models import ConsentRecord

    notice = get_notice(notice_key)
    text = notice.rendered()
    digest = hashlib.sha256(text.encode()).hexdigest()
    record, _created = ConsentRecord.objects.get_or_create(
        key=notice.key, version=str(notice.version), sha256=digest, defaults={"text": text}
    )
    return record


def record_consent(instance, notice_key: str | None = None):
    """Point ``instance.consent`` at the notice its submitter agreed to (the caller saves)."""
    instance.consent = consent_record(notice_key or getattr(instance, "consent_notice_key", DEFAULT_NOTICE))
    return instance.consent


class ConsentField(forms.BooleanField):
    """The required checkbox "我已阅读并同意《个人信息处理说明》", the notice's text as its help
    text (``field.notice`` for a template that shows it otherwise)."""

    def __init__(self, notice_key: str = DEFAULT_NOTICE, **kwargs):
        self.notice = get_notice(notice_key)
        kwargs.setdefault("required", True)
        kwargs.setdefault("label", _("我已阅读并同意《个人信息处理说明》"))
        kwargs.setdefault("help_text", self.notice.text)
        kwargs.setdefault(
            "error_messages",
            {"required": _("请阅读《个人信息处理说明》并勾选同意，我们才能收到您提交的信息。")},
        )
        super().__init__(**kwargs)


register_notice(
    ConsentNotice(
        DEFAULT_NOTICE,
        "1",
        _(
            "您填写的联系方式和称呼只用于工作人员核实和回复您，不会公开，也不会提供给其他单位或个人。"
            "信息加密保存，只有经授权的工作人员可以查看，每次查看都有记录。"
            "处理完毕后，我们会在保存期限届满时删除这些信息。"
            "您可以随时致电本局服务电话，要求查询、更正或删除您的个人信息。"
        ),
    )
)
