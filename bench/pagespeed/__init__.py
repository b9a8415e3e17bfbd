"""Pieces of ``bench/page_speed.py``: the sites it serves (``sites``), the gunicorn processes
(``servers``), the load generator (``load``), worker memory and fresh workers (``workers``)
and the printed table (``report``)."""
