"""What the migrations made (staff groups and their rights, the review workflow, Wagtail's root
page and collection) stays in the database after a transactional test.

A transactional test (``django_db(transaction=True)``, ``live_server``) ends by emptying every
table. pytest-django runs those tests after the others, but with ``--dist worksteal`` a worker
that ran its own transactional tests may then take ordinary tests from the other worker: they
would find the groups without their rights. So each transactional test is made a
``serialized_rollback`` one (the database is serialized once, after the migrations), and after
one of them — unless the next test is transactional too and restores it itself — the serialized
content is loaded back.

The serialized content lives on the connection object. Once Playwright's sync API has started
(the browser tests), an event loop runs in the test thread and Django's ``connections`` hands
out another connection object (asgiref keeps thread-critical locals in a context variable while
a loop runs): one without the content, so every later transactional test would flush with the
post-migrate handlers (groups anew, without their migration-given rights). ``keep_contents``
puts the content on the connection class, where every connection object of the run finds it.
"""

import pytest
from django.db import connections
from pytest_django.plugin import blocking_manager_key


def keep_contents():
    """After the test databases are made: their serialized content for every connection object."""
    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            type(connection)._test_serialized_contents = contents


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    keep_contents()


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
    # The last test (no next item) is left as it is: its teardown has already destroyed the test
    # database with the session's fixtures, and no test comes after it.
    if is_transactional(item) and nextitem is not None and not is_transactional(nextitem):
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all(initialized_only=True):
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result
