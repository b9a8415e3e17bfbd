"""Honest counters: one offering of each kind per visitor, hall and day counts; the counters of
the hall, its facility, the site and a period are right once the folder has run."""

import datetime

import pytest
from django.utils import timezone

pytestmark = [pytest.mark.django_db, pytest.mark.plugin("tributes")]


def queued(record, visitor, kind="flower", day=None, facility_id="same"):
    from memorials.tributes.queue import DatabaseQueue, Entry

    DatabaseQueue().put(
        Entry(
            record_id=record.pk,
            facility_id=record.facility_id if facility_id == "same" else facility_id,
            kind=kind,
            day=day or timezone.localdate(),
            visitor=visitor,
            address="addr",
            offered_at=timezone.now(),
        )
    )


def test_counters_are_right_after_folding(martyr, make_record, cemetery, fold):
    from memorials.tributes import counters

    other = make_record(name="邱少云", facility=cemetery)
    for visitor in ("a", "b", "c"):
        queued(martyr, visitor, "flower")
    queued(martyr, "a", "candle")
    queued(other, "a", "salute")
    assert counters.hall(martyr.pk).total == 0  # queued, not yet folded
    result = fold()
    assert (result.taken, result.counted) == (5, 5)
    assert counters.hall(martyr.pk).as_dict() == {
        "flower": 3,
        "candle": 1,
        "bow": 0,
        "salute": 0,
        "wreath": 0,
        "total": 4,
    }
    assert counters.hall(other.pk).total == 1
    assert counters.facility(cemetery.pk).total == 5
    assert counters.site().total == 5
    assert counters.today().total == 5


def test_one_offering_of_each_kind_per_visitor_hall_and_day_counts(martyr, fold):
    from memorials.tributes import counters

    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    queued(martyr, "a", "flower")
    queued(martyr, "a", "flower")  # again today: acknowledged, not counted
    queued(martyr, "a", "bow")  # another kind counts
    queued(martyr, "a", "flower", day=yesterday)  # yesterday's counted on its day
    assert fold().counted == 3
    queued(martyr, "a", "flower")  # in a later batch: still not twice
    assert fold().counted == 0
    assert counters.hall(martyr.pk).flower == 2 and counters.hall(martyr.pk).bow == 1
    assert counters.today().total == 2


def test_offerings_to_a_record_unpublished_since_are_not_counted(martyr, fold):
    from memorials.tributes import counters

    queued(martyr, "a")
    type(martyr).objects.filter(pk=martyr.pk).update(live=False)
    assert fold().taken == 1
    assert counters.site().total == 0


def test_a_facility_removed_since_leaves_the_offering_counted_for_the_hall(martyr, fold):
    from memorials.tributes import counters

    queued(martyr, "a", facility_id=987654)
    assert fold().counted == 1
    assert counters.hall(martyr.pk).total == 1 and counters.site().total == 1


def test_a_period_counts_the_site_on_its_days_only(martyr, fold):
    from memorials.tributes import counters

    day = datetime.date(2024, 4, 4)
    for back, visitors in ((-1, 2), (0, 3), (1, 4), (2, 5)):
        for number in range(visitors):
            queued(martyr, f"v{number}", day=day + datetime.timedelta(days=back))
    fold()
    assert counters.period(day, day + datetime.timedelta(days=1)).total == 7
    assert counters.site().total == 14


def test_many_offerings_fold_in_batches(martyr, fold, settings):
    from memorials.tributes import counters

    settings.TRIBUTES_FOLD_BATCH = 7
    for number in range(30):
        queued(martyr, f"v{number}", kind=("flower", "candle", "bow")[number % 3])
    result = fold()
    assert (result.taken, result.counted) == (30, 30)
    assert counters.hall(martyr.pk).as_dict()["total"] == 30


def test_the_settings_are_read_once_and_again_after_a_change_of_settings(settings, monkeypatch):
    from memorials.tributes import conf

    monkeypatch.delenv("TRIBUTES_FOLD_BATCH", raising=False)
    settings.TRIBUTES_COUNTER_SECONDS = 5  # a change of settings: all are read again
    assert conf.batch_size() == 2000  # the default
    monkeypatch.setenv("TRIBUTES_FOLD_BATCH", "9")
    assert conf.batch_size() == 2000  # the environment is read once a process
    settings.TRIBUTES_COUNTER_SECONDS = 6
    assert conf.batch_size() == 9
    settings.TRIBUTES_FOLD_BATCH = 7  # the setting before the environment
    assert conf.batch_size() == 7


def test_counters_are_read_from_the_cache_once_a_memo_window_and_a_fold_here_shows_at_once(
    martyr, fold, settings, monkeypatch
):
    """A hall served many times a second reads its counters from the cache (Redis) once per
    LOCAL_MEMO_SECONDS in each process; the folder's refresh in this process clears the memo,
    another process's refresh is seen when the window has passed."""
    from django.core.cache import cache

    from memorials.tributes import counters, offerings
    from siteshell import cache as shell_cache

    settings.LOCAL_MEMO_SECONDS = 1.0
    clock = [500.0]
    monkeypatch.setattr(shell_cache.time, "monotonic", lambda: clock[0])
    reads = []
    real_get, real_get_many = cache.get, cache.get_many
    monkeypatch.setattr(cache, "get", lambda *a, **k: reads.append(a[0]) or real_get(*a, **k))
    monkeypatch.setattr(cache, "get_many", lambda *a, **k: reads.append(a[0]) or real_get_many(*a, **k))

    assert counters.hall(martyr.pk).total == 0
    target = offerings.hall_target(martyr.pk)
    assert target.exists and target.counts.total == 0
    reads.clear()
    assert counters.hall(martyr.pk).total == 0
    assert offerings.hall_target(martyr.pk).exists
    assert reads == []  # both from the memos

    queued(martyr, "a", "flower")
    fold()  # refreshes the counters here: the memo is cleared
    assert counters.hall(martyr.pk).total == 1
    assert offerings.hall_target(martyr.pk).counts.total == 1

    # Another process folded: only the shared cache changed.
    cache.set(counters.hall_key(martyr.pk), {**counters.hall(martyr.pk).as_dict(), "flower": 7})
    assert counters.hall(martyr.pk).flower == 1
    clock[0] += 1.1
    assert counters.hall(martyr.pk).flower == 7
