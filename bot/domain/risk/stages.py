"""Which stages the screener runs, built once at start-up: the rules and their second look always, and the learned
stage (learned.py) where its embedder loads and its head fits that embedder. Start-up, /setup-referrals and
`peerbot check` report `describe()`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from threadpoolctl import threadpool_limits

from bot.domain.risk.embedder import Loaded, load_default
from bot.domain.risk.learned import Head, LearnedStage, default_head
from bot.domain.risk.screener import RiskScreener


@dataclass(frozen=True)
class ScreenerSetup:
    screener: RiskScreener
    model: LearnedStage | None
    why_not: str  # why the learned stage is off ("" when it is on)

    def describe(self) -> str:
        """One sentence for an admin."""
        rules = "rules" + (" with their second look" if self.screener.second_look is not None else "")
        if self.model is not None:
            return f"Risk screening stages: {rules}, and the learned model ({self.model.embedder.name})."
        return f"Risk screening stages: {rules} only. The learned model is off: {self.why_not}."


def build(*, model: bool = True, second_look: bool = True, load: Callable[[], Loaded] = load_default,
          head: Callable[[], Head] = default_head) -> ScreenerSetup:
    if not model:
        return ScreenerSetup(RiskScreener(second_look=second_look), None, "PEERBOT_RISK_MODEL is false")
    loaded = load()
    if loaded.embedder is None:
        return ScreenerSetup(RiskScreener(second_look=second_look), None, loaded.reason)
    try:
        stage = LearnedStage(loaded.embedder, head())
    except (OSError, ValueError, KeyError) as error:
        return ScreenerSetup(RiskScreener(second_look=second_look), None, f"its head could not load ({error})")
    # numpy's BLAS runs a thread per core. The head's products are one message by a few thousand cases: one thread
    # does each in about 0.1 ms, while two took 3 to 10 ms on two busy cores, and held the second core the event
    # loop needs. (The embedder itself runs one thread: embedder.py.)
    threadpool_limits(limits=1, user_api="blas")
    return ScreenerSetup(RiskScreener(stage, second_look=second_look), stage, "")
