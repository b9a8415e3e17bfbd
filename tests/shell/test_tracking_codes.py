"""Tracking codes: their alphabet, length and format, what a person may type, and the lookup of a
submission from a code and its second factor (the keyed hash, the constant-time comparison)."""

import math
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group

from siteshell.notifications import codes, tracking
from siteshell.notifications.codes import ALPHABET, format_code, generate_code, normalise_code
from siteshell.notifications.tracking import TrackingStatus, find_submission, issue_tracking_code


@pytest.fixture
def trackable(monkeypatch, db):
    """A model of the framework (auth's Group) made trackable for these tests: the shell's tests
    use no plugin."""
    monkeypatch.setattr(
        Group, "tracking_status", lambda self: TrackingStatus(title="测试事项", status_label="已受理"), raising=False
    )
    return Group.objects.create(name="申请一")


def test_the_alphabet_has_no_look_alikes():
    assert len(set(ALPHABET)) == len(ALPHABET) == 27
    assert not set("01OILUZSB") & set(ALPHABET)


def test_a_code_carries_at_least_50_bits():
    assert codes.LENGTH * math.log2(len(ALPHABET)) >= 50


def test_codes_are_drawn_from_the_alphabet_and_shown_in_groups():
    code = generate_code()
    assert len(code) == codes.LENGTH and set(code) <= set(ALPHABET)
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{3}", format_code(code))


def test_codes_do_not_repeat():
    assert len({generate_code() for _ in range(5000)}) == 5000


@pytest.mark.parametrize(
    "typed",
    ["K7QM-4XTP-9RA", "k7qm4xtp9ra", " K7QM 4XTP 9RA ", "K7QM–4XTP—9RA", "ｋ７ｑｍ－４ｘｔｐ－９ｒａ", "K7QM_4XTP.9RA"],
)
def test_what_people_type_is_normalised(typed):
    assert normalise_code(typed) == "K7QM4XTP9RA"


def test_letters_that_look_like_digits_are_read_as_the_digits():
    assert normalise_code("Z5B8-2222-222") == "25882222222"


@pytest.mark.parametrize(
    "typed", ["", None, "K7QM-4XTP-9R", "K7QM-4XTP-9RAA", "K7QM-4XTP-9R0", "查询码查询码查询码查询码"]
)
def test_anything_else_is_no_code(typed):
    assert normalise_code(typed) == ""


def test_the_right_pair_finds_the_submission(trackable):
    code = issue_tracking_code(trackable, "1234")
    assert re.fullmatch(r"\w{4}-\w{4}-\w{3}", code)
    assert find_submission(code, "1234") == trackable
    assert find_submission(code.lower().replace("-", " "), "１２３４") == trackable


def test_a_wrong_pair_finds_nothing(trackable):
    code = issue_tracking_code(trackable, "1234")
    other = format_code(generate_code())
    assert find_submission(code, "4321") is None
    assert find_submission(other, "1234") is None
    assert find_submission("nonsense", "1234") is None
    assert find_submission(code, "") is None


def test_only_a_keyed_hash_of_the_factor_is_kept(trackable):
    from siteshell.notifications.models import TrackingCode

    code = issue_tracking_code(trackable, "5678")
    row = TrackingCode.objects.get()
    assert row.code == normalise_code(code) and row.submission == trackable
    assert "5678" not in row.factor_hash and len(row.factor_hash) == 64
    # The same factor on another code gives another hash.
    other = Group.objects.create(name="申请二")
    issue_tracking_code(other, "5678")
    assert len(set(TrackingCode.objects.values_list("factor_hash", flat=True))) == 2


def test_every_lookup_compares_a_hash_in_constant_time(trackable):
    code = issue_tracking_code(trackable, "1234")
    compare = mock.Mock(wraps=tracking.constant_time_compare)
    with mock.patch.object(tracking, "constant_time_compare", compare):
        find_submission(code, "1234")
        find_submission(code, "9999")
        find_submission(format_code(generate_code()), "1234")
        find_submission("not a code", "1234")
    # Found, wrong factor, unknown code, malformed code: each computed the keyed hash and compared.
    assert compare.call_count == 4
    assert all(re.fullmatch(r"[0-9a-f]{64}", call.args[1]) for call in compare.call_args_list)


def test_a_new_code_replaces_the_old_one(trackable):
    first = issue_tracking_code(trackable, "1234")
    second = issue_tracking_code(trackable, "1234")
    assert first != second
    assert find_submission(first, "1234") is None
    assert find_submission(second, "1234") == trackable


def test_a_collision_draws_again(trackable, monkeypatch):
    taken = issue_tracking_code(trackable, "1234")
    other = Group.objects.create(name="申请二")
    draws = iter([normalise_code(taken), "23456789ACD"])
    monkeypatch.setattr(tracking, "generate_code", lambda: next(draws))
    assert issue_tracking_code(other, "1111") == "2345-6789-ACD"
    assert find_submission(taken, "1234") == trackable


def test_a_deleted_submission_is_not_found(trackable):
    code = issue_tracking_code(trackable, "1234")
    trackable.delete()
    assert find_submission(code, "1234") is None


def test_issuing_checks_its_arguments(trackable, db):
    with pytest.raises(ValueError):
        issue_tracking_code(trackable, "138001380001")  # the whole number, not the last four
    with pytest.raises(ValueError):
        issue_tracking_code(Group(name="未保存"), "1234")
    from siteshell.models import BureauSettings

    with pytest.raises(TypeError):
        issue_tracking_code(BureauSettings(), "1234")
