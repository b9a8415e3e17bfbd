"""What the migrations made (staff groups and their rights, the review workflow, Wagtail's root
page and collection) stays in the database after a transactional test.

A transactional test (``django_db(transaction=True)``, ``live_server``) ends by emptying every
table. pytest-django runs those tests after the others, but with ``--dist worksteal`` a worker
that ran its own transactional tests may then take ordinary tests from the other worker: they
would find the groups without their rights. So each transactional test is made a
``serialized_rollback`` one (the database is serialized once, after the migrations), and after
one of them — unless the next test is transactional too and restores it itself — the serialized
content is loaded back.
"""

import pytest
from django.db import connections
from pytest_django.plugin import blocking_manager_key


def is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    return bool({"live_server", "transactional_db"} & set(getattr(item, "fixturenames", ())))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if is_transactional(item):
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True), append=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if is_transactional(item) and (nextitem is None or not is_transactional(nextitem)):
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result
