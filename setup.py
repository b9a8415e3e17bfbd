"""Package layout.

Python's standard library owns the module name ``site`` (the interpreter imports it at
start-up), so the shell's folder ``site/`` is imported as ``siteshell``. This mapping is the
only place that says so; everything else imports ``siteshell``.
"""

from setuptools import find_namespace_packages, setup

SHELL = "siteshell"
shell_packages = [SHELL] + [f"{SHELL}.{name}" for name in find_namespace_packages("site", exclude=["__pycache__*"])]
content_packages = [
    name
    for name in find_namespace_packages(exclude=["site*", "tests*", "bench*", "docs*", "var*", "build*"])
    if not name.startswith((".", "__")) and "__pycache__" not in name
]

setup(
    packages=shell_packages + content_packages,
    package_dir={SHELL: "site"},
)
