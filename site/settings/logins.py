"""Settings: staff logins (siteshell.accounts, docs/accounts.md).

Lockout of failed logins (django-axes), two-factor authentication (django-otp), idle timeout.
Production tightens ACCOUNTS_2FA_REQUIRED and the axes handler (production.py).
"""

from datetime import timedelta

from siteshell.settings.env import env_int, env_str

# -- failed logins (django-axes) -----------------------------------------------------------
# Failures count per username and per address; a username is locked after AXES_FAILURE_LIMIT,
# an address (possibly a whole office behind one NAT) after ACCOUNTS_ADDRESS_FAILURE_LIMIT.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
ACCOUNTS_ADDRESS_FAILURE_LIMIT = env_int("ACCOUNTS_ADDRESS_FAILURE_LIMIT", 20)
# Minutes a lock lasts; each refused try during the lock starts the wait again.
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
# A successful login forgets the username's failures only (siteshell.accounts.lockout).
AXES_RESET_ON_SUCCESS = False
# The database handler on a laptop and in the tests; production uses the cache.
AXES_HANDLER = env_str("AXES_HANDLER", "siteshell.accounts.lockout.DatabaseHandler")
AXES_LOCKOUT_CALLABLE = "siteshell.accounts.lockout.lockout_response"
# The same client address as the rate limits (RATELIMIT_IP_META_KEY, base.py).
AXES_CLIENT_IP_CALLABLE = "siteshell.accounts.addresses.client_ip"
# Our own login records replace axes' access log (a second copy of every login).
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False

# -- two-factor authentication (django-otp) ------------------------------------------------
# "personal_data": accounts that may see personal data in full (review.view_personal_data);
# "staff": every account that may open the admin (production's default).
ACCOUNTS_2FA_REQUIRED = env_str("ACCOUNTS_2FA_REQUIRED", "personal_data")
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", env_str("SITE_NAME", "退役军人荣誉与纪念"))
# Code entries per user (django-ratelimit rate), on top of django-otp's own throttling.
ACCOUNTS_OTP_RATE = env_str("ACCOUNTS_OTP_RATE", "5/5m")

# -- sessions ------------------------------------------------------------------------------
# Signed-in staff are signed out after this many minutes without a request.
ACCOUNTS_IDLE_TIMEOUT_MINUTES = env_int("ACCOUNTS_IDLE_TIMEOUT_MINUTES", 30)
