"""The inbox's periodic work: requests past the retention period are deleted for good."""

import logging

from quietroom.inbox import retention
from quietroom.jobs.periodic import every

logger = logging.getLogger("quietroom.inbox")


@every(6 * 3600, name="purge-inbox")
def purge_inbox() -> None:
    purged = retention.purge()
    if purged:
        logger.info("Retention: %s consultation requests past the retention period deleted", purged)
