"""Helpers for tests that start another Python process."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Set by the browser fixtures for this process only; a child process must not inherit it.
PROCESS_ONLY_VARIABLES = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


def child_env(**overrides):
    env = {key: value for key, value in os.environ.items() if key not in PROCESS_ONLY_VARIABLES}
    env.update(overrides)
    return env


def run_python(args, timeout=120, **env):
    """Run ``python ARGS…`` in the repository root with a clean environment plus ``env``."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=child_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
