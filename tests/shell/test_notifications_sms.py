"""SMS backends: the console (development), the outbox (tests) and the HTTP gateway example,
tested against a mocked ``requests``."""

from io import StringIO
from unittest import mock

import pytest
import requests

from siteshell.notifications import sms
from siteshell.notifications.sms import (
    ConsoleBackend,
    HttpGatewayBackend,
    LocmemBackend,
    SMSDeliveryError,
    SMSRejected,
    get_sms_backend,
)

GATEWAY = {
    "URL": "https://sms.example.gov.cn/api/send",
    "ACCOUNT": "bureau01",
    "PASSWORD": "s3cret",
    "TIMEOUT": 7,
    "EXTRA": {"ext": "01"},
    "REJECTED_CODES": ["101"],
}


def answer(status=200, json=None, invalid_json=False):
    response = mock.Mock(status_code=status)
    if invalid_json:
        response.json.side_effect = ValueError("not json")
    else:
        response.json.return_value = json if json is not None else {"code": "0", "msgid": "M-42"}
    return response


@pytest.fixture
def gateway(settings):
    settings.NOTIFICATIONS_SMS_GATEWAY = GATEWAY
    return HttpGatewayBackend()


def test_the_backend_comes_from_the_setting(settings):
    assert isinstance(get_sms_backend(), ConsoleBackend)  # the default
    settings.NOTIFICATIONS_SMS_BACKEND = "siteshell.notifications.sms.LocmemBackend"
    assert isinstance(get_sms_backend(), LocmemBackend)


def test_the_console_backend_prints_the_message_with_the_number_masked():
    out = StringIO()
    assert ConsoleBackend(stream=out).send("13812345678", "【局】您好") == ""
    assert out.getvalue() == "[SMS to 138****5678] 【局】您好\n"


def test_the_locmem_backend_keeps_an_outbox_and_fails_on_request():
    sms.outbox.clear()
    LocmemBackend.failures = [SMSDeliveryError("gateway_timeout")]
    with pytest.raises(SMSDeliveryError):
        LocmemBackend().send("13812345678", "一")
    assert LocmemBackend().send("13812345678", "二") == "locmem-1"
    assert [(m.phone, m.text) for m in sms.outbox] == [("13812345678", "二")]
    sms.outbox.clear()


def test_the_gateway_posts_the_message_and_returns_its_id(gateway):
    with mock.patch("requests.post", return_value=answer()) as post:
        assert gateway.send("13812345678", "【局】您好") == "M-42"
    post.assert_called_once_with(
        "https://sms.example.gov.cn/api/send",
        data={
            "account": "bureau01",
            "password": "s3cret",
            "mobile": "13812345678",
            "content": "【局】您好",
            "ext": "01",
        },
        timeout=7,
    )


@pytest.mark.parametrize(
    "outcome, error, code",
    [
        (requests.Timeout("read timed out"), SMSDeliveryError, "gateway_timeout"),
        (requests.ConnectionError("refused"), SMSDeliveryError, "gateway_unreachable"),
        (answer(503), SMSDeliveryError, "gateway_http_503"),
        (answer(429), SMSDeliveryError, "gateway_http_429"),
        (answer(403), SMSRejected, "gateway_http_403"),
        (answer(invalid_json=True), SMSDeliveryError, "gateway_bad_answer"),
        (answer(json=["ok"]), SMSDeliveryError, "gateway_bad_answer"),
        (answer(json={"code": "500", "msg": "busy"}), SMSDeliveryError, "gateway_500"),
        (answer(json={"code": "101", "msg": "bad number"}), SMSRejected, "gateway_101"),
        (answer(json={}), SMSDeliveryError, "gateway_no_code"),
    ],
)
def test_gateway_failures_become_short_codes(gateway, outcome, error, code):
    effect = {"side_effect": outcome} if isinstance(outcome, Exception) else {"return_value": outcome}
    with mock.patch("requests.post", **effect), pytest.raises(error) as raised:
        gateway.send("13812345678", "【局】您好")
    assert raised.value.code == code
    assert raised.type is error
    # Nothing of the request travels with the error (no number, no text, no chained exception).
    assert "13812345678" not in str(raised.value) and raised.value.__cause__ is None
    assert raised.value.__suppress_context__ or raised.value.__context__ is None


def test_an_unconfigured_gateway_is_a_final_failure(settings):
    settings.NOTIFICATIONS_SMS_GATEWAY = {}
    with pytest.raises(SMSRejected) as raised:
        HttpGatewayBackend()
    assert raised.value.code == "gateway_not_configured"


def test_a_gateway_of_another_shape_overrides_two_methods(settings):
    class TemplateGateway(HttpGatewayBackend):
        def payload(self, phone, text):
            return {"PhoneNumbers": phone, "Text": text, "User": self.account}

        def message_id(self, answer):
            if answer.get("Code") != "OK":
                raise SMSDeliveryError(f"gateway_{answer.get('Code')}")
            return answer["BizId"]

    settings.NOTIFICATIONS_SMS_GATEWAY = GATEWAY
    with mock.patch("requests.post", return_value=answer(json={"Code": "OK", "BizId": "B1"})) as post:
        assert TemplateGateway().send("13812345678", "您好") == "B1"
    assert post.call_args.kwargs["data"] == {"PhoneNumbers": "13812345678", "Text": "您好", "User": "bureau01"}
