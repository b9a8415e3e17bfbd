"""A laptop: debug on, the embedded defaults, a fixed development secret."""

from siteshell.settings.base import *  # noqa: F403
from siteshell.settings.env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-not-secret-3c9f0d5e8a1b4f7e9c2d6a0b5e8f1c4d"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
