"""Whether a user agent says it is a program rather than a reader. Read and discarded."""

import re

# Words that crawlers, monitors, link previewers and HTTP libraries put in their user agent.
# A browser that hides nothing and says none of them is a reader; a program that pretends to
# be a browser is counted as a reader too (no fingerprinting is done to catch it).
_AUTOMATED = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|scrape|monitor|uptime|pingdom|preview|"
    r"headless|lighthouse|curl|wget|httpie|python|java/|go-http|okhttp|axios|node-fetch|"
    r"libwww|perl|ruby|php/|feed|rss|facebookexternalhit|embedly|whatsapp|check",
    re.IGNORECASE,
)


def automated(user_agent: str) -> bool:
    """True for a self-declared bot or program, or no user agent at all (browsers send one)."""
    return not user_agent or _AUTOMATED.search(user_agent) is not None
