"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment variables
(``DATABASE_URL``, ``REDIS_URL``, ``ELASTICSEARCH_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, …);
when one is unset the embedded default applies (SQLite, local-memory cache, database search).
"""

from pathlib import Path

import dj_database_url

from siteshell.admin_branding import bureau_sender, default_sender_address
from siteshell.plugins import resolve_enabled_plugins, satisfy_requirements
from siteshell.settings.env import env_bool, env_float, env_int, env_list, env_str

SHELL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = SHELL_DIR.parent
# Runtime data (SQLite file, uploads, collected static) lives outside the source code, in a
# git-ignored folder by default.
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# -- plugins --------------------------------------------------------------------------------
# The shell and its own parts (editorial review, moderation of public submissions, sensitive
# words, notifications and tracking codes): plugins use them, never the other way round.
SHELL_APPS = [
    "siteshell",
    "siteshell.review",
    "siteshell.moderation",
    "siteshell.screening",
    "siteshell.notifications",
    # Staff logins (lockout, login records, two-factor), personal data at rest and its
    # lifecycle, and the protection every public form shares.
    "siteshell.accounts",
    "siteshell.privacy",
    "siteshell.publicforms",
    # Whole pages for anonymous visitors (docs/page-cache.md).
    "siteshell.pagecache",
]
SERVICE_APPS = [
    # The services every plugin may use; they are not switchable.
    "media",
    "search",
]

# Content plugins shipped with the product. SITE_PLUGINS (comma-separated) replaces the list,
# SITE_PLUGINS_DISABLED switches single ones off; packages may add more through the
# "commemoration.plugins" entry point group. A plugin whose PluginMeta.requires names a plugin
# that is off is left out as a whole (PLUGINS_LEFT_OUT: logged, listed in 设置 → 功能模块).
DEFAULT_PLUGINS = [
    "honors",
    "memorials",
    # Plugins inside an area are named by their module; each needs the plugins in its
    # PluginMeta.requires (memorials; speakerprofiles also honors and talks).
    "memorials.tributes",
    "memorials.sweeping",
    "campaigns.seekrelatives",
    "campaigns.talks",
    "campaigns.talks.speakerprofiles",
    "campaigns.education",
]
SITE_PLUGINS, PLUGINS_LEFT_OUT = satisfy_requirements(
    resolve_enabled_plugins(
        env_list("SITE_PLUGINS", DEFAULT_PLUGINS),
        disabled=env_list("SITE_PLUGINS_DISABLED", []),
    ),
    available_labels=SERVICE_APPS,
)

FRAMEWORK_APPS = [
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    # Purges a CDN or reverse proxy when a page is published (WAGTAILFRONTENDCACHE).
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's users app with one 姓名 field in its forms (siteshell.staff).
    "siteshell.staff.apps.StaffUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtailmedia",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Wagtail's admin says "3 minutes ago" through humanize's naturaltime: its catalogue (zh_Hans
    # included) loads only with the app installed.
    "django.contrib.humanize",
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Security libraries: failed-login lockout, one-time passwords (TOTP and recovery codes),
    # the public forms' CAPTCHA, Content-Security-Policy.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "captcha",
    "csp",
]

INSTALLED_APPS = [*SHELL_APPS, *SERVICE_APPS, *SITE_PLUGINS, *FRAMEWORK_APPS]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Permissions-Policy; frame-ancestors 'self' on Wagtail's preview frames (siteshell.headers).
    "siteshell.headers.HeadersMiddleware",
    # The admin's inline widget start-up scripts become data blocks (siteshell.admin_scripts).
    "siteshell.admin_scripts.AdminInlineScriptsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "siteshell.middleware.VisitorLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The Wagtail site of a host, from memory for a moment (siteshell.sites).
    "siteshell.sites.SiteMemoMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sessions: idle timeout, then the second factor for the admin (siteshell.accounts).
    "siteshell.accounts.middleware.IdleTimeoutMiddleware",
    "siteshell.accounts.middleware.TwoFactorMiddleware",
    # Anonymous visitors from the page cache: inside CSRF (a token filled into a cached page gets
    # its cookie) and CSP (its nonce), after sessions and authentication (siteshell.pagecache).
    "siteshell.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it answers a locked-out login (siteshell.accounts).
    "axes.middleware.AxesMiddleware",
]

# Axes first: it refuses a locked-out username or address before a password is checked.
AUTHENTICATION_BACKENDS = [
    "siteshell.accounts.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "siteshell.urls"
WSGI_APPLICATION = "siteshell.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "siteshell.context_processors.site_chrome",
                # {% csrf_token %} on a page that may be cached: filled in per visitor.
                "siteshell.pagecache.context_processors.csrf",
            ],
        },
    },
]

# -- database -------------------------------------------------------------------------------


def database_from_url(url):
    config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # Several web workers share one SQLite file: write-ahead logging lets readers run
        # beside a writer, the busy timeout waits for a lock instead of failing, and
        # IMMEDIATE transactions take the write lock up front, so no transaction has to be
        # upgraded from read to write mid-way ("database is locked").
        # Connections are kept between requests like PostgreSQL's (DB_CONN_MAX_AGE): opening
        # one runs the pragmas below and maps the write-ahead log again, and closing the last
        # one checkpoints the log and deletes it — together about half of an offering's
        # time when every request opened its own (bench/tributes_bench.py).
        if config["NAME"] and config["NAME"] != ":memory:":
            Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA busy_timeout=20000;PRAGMA foreign_keys=ON;"
            ),
        }
    else:
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'db.sqlite3'}")
DATABASES = {"default": database_from_url(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# -- cache and sessions ---------------------------------------------------------------------

REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    # Django's Redis cache, keeping its client between calls (siteshell.cache).
    CACHES = {
        "default": {
            "BACKEND": "siteshell.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "commemoration"),
            "TIMEOUT": 300,
        },
        # Whole pages for anonymous visitors (siteshell.pagecache): shared by every worker, so a
        # publish refreshes the page for all of them.
        "pages": {
            "BACKEND": "siteshell.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "commemoration") + ":pages",
            "TIMEOUT": 600,
        },
    }
    # Sessions are written through to the database so a Redis restart logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        # Each process's own. Room for the peak: every offering and public form leaves a key or
        # two (de-duplication, rate limits) beside the counters, menus and halls the pages read,
        # and Django's default of 300 entries would evict those on every few requests.
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "commemoration",
            "OPTIONS": {"MAX_ENTRIES": env_int("LOCAL_CACHE_ENTRIES", 20_000)},
        },
        # One process (the embedded default): a few hundred pages in its memory.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "commemoration-pages",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Cached pages and counters a web process keeps in its own memory in front of the cache above
# (siteshell.cache.ProcessMemo): at the peak each process reads them from Redis at most this
# often, and sees another process's change at most this late (0: read every time).
LOCAL_MEMO_SECONDS = env_float("LOCAL_MEMO_SECONDS", 1.0)

# -- search ---------------------------------------------------------------------------------

# The embedded Chinese backend (search/: jieba, pinyin, SQLite FTS5 or PostgreSQL) answers
# Wagtail's own searches, including the admin, and is always kept up to date so the public
# search can fall back to it. With ELASTICSEARCH_URL, Elasticsearch is indexed alongside and
# serves the public search page and API.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.embedded"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["elasticsearch"] = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX": env_str("ELASTICSEARCH_INDEX", "commemoration"),
        "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 5),
        # "cjk" (built in), "smartcn" or "ik" (analysis plugins installed on the cluster).
        "ANALYZER": env_str("ELASTICSEARCH_ANALYZER", "cjk"),
        # "auto" adds pinyin sub-fields when the analysis-pinyin plugin is installed.
        "PINYIN": env_str("ELASTICSEARCH_PINYIN", "auto"),
    }
# Each process re-reads the staff dictionary (搜索词典) at most this often, so a word added in
# the admin reaches every web worker; ``None`` turns the check off.
SEARCH_DICTIONARY_CHECK_SECONDS = env_int("SEARCH_DICTIONARY_CHECK_SECONDS", 30)

# -- passwords ------------------------------------------------------------------------------

# 等保 2.0: at least 12 characters and three of upper/lower-case letters, digits, symbols.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "siteshell.accounts.passwords.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
]

# -- language and time ----------------------------------------------------------------------

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Chinese for the Wagtail strings its own zh_Hans catalogue leaves in English (docs/review.md).
LOCALE_PATHS = [SHELL_DIR / "review" / "wagtail_locale"]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]

# -- static and media files -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(DATA_DIR / "media")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (site.3f2a9c.css), served by WhiteNoise with a ten-year "immutable" cache
    # lifetime; `manage.py collectstatic` writes them and the manifest (docs/security-headers.md).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# S3-compatible object storage for uploads, when a bucket is configured.
AWS_STORAGE_BUCKET_NAME = env_str("S3_BUCKET", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("S3_ENDPOINT_URL", "") or None
    AWS_S3_REGION_NAME = env_str("S3_REGION", "") or None
    AWS_ACCESS_KEY_ID = env_str("S3_ACCESS_KEY_ID", "") or None
    AWS_SECRET_ACCESS_KEY = env_str("S3_SECRET_ACCESS_KEY", "") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("S3_CUSTOM_DOMAIN", "") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("S3_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# -- Wagtail --------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env_str("SITE_NAME", "退役军人荣誉与纪念")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True

# -- staff in the admin (siteshell.staff, siteshell.admin_branding; docs/staff-admin.md) ----

WAGTAILADMIN_USER_LOGIN_FORM = "siteshell.staff.forms.StaffLoginForm"
# Avatars are the staff member's initials: the admin asks no other site for anything.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The time zones staff may choose in 帐号 (comma-separated IANA names); with one, none is offered.
WAGTAIL_USER_TIME_ZONES = env_list("WAGTAIL_USER_TIME_ZONES", ["Asia/Shanghai"])
# The sender of every e-mail (workflow notices to staff, messages to the public), shown with the
# bureau's name from 设置 → 单位信息 unless the address names a sender itself.
EMAIL_SENDER_ADDRESS = env_str("DEFAULT_FROM_EMAIL", "") or default_sender_address(WAGTAILADMIN_BASE_URL)
DEFAULT_FROM_EMAIL = SERVER_EMAIL = bureau_sender(EMAIL_SENDER_ADDRESS)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = bureau_sender(
    env_str("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", "") or EMAIL_SENDER_ADDRESS
)

# -- media (images, video, audio, documents: see media/) -----------------------------------

WAGTAILIMAGES_IMAGE_MODEL = "media.CommemorationImage"
# Every image upload (admin, chooser, multiple upload) goes through media.forms: the type is
# read from the content, metadata is stripped and corrupt files are refused in Chinese.
WAGTAILIMAGES_IMAGE_FORM_BASE = "media.forms.SafeImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif", "heic", "heif", "gif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("MEDIA_IMAGE_MAX_UPLOAD_MB", 20) * 1024 * 1024
# Decompression-bomb limit: 50 megapixels covers phone cameras; decoding more would need
# hundreds of megabytes of memory per upload.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("MEDIA_IMAGE_MAX_PIXELS", 50_000_000)
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp", "heic": "jpeg", "bmp": "png"}

WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "pptx", "xlsx", "odt", "txt"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "media.forms.SafeDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("MEDIA_DOCUMENT_MAX_UPLOAD_MB", 30) * 1024 * 1024
# Documents always go through Wagtail's serve view (also with S3), which adds
# Content-Disposition, X-Content-Type-Options: nosniff and a CSP; only PDFs open inline.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

# Video and audio (wagtailmedia), with a poster image, WebVTT captions and a transcript.
WAGTAILMEDIA = {
    "MEDIA_MODEL": "media.CommemorationMedia",
    "MEDIA_FORM_BASE": "media.forms.SafeMediaForm",
    "VIDEO_EXTENSIONS": ["mp4", "m4v", "webm"],
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "oga", "wav", "flac"],
}
MEDIA_VIDEO_MAX_UPLOAD_SIZE = env_int("MEDIA_VIDEO_MAX_UPLOAD_MB", 500) * 1024 * 1024
MEDIA_AUDIO_MAX_UPLOAD_SIZE = env_int("MEDIA_AUDIO_MAX_UPLOAD_MB", 200) * 1024 * 1024
MEDIA_CAPTIONS_MAX_UPLOAD_SIZE = 2 * 1024 * 1024
# AVIF renditions are the smallest but the slowest to encode; switch off on a weak server.
MEDIA_AVIF_RENDITIONS = env_bool("MEDIA_AVIF_RENDITIONS", True)
# 哔哩哔哩, 腾讯视频 and 优酷 have no oEmbed endpoint: media.embeds derives their players.
WAGTAILEMBEDS_FINDERS = [
    {"class": "media.embeds.ChineseVideoPlatformFinder"},
    {"class": "wagtail.embeds.finders.oembed"},
]

# -- API ------------------------------------------------------------------------------------

#: Seconds a shared cache may keep an anonymous read-only API response.
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
NINJA_PAGINATION_PER_PAGE = 20

# -- background tasks -----------------------------------------------------------------------

# Wagtail (reference index, image focal points, file clean-up) and the plugins (the martyr
# list import) enqueue work through django_tasks. The immediate backend runs a task in the
# process that enqueues it: right for a laptop and the tests. Production settings can name a
# queued backend with a worker (see production.py and README.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# -- security defaults (production tightens further) ----------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Wagtail marks its own preview views SAMEORIGIN; nothing else is framed.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# -- public submissions: moderation, screening, notifications --------------------------------

# Distinct reporters (举报) that hide an approved public item until a moderator decides.
MODERATION_REPORTS_TO_HIDE = env_int("MODERATION_REPORTS_TO_HIDE", 3)
# Reports from one address (django-ratelimit rate: "10/h" = ten an hour).
MODERATION_REPORT_RATE = env_str("MODERATION_REPORT_RATE", "10/h")
# Seconds the inbox's counts (待办 badge, dashboard) are cached; every decision clears them.
MODERATION_COUNTS_CACHE_SECONDS = env_int("MODERATION_COUNTS_CACHE_SECONDS", 30)
# How often each process checks whether staff changed the sensitive-word list (敏感词库).
SCREENING_CHECK_SECONDS = env_int("SCREENING_CHECK_SECONDS", 5)
# SMS to the public: the console backend prints them (development); a bureau's gateway is
# "siteshell.notifications.sms.HttpGatewayBackend" with NOTIFICATIONS_SMS_GATEWAY (production.py).
NOTIFICATIONS_SMS_BACKEND = env_str("NOTIFICATIONS_SMS_BACKEND", "siteshell.notifications.sms.ConsoleBackend")
NOTIFICATIONS_SMS_SIGNATURE = env_str("NOTIFICATIONS_SMS_SIGNATURE", "")
# Lookups of the tracking-code status page (/track/) per address, and wrong pairs per code.
NOTIFICATIONS_TRACK_RATE = env_str("NOTIFICATIONS_TRACK_RATE", "10/10m")
NOTIFICATIONS_TRACK_CODE_RATE = env_str("NOTIFICATIONS_TRACK_CODE_RATE", "20/h")
# Behind a reverse proxy, the header that holds the visitor's address for the rate limits
# (e.g. HTTP_X_REAL_IP); unset, REMOTE_ADDR.
if env_str("RATELIMIT_IP_META_KEY", ""):
    RATELIMIT_IP_META_KEY = env_str("RATELIMIT_IP_META_KEY", "")

# -- audit ----------------------------------------------------------------------------------

# Days the audit trail (Wagtail's log entries) is kept; `manage.py purge_audit_log` deletes
# older entries and never any younger than 180 days (等保 2.0; a shorter value fails the checks).
AUDIT_LOG_RETENTION_DAYS = env_int("AUDIT_LOG_RETENTION_DAYS", 365)

# -- security: each part's settings live beside it -----------------------------------------
# Staff logins (siteshell.accounts), personal data (siteshell.privacy), public forms
# (siteshell.publicforms), response headers (Content-Security-Policy, Permissions-Policy).
from siteshell.settings.headers import *  # noqa: E402, F403
from siteshell.settings.logins import *  # noqa: E402, F403
from siteshell.settings.maps import *  # noqa: E402, F403
from siteshell.settings.pagecache import *  # noqa: E402, F403
from siteshell.settings.personal_data import *  # noqa: E402, F403
from siteshell.settings.public_forms import *  # noqa: E402, F403

# -- logging --------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # axes logs every failed login at INFO; siteshell.accounts keeps its own login records.
        "axes": {"level": "WARNING"},
    },
}
