"""A thin wrapper over APScheduler 3's AsyncIOScheduler.

The database is the source of truth. A job only says "look at this row again at about this time"; the service
it calls recomputes what is due from the database and the Clock, so a job that fires late, twice, or after a
restart does the right thing. On start-up every job is rebuilt from the rows (see `rebuild` on each service).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

JobFunc = Callable[..., Awaitable[Any]]


class JobScheduler:
    def __init__(self) -> None:
        # misfire_grace_time=None: a job that is late (the loop was busy, the machine slept) still runs.
        self._scheduler = AsyncIOScheduler(
            timezone=UTC, job_defaults={"coalesce": True, "misfire_grace_time": None, "max_instances": 1}
        )

    def start(self) -> None:
        self._scheduler.start()

    def shutdown(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)

    def at(self, job_id: str, when: datetime, func: JobFunc, *args: Any) -> None:
        """Run once at `when` (UTC). Scheduling the same id again replaces the earlier job (also before start(),
        when APScheduler would otherwise keep both pending)."""
        self.cancel(job_id)
        self._scheduler.add_job(func, "date", run_date=when, args=args, id=job_id, replace_existing=True)

    def every(self, job_id: str, seconds: float, func: JobFunc, *args: Any) -> None:
        self._scheduler.add_job(func, "interval", seconds=seconds, args=args, id=job_id, replace_existing=True)

    def cancel(self, job_id: str) -> None:
        if self._scheduler.get_job(job_id) is not None:
            self._scheduler.remove_job(job_id)

    def job_ids(self) -> set[str]:
        return {job.id for job in self._scheduler.get_jobs()}

    def next_run(self, job_id: str) -> datetime | None:
        job = self._scheduler.get_job(job_id)
        if job is None:
            return None
        if hasattr(job, "next_run_time"):
            return job.next_run_time  # type: ignore[no-any-return]
        # Added before start(): APScheduler computes the time only once it is running.
        return job.trigger.get_next_fire_time(None, datetime.now(UTC))  # type: ignore[no-any-return]
