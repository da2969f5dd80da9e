"""Settings that only make sense over HTTPS. Production applies them; tests can too."""

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain attribute.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# A signal for browsers' preload lists; it binds only once the domain is submitted there.
SECURE_HSTS_PRELOAD = True
