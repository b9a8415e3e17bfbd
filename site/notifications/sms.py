"""SMS backends: how a text reaches a phone.

The backend is chosen with the setting ``NOTIFICATIONS_SMS_BACKEND`` (a dotted path; default
:class:`ConsoleBackend`). A bureau's gateway gets a backend of its own, a subclass of
:class:`BaseSMSBackend` (or of :class:`HttpGatewayBackend` when its gateway takes an HTTP POST):

- ``send(phone, text)`` delivers ``text`` (already signed, e.g. ``【示范市退役军人事务局】…``) to
  ``phone`` (11 digits, e.g. ``13800138000``) and returns the provider's message id (``""`` when
  it gives none);
- it raises :class:`SMSDeliveryError` for a failure worth retrying (timeout, gateway busy) and
  :class:`SMSRejected` for one that will not get better (number refused, account blocked);
- the exception's ``code`` is short and contains nothing of the message or the number: it is
  stored on the notification and logged.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from siteshell.notifications.recipients import mask_phone

DEFAULT_BACKEND = "siteshell.notifications.sms.ConsoleBackend"


class SMSDeliveryError(Exception):
    """A failure worth retrying; ``code`` is a short, content-free reason (``"timeout"``)."""

    def __init__(self, code="sms_error"):
        super().__init__(code)
        self.code = str(code)[:100]


class SMSRejected(SMSDeliveryError):
    """A failure that retrying will not cure (the number or the message was refused)."""


class BaseSMSBackend:
    """The interface of an SMS backend (see the module's documentation)."""

    def __init__(self, **options):
        self.options = options

    def send(self, phone: str, text: str) -> str:
        raise NotImplementedError


class ConsoleBackend(BaseSMSBackend):
    """Development: writes the message to standard output (the number masked)."""

    def __init__(self, stream=None, **options):
        super().__init__(**options)
        self.stream = stream or sys.stdout

    def send(self, phone, text):
        self.stream.write(f"[SMS to {mask_phone(phone)}] {text}\n")
        self.stream.flush()
        return ""


@dataclass(frozen=True)
class SentSMS:
    phone: str
    text: str
    message_id: str


#: What :class:`LocmemBackend` sent, for tests (empty it at the start of a test).
outbox: list[SentSMS] = []


class LocmemBackend(BaseSMSBackend):
    """Tests: appends each message to :data:`outbox`.

    ``failures`` makes the next sends fail: a list of exceptions (or exception classes) raised
    one per send, in order, e.g. ``LocmemBackend.failures = [SMSDeliveryError("timeout")]``.
    """

    failures: list = []

    def send(self, phone, text):
        if LocmemBackend.failures:
            raise LocmemBackend.failures.pop(0)
        message = SentSMS(phone=phone, text=text, message_id=f"locmem-{len(outbox) + 1}")
        outbox.append(message)
        return message.message_id


class HttpGatewayBackend(BaseSMSBackend):
    """A gateway that takes one HTTP POST per message: the common shape of the SMS platforms that
    bureaus contract (a 政务短信平台 or a carrier's enterprise SMS service).

    Configured with ``NOTIFICATIONS_SMS_GATEWAY``::

        NOTIFICATIONS_SMS_GATEWAY = {
            "URL": "https://sms.example.gov.cn/api/send",
            "ACCOUNT": "bureau01",
            "PASSWORD": os.environ["SMS_GATEWAY_PASSWORD"],
            "TIMEOUT": 10,                 # seconds, connect and read
            "EXTRA": {"ext": ""},         # more fields the gateway wants on every request
            "SUCCESS_CODES": ["0"],        # the gateway's "accepted" codes
            "REJECTED_CODES": ["101", "102"],  # codes not worth retrying (bad number, …)
        }

    It posts the form ``account``, ``password``, ``mobile``, ``content`` (plus ``EXTRA``) and
    reads a JSON answer ``{"code": "0", "msgid": "…"}``. For a gateway that names things
    differently, subclass and override :meth:`payload` and :meth:`message_id`.
    """

    def __init__(self, **options):
        super().__init__(**options)
        config = {**getattr(settings, "NOTIFICATIONS_SMS_GATEWAY", {}), **options}
        self.url = config.get("URL", "")
        self.account = config.get("ACCOUNT", "")
        self.password = config.get("PASSWORD", "")
        self.timeout = config.get("TIMEOUT", 10)
        self.extra = dict(config.get("EXTRA", {}))
        self.success_codes = {str(code) for code in config.get("SUCCESS_CODES", ["0"])}
        self.rejected_codes = {str(code) for code in config.get("REJECTED_CODES", [])}
        if not self.url:
            raise SMSRejected("gateway_not_configured")

    def payload(self, phone, text) -> dict:
        return {"account": self.account, "password": self.password, "mobile": phone, "content": text, **self.extra}

    def message_id(self, answer: dict) -> str:
        """The provider's message id from the decoded answer; raises when it is not a success."""
        code = str(answer.get("code", ""))
        if code not in self.success_codes:
            error = SMSRejected if code in self.rejected_codes else SMSDeliveryError
            raise error(f"gateway_{code or 'no_code'}")
        return str(answer.get("msgid", "") or "")

    def send(self, phone, text):
        import requests

        try:
            response = requests.post(self.url, data=self.payload(phone, text), timeout=self.timeout)
        except requests.Timeout:
            raise SMSDeliveryError("gateway_timeout") from None
        except requests.RequestException:
            raise SMSDeliveryError("gateway_unreachable") from None
        if response.status_code >= 500 or response.status_code == 429:
            raise SMSDeliveryError(f"gateway_http_{response.status_code}")
        if response.status_code >= 400:
            raise SMSRejected(f"gateway_http_{response.status_code}")
        try:
            answer = response.json()
        except ValueError:
            raise SMSDeliveryError("gateway_bad_answer") from None
        if not isinstance(answer, dict):
            raise SMSDeliveryError("gateway_bad_answer")
        return self.message_id(answer)


def get_sms_backend() -> BaseSMSBackend:
    """A new instance of the backend named by ``NOTIFICATIONS_SMS_BACKEND``."""
    return import_string(getattr(settings, "NOTIFICATIONS_SMS_BACKEND", DEFAULT_BACKEND))()
