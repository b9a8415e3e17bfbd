"""Helpers of ``bench/tributes_bench.py``."""
