"""The statistics' periodic work: counts older than the retention period are deleted."""

import logging

from quietroom.jobs.periodic import every
from quietroom.stats import report

logger = logging.getLogger("quietroom.stats")


@every(6 * 3600, name="forget-old-statistics")
def forget_expired() -> None:
    forgotten = report.forget_expired()
    if forgotten:
        logger.info(
            "Statistics: %s daily counts older than the retention period deleted", forgotten
        )
