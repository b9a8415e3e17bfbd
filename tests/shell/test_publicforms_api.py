"""The shared protection's API (siteshell.publicforms) on a form of the test's own, as a plugin
would use it: rates from settings, the form mixin, the guard, stored first."""

import pytest
from django import forms
from django.http import HttpResponse
from django.test import RequestFactory

from siteshell.publicforms import ProtectedForm, guard, store_first
from siteshell.publicforms.conf import rates_for

pytestmark = pytest.mark.django_db


class ClueForm(ProtectedForm, forms.Form):
    name = forms.CharField(label="您的称呼（选填）", required=False, max_length=30)
    clue = forms.CharField(label="线索", widget=forms.Textarea)
    field_limits = {"clue": 300}


def post(data=None, **meta):
    return RequestFactory().post("/clue/", data or {}, **meta)


def test_rates_merge_built_in_settings_view_defaults_and_the_forms_own(settings):
    settings.PUBLIC_FORM_RATES = {"default": {"visitor": "9/h"}, "clues.clue": {"address": "7/h"}}
    rates = rates_for("clues.clue", {"visitor": "2/h", "address": "100/h", "captcha_visitor": None})
    assert rates == {"visitor": "2/h", "address": "7/h", "captcha_visitor": None, "captcha_address": "20/h"}
    assert rates_for("other.form")["visitor"] == "9/h"
    with pytest.raises(ValueError, match="unknown rate"):
        rates_for("clues.clue", {"per_user": "1/h"})


def test_a_plain_form_gets_limits_characters_and_protection_fields():
    form = ClueForm()
    assert set(form.fields) == {"name", "clue", "website", "publicforms_started"}
    assert [field.name for field in form.visible_fields()] == ["name", "clue"]
    assert form.fields["clue"].widget.attrs["maxlength"] == "300"
    form = ClueForm({"name": "张" * 31, "clue": "线\x00索"})
    assert not form.is_valid()
    assert form.errors["name"] == ["您的称呼过长，请控制在30字以内"]
    assert form.errors["clue"] == ["含有无法识别的字符，请删除后再提交"]
    assert ClueForm({"clue": "长" * 300}).is_valid()
    assert ClueForm({"clue": "长" * 301}).errors["clue"] == ["线索过长，请控制在300字以内"]


def test_a_field_without_a_limit_gets_the_default(settings):
    class Note(ProtectedForm, forms.Form):
        note = forms.CharField(label="说明", widget=forms.Textarea)

    settings.PUBLIC_FORM_MAX_FIELD_LENGTH = 10
    assert Note({"note": "长" * 11}).errors["note"] == ["说明过长，请控制在10字以内"]


def test_the_guard_limits_per_visitor_and_asks_for_a_captcha_after_the_threshold(settings):
    settings.PUBLIC_FORM_RATES = {"clues.clue": {"visitor": "2/h", "captcha_visitor": "1/h"}}
    first = guard(post(), "clues.clue")
    assert first.posted and not first.limited and not first.needs_captcha
    first.record_submission()
    second = guard(post(), "clues.clue")
    assert not second.limited and second.needs_captcha
    assert "captcha" in ClueForm(second.data, protection=second).fields
    third = guard(post({"clue": "第三条"}), "clues.clue")
    assert 0 < third.limited <= 3600
    form = ClueForm(third.data, protection=third)
    assert not form.is_valid() and "提交过于频繁" in form.non_field_errors()[0]
    assert form["clue"].value() == "第三条"  # what was typed is shown again
    response = third.finish(HttpResponse("form"))
    assert response.status_code == 429 and int(response["Retry-After"]) == third.limited
    # Another address is another visitor (no cookie yet) and another address.
    assert not guard(post(REMOTE_ADDR="10.2.2.2"), "clues.clue").limited


def test_a_get_is_never_counted(settings):
    settings.PUBLIC_FORM_RATES = {"clues.clue": {"visitor": "1/h"}}
    for _ in range(3):
        protection = guard(RequestFactory().get("/clue/"), "clues.clue")
        assert not protection.posted and not protection.limited and protection.data is None


def test_a_body_over_the_limit_is_not_read(settings):
    settings.PUBLIC_FORM_MAX_BODY = 100
    protection = guard(post({"clue": "长" * 100}), "clues.clue")
    assert protection.too_large and protection.data == {}
    form = ClueForm(protection.data, protection=protection)
    assert not form.is_valid() and list(form.errors) == ["__all__"]
    assert "提交的内容过多" in form.non_field_errors()[0]


def test_the_honeypot_and_a_forged_start_time_flag_the_visitor():
    request = post({"clue": "线索", "website": "http://spam.example"})
    protection = guard(request, "clues.clue")
    form = ClueForm(protection.data, protection=protection)
    assert form.is_valid() and form.honeypot_filled
    assert protection.accepts(form) is False
    assert guard(post(), "clues.clue").needs_captcha
    assert guard(post(), "another.form").needs_captcha  # a bot is a bot on every form

    forged = guard(post(REMOTE_ADDR="10.3.3.3"), "clues.clue")
    form = ClueForm({"clue": "线索", "publicforms_started": "forged"}, protection=forged)
    assert form.is_valid() and form.posted_too_fast and forged.accepts(form) is True
    assert guard(post(REMOTE_ADDR="10.3.3.3"), "clues.clue").needs_captcha


def test_store_first_keeps_what_was_saved_when_a_later_step_fails(caplog):
    from django.contrib.auth.models import Group

    def fail(saved):
        raise RuntimeError("SMS gateway down")

    seen = []
    saved = store_first(lambda: Group.objects.create(name="线索"), fail, seen.append)
    assert Group.objects.filter(pk=saved.pk).exists() and seen == [saved]
    assert "is stored" in caplog.text


def test_the_signed_start_time_is_signed_once_a_second_and_follows_the_secret_key(settings, monkeypatch):
    from siteshell.publicforms import fields

    now = [1_800_000_000.2]
    monkeypatch.setattr(fields.time, "time", lambda: now[0])
    first = fields.signed_now()
    now[0] += 0.5
    assert fields.signed_now() == first  # the same second: the same value
    now[0] += 3
    later = fields.signed_now()
    assert later != first and 3 <= fields.seconds_since(first) - fields.seconds_since(later) <= 4
    settings.SECRET_KEY = "another key, another signature " * 2
    assert fields.signed_now() != later
    assert fields.seconds_since(fields.signed_now()) == pytest.approx(0, abs=1)
