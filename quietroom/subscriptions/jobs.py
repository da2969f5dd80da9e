"""The list's periodic work: addresses that never confirmed are deleted once their link expired."""

import logging

from quietroom.jobs.periodic import every
from quietroom.subscriptions import digests, signup

logger = logging.getLogger("quietroom.subscriptions")


@every(3600, name="forget-unconfirmed-subscribers")
def forget_unconfirmed() -> None:
    forgotten = signup.forget_unconfirmed()
    if forgotten:
        logger.info(
            "Subscriptions: %s unconfirmed addresses deleted after their link expired", forgotten
        )


@every(6 * 3600, name="send-monthly-digests")
def send_monthly_digests() -> None:
    for digest in digests.send_due():
        logger.info(
            "Subscriptions: the digest of %s for site %s holds %s articles",
            digest,
            digest.site_id,
            digest.articles,
        )
