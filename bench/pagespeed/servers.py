"""Gunicorn processes started by the benchmark, and stopped again whatever happens."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")

#: Every server started and not yet stopped, for :func:`stop_all`.
_running: list[Gunicorn] = []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """One gunicorn master with its workers, in a session of its own (so that a Ctrl-C in the
    terminal reaches the benchmark, which stops the servers in order, and not them directly)."""

    def __init__(self, name, app, config, env, cwd, log_dir, workers=2, extra_args=()):
        self.name = name
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(log_dir) / f"{name}.log"
        command = [str(GUNICORN), "-c", config, "--workers", str(workers), "--bind", f"127.0.0.1:{self.port}"]
        command += ["--access-logfile", str(self.log_path), "--error-logfile", str(self.log_path), *extra_args, app]
        # Django's own log (errors with their traceback) goes to stderr: into the same file.
        with self.log_path.open("ab") as output:
            self.process = subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=output,
                start_new_session=True,
            )
        self.workers = workers
        _running.append(self)

    @property
    def pid(self):
        return self.process.pid

    def worker_pids(self):
        """The master's living children: its workers."""
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                fields = _stat(entry.name)
                if fields and int(fields[1]) == self.pid and fields[0] != "Z":
                    pids.append(int(entry.name))
        return sorted(pids)

    def wait_ready(self, timeout=120):
        """Until the port accepts connections and every worker has been forked."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name}: gunicorn exited ({self.process.returncode}); see {self.log_path}")
            if len(self.worker_pids()) >= self.workers:
                try:
                    socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                    return
                except OSError:
                    pass
            time.sleep(0.1)
        raise RuntimeError(f"{self.name}: not ready after {timeout} s; see {self.log_path}")

    def log_size(self):
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log_since(self, offset):
        with self.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", "replace")

    def stop(self):
        """Quick shutdown (SIGINT), then SIGKILL of the whole session if it lingers."""
        if self in _running:
            _running.remove(self)
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGINT)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            except ProcessLookupError:
                pass


def _stat(pid):
    """State and parent of a process (the fields after its name in /proc/<pid>/stat)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def is_running(pid):
    fields = _stat(pid)
    return bool(fields) and fields[0] != "Z"


def stop_all():
    for server in list(_running):
        server.stop()


def run_checked(command, env, cwd, what):
    """A preparation step (migrate, load_demo …); its output only when it fails."""
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True)
    if result.returncode:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise RuntimeError(f"{what} failed (exit {result.returncode})")
    return result.stdout
