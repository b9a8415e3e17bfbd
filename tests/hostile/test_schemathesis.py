"""schemathesis against ``/api/openapi.json``, in process against the WSGI application: every
operation with a bounded number of generated requests (deterministic: ``derandomize``), checked
for no server error and for answers that the schema documents — status code, content type and
body."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES_PER_OPERATION = 25


def run_operation(operation):
    """Up to :data:`EXAMPLES_PER_OPERATION` generated requests to one operation; raises the
    first failed check."""

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(checks=CHECKS)

    run()


def test_the_api_keeps_to_its_schema(hostile_site):
    """Every operation (schemathesis' ``@schema.parametrize()`` reads ``request.node._nodeid``,
    which pytest 9 no longer has: the operations are run here one by one, in one test that has
    the database and the content)."""
    from siteshell.wsgi import application

    # The WSGI handler closes the database connection at the end of each request, as Django's
    # test client prevents: on PostgreSQL that would close the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        check_every_operation(application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def check_every_operation(application):
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    operations, failures = [], []
    for result in schema.get_all_operations():
        operation = result.ok()
        operations.append(operation.label)
        try:
            run_operation(operation)
        except Exception as error:  # noqa: BLE001 — every operation's failure is reported
            failures.append(f"{operation.label}: {error}")
    assert len(operations) >= 5
    assert not failures, "\n\n".join(failures)
