"""The conduct screener and the distress gate together, for one text: what `peerbot screen` reports under
`conduct` and what the benchmark measures. In the bot, Enforcement does the same with each group's settings."""

from __future__ import annotations

from bot.domain.conduct.distress import DistressGate, RiskPort
from bot.domain.conduct.model import Match, MessageContext
from bot.domain.conduct.screener import ConductScreener


class ConductCheck:
    def __init__(self, risk: RiskPort, screener: ConductScreener | None = None) -> None:
        self.screener = screener or ConductScreener()
        self.gate = DistressGate(risk)

    def check(self, text: str, ctx: MessageContext | None = None) -> tuple[Match, ...]:
        """The matches conduct would act on: none at all when the message shows distress."""
        screened = self.screener.screen(text, ctx)
        if not screened or self.gate.why_not_act(text) is not None:
            return ()
        return screened.matches
