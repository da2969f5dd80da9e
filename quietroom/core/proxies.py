"""What a request says about itself that only a trusted proxy may say: its scheme.

Anyone can send `X-Forwarded-Proto: https`. Django believes the header named by
`SECURE_PROXY_SSL_HEADER` from every peer, so a plain-HTTP request carrying it would look
secure, skip the redirect to HTTPS and be answered pages meant for HTTPS. Quietroom removes
the header from every request whose peer is not one of `QUIETROOM_TRUSTED_PROXIES`, before
Django or the page cache reads it, so both decide the scheme alike.
"""

from quietroom.core import conf


def trusted(meta) -> bool:
    return meta.get("REMOTE_ADDR", "") in conf.current().trusted_proxies


def distrust(meta) -> None:
    """Remove the forwarded-scheme header from `meta` unless a trusted proxy sent it."""
    header = conf.current().proxy_ssl_header
    if header and header[0] in meta and not trusted(meta):
        del meta[header[0]]


def scheme(meta) -> str:
    """ "https" or "http", as Django's `request.scheme` decides it once `distrust` ran."""
    header = conf.current().proxy_ssl_header
    if header and trusted(meta):
        name, secure = header
        value = meta.get(name)
        if value is not None:
            return "https" if value.split(",", 1)[0].strip() == secure else "http"
    return meta.get("wsgi.url_scheme", "http")
