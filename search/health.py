"""The ``search`` entry of ``/healthz``: the embedded index, and Elasticsearch when configured."""

from search.service import elasticsearch_backend
from siteshell import health as shell_health


def check_search():
    """Raises when the embedded index fails; reports ``degraded`` when only Elasticsearch is down.

    With Elasticsearch down the site keeps answering from the embedded index, so the node stays
    in service (HTTP 200) while the check says that it is running on the fallback.
    """
    # The shell's check runs a real query against the default (embedded) backend.
    details = {**(shell_health.check_search() or {}), "engine": "embedded"}
    es = elasticsearch_backend()
    if es is not None:
        if es.ping():
            details.update(engine="elasticsearch", elasticsearch="ok")
        else:
            details.update(status="degraded", engine="embedded (fallback)", elasticsearch="unreachable")
    return details
