"""Risk screening: a pure, explainable screener over one message, and its command-line front end."""

from bot.domain.risk.model import Category, Evidence, Screening, Tier
from bot.domain.risk.screener import RiskScreener, SecondStage

__all__ = ["Category", "Evidence", "RiskScreener", "Screening", "SecondStage", "Tier"]
