"""Production: secrets and hosts must come from the environment; HTTPS everywhere."""

from django.core.exceptions import ImproperlyConfigured

from siteshell.settings.base import *  # noqa: F403
from siteshell.settings.base import INSTALLED_APPS, SECRET_KEY
from siteshell.settings.env import env_bool, env_int, env_str

DEBUG = False
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of 50 or more characters")

# Behind a reverse proxy that terminates TLS and sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True

# -- background tasks -----------------------------------------------------------------------
# Tasks are queued in the database (django-tasks-db, app django_tasks_db) for
# `manage.py db_worker` to run, so a long import never runs inside a web request.
# TASKS_BACKEND=immediate runs them in the web worker instead (a small site without a worker).
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
if TASKS_BACKEND == "database":
    INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured("TASKS_BACKEND must be 'database' (django-tasks-db) or 'immediate'")

# -- mail and SMS to the public (siteshell.notifications) -----------------------------------
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# DEFAULT_FROM_EMAIL: the bureau's sender (base.py).
# A bureau's HTTP SMS gateway (docs/notifications.md): NOTIFICATIONS_SMS_BACKEND=
# siteshell.notifications.sms.HttpGatewayBackend with these.
if env_str("SMS_GATEWAY_URL", ""):
    NOTIFICATIONS_SMS_GATEWAY = {
        "URL": env_str("SMS_GATEWAY_URL", ""),
        "ACCOUNT": env_str("SMS_GATEWAY_ACCOUNT", ""),
        "PASSWORD": env_str("SMS_GATEWAY_PASSWORD", ""),
        "TIMEOUT": env_int("SMS_GATEWAY_TIMEOUT", 10),
    }

# -- staff logins (siteshell.accounts) ------------------------------------------------------
# Every account that may open the admin signs in with a second factor; failed logins are
# counted in the shared cache (Redis), so every web worker sees the same lockouts.
ACCOUNTS_2FA_REQUIRED = env_str("ACCOUNTS_2FA_REQUIRED", "staff")
AXES_HANDLER = env_str("AXES_HANDLER", "siteshell.accounts.lockout.CacheHandler")

# -- personal data (siteshell.privacy) ------------------------------------------------------
# Keys from the environment only (docs/privacy.md): never the ones derived from SECRET_KEY.
if not env_str("PERSONAL_DATA_KEYS", "").strip():
    raise ImproperlyConfigured(
        "PERSONAL_DATA_KEYS must be set to one or more Fernet keys (comma-separated, the first encrypts); "
        "see docs/privacy.md"
    )

# -- response headers and static files ------------------------------------------------------
# Browsers fetch any http:// address in a page over HTTPS (docs/security-headers.md).
if CONTENT_SECURITY_POLICY:  # noqa: F405
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405
# Static files must have been collected (hashed names, manifest): a name missing from the
# manifest raises "Missing staticfiles manifest entry" at once, and the deploy check says so.
