"""Layered rule settings, as in python-discord's filtering: a rule type ships defaults, the server may override
them, and a group may override the server. A field left as None inherits from the layer below.

Validations (enabled, spaces, channel scope, bypass roles) decide whether a rule applies to a message at all;
the allow-list says what never counts; the ladder says what happens at a member's 1st, 2nd, 3rd... offence.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, field_validator

from bot.domain.conduct.model import Action, MessageContext

Ladder = tuple[tuple[Action, ...], ...]
SPACES = frozenset({"group", "match"})
MAX_ALLOW = 100  # entries a layer may add; AutoMod's own allow-lists have the same limit
MAX_ALLOW_LEN = 100


class ResolvedSettings(BaseModel):
    """Every field concrete: what applies to one rule in one group."""

    model_config = ConfigDict(frozen=True)

    enabled: bool = True
    spaces: frozenset[str] = SPACES  # group channels, one-to-one match spaces
    channels: frozenset[int] = frozenset()  # if any, only these channels
    exempt_channels: frozenset[int] = frozenset()
    bypass_roles: frozenset[int] = frozenset()
    allow: tuple[str, ...] = ()  # folded (lower-case) entries: phrases, domains, numbers that never count
    ladder: Ladder = ((Action.NUDGE,),)

    def why_not(self, ctx: MessageContext) -> str | None:
        """Why this rule does not apply to the message, or None when it does."""
        if not self.enabled:
            return "disabled"
        if ctx.space not in self.spaces:
            return f"not screened in {ctx.space} spaces"
        if self.channels and ctx.channel_id not in self.channels:
            return "outside the rule's channels"
        if ctx.channel_id in self.exempt_channels:
            return "channel exempt"
        if self.bypass_roles & ctx.role_ids:
            return "author holds a bypass role"
        return None

    def step(self, offence: int) -> tuple[Action, ...]:
        """The actions for a member's nth offence (1-based); the last step repeats."""
        return self.ladder[min(max(offence, 1), len(self.ladder)) - 1]

    def allows(self, text: str) -> bool:
        return any(entry in text for entry in self.allow)


class RuleSettings(BaseModel):
    """One layer of overrides, as stored per server or per group. None inherits; `allow` adds to what is inherited."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    enabled: bool | None = None
    spaces: frozenset[str] | None = None
    channels: frozenset[int] | None = None
    exempt_channels: frozenset[int] | None = None
    bypass_roles: frozenset[int] | None = None
    allow: tuple[str, ...] | None = None
    ladder: Ladder | None = None

    @field_validator("spaces")
    @classmethod
    def _known_spaces(cls, value: frozenset[str] | None) -> frozenset[str] | None:
        if value is not None and not value <= SPACES:
            raise ValueError(f"spaces are {sorted(SPACES)}")
        return value

    @field_validator("allow")
    @classmethod
    def _short_allow(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        # A lone surrogate (found by the fuzz suite) can't be stored as JSON text: it is dropped.
        value = tuple("".join(ch for ch in e if not "\ud800" <= ch <= "\udfff") for e in value)
        entries = tuple(dict.fromkeys(" ".join(e.split()).lower() for e in value if e.strip()))
        if len(entries) > MAX_ALLOW or any(len(e) > MAX_ALLOW_LEN for e in entries):
            raise ValueError(f"an allow-list holds at most {MAX_ALLOW} entries of {MAX_ALLOW_LEN} characters")
        return entries

    @field_validator("ladder")
    @classmethod
    def _some_steps(cls, value: Ladder | None) -> Ladder | None:
        if value is not None and (not value or not all(value) or len(value) > 10):
            raise ValueError("a ladder has 1 to 10 steps, each with at least one action")
        return value

    def over(self, base: ResolvedSettings) -> ResolvedSettings:
        changes = self.model_dump(exclude_none=True)
        if "allow" in changes:
            changes["allow"] = tuple(dict.fromkeys(base.allow + self.allow)) if self.allow else base.allow
        return base.model_copy(update=changes)


def parse_ladder(text: str) -> Ladder:
    """'nudge; hide+warn; hide+warn+escalate' -> three steps. Raises ValueError with a readable sentence."""
    steps = []
    for part in text.split(";"):
        names = [name.strip().lower() for name in part.replace(",", "+").split("+") if name.strip()]
        try:
            steps.append(tuple(dict.fromkeys(Action(name) for name in names)))
        except ValueError:
            known = ", ".join(a.value for a in Action)
            raise ValueError(f"“{part.strip()}” is not a list of actions; use {known}, joined by +") from None
    return RuleSettings(ladder=tuple(s for s in steps if s)).ladder or ()


def describe_ladder(ladder: Ladder) -> str:
    return "; ".join("+".join(a.value for a in step) for step in ladder)
