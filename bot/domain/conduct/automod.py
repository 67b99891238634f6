"""Discord AutoMod rules that peerbot owns: a safety net Discord runs itself, so it keeps working while peerbot
is offline. This module says what the rules are and checks them against AutoMod's limits; cogs/conduct/automod.py
creates and syncs them.

- slurs and the worst insults: a keyword rule that blocks, with a kind message;
- contact details: a regex rule that blocks, with a kind message (only with a personal cue, "call me on ...",
  so a hospital switchboard or a helpline is never blocked);
- mention spam: Discord's mention-spam rule;
- crisis words: a keyword rule whose ONLY action is an alert in the referral queue channel. It never blocks,
  so a member in crisis is always heard, and professionals see crisis words even while peerbot is down.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.clock import Clock, to_db
from bot.domain.conduct.rules.harassment import SLURS
from bot.storage.db import Database

KEYWORD_RULES = 6  # a guild's keyword rules, ours and others'
MAX_KEYWORDS = 1000
MAX_KEYWORD_LEN = 60
MAX_REGEXES = 10
MAX_REGEX_LEN = 260
MAX_ALLOW = 100
MAX_ALLOW_LEN = 60
MAX_CUSTOM_MESSAGE = 150
MAX_EXEMPT_ROLES = 20
MENTION_LIMIT = 8  # Discord counts every user and role mention; peerbot's own rule nudges from 5
# Reports of one blocked message arrive within milliseconds of each other; the same words from the same member in
# the same channel within this window are taken as the same message.
REPORT_WINDOW = timedelta(seconds=30)
PREFIX = "peerbot · "


class Kind(StrEnum):
    SLURS = "slurs"
    CONTACT = "contact"
    MENTIONS = "mentions"
    CRISIS = "crisis"


# The rule a case records when AutoMod acts under each kind (crisis words become referrals, never cases).
CASE_RULE = {Kind.SLURS: "slur", Kind.CONTACT: "contact_details", Kind.MENTIONS: "mention_spam"}

WORST_INSULTS = ("kys", "go kill yourself", "hope you die", "drink bleach", "neck yourself")
# Spelled with symbols for letters, in Rust regex syntax (no look-around, no back-references).
SLUR_REGEXES = (r"n[i1!|]gg+(?:[e3]r|[a@4])s?", r"f[a@4]gg?[o0]ts?", r"r[e3]t[a@4]rd(?:s|[e3]d)?")
CONTACT_REGEXES = (
    r"(?i)\b(?:call|text|ring|phone|whatsapp|message|msg|reach) me (?:on|at)?\s*\+?\(?\d[\d\s().-]{7,16}\d",
    r"(?i)\bmy (?:mobile|cell|phone|number|digits|whatsapp)(?: number| no\.?)? is\s*\+?\(?\d[\d\s().-]{7,16}\d",
    r"(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}",
    r"(?i)\b(?:add|message|msg|text|dm|follow|find) me on (?:whatsapp|snap(?:chat)?|insta(?:gram)?|ig|tiktok|"
    r"telegram|kik|facebook|fb|signal|messenger|wechat|skype)\b",
    r"(?i)\bmy (?:snap|insta|ig|tiktok|telegram|kik|whatsapp)(?: name| handle| username)? is\s*@?[a-z0-9_.]{3,30}",
)
CONTACT_ALLOW = ("*nhs.net", "*nhs.uk", "*.gov", "*.gov.uk", "*samaritans.org", "*shout.org", "*mind.org.uk",
                 "*988lifeline.org", "*crisistextline.org")
CRISIS_WORDS = (
    "suicide", "suicidal", "kill myself", "killing myself", "end my life", "ending my life", "end it all",
    "want to die", "wanna die", "want to be dead", "better off dead", "better off without me", "take my own life",
    "no reason to live", "overdose", "overdosed", "self harm", "self-harm", "selfharm", "cutting myself",
    "cut myself", "hurt myself", "hurting myself", "hang myself", "jump off a bridge", "goodbye forever",
    "my final goodbye", "not be here tomorrow", "took all my pills", "took all my tablets",
)
CRISIS_ALLOW = ("suicide prevention", "suicide awareness", "world suicide prevention day")

SLUR_MESSAGE = "That word hurts people here, so Discord didn't post it. You've been sent a copy of what you wrote."
CONTACT_MESSAGE = "Personal contact details aren't shared in the group, for everyone's safety. Helplines are fine."
MENTION_MESSAGE = "That mentions a lot of people at once; please mention only the person you're talking to."


@dataclass(frozen=True)
class AutoModSpec:
    kind: Kind
    name: str
    trigger: str  # "keyword" or "mention_spam"
    keywords: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    mention_limit: int | None = None
    block_message: str | None = None  # block the message, showing this
    alert_channel_id: int | None = None  # post an alert here (and nothing else)


def specs(alert_channel_id: int | None) -> list[AutoModSpec]:
    """peerbot's rules. Without a referral queue channel the crisis rule cannot alert anyone, so it is left out."""
    rules = [
        AutoModSpec(Kind.SLURS, PREFIX + "slurs and the worst insults", "keyword",
                    keywords=tuple(dict.fromkeys(SLURS + WORST_INSULTS)), regexes=SLUR_REGEXES,
                    block_message=SLUR_MESSAGE),
        AutoModSpec(Kind.CONTACT, PREFIX + "personal contact details", "keyword", regexes=CONTACT_REGEXES,
                    allow=CONTACT_ALLOW, block_message=CONTACT_MESSAGE),
        AutoModSpec(Kind.MENTIONS, PREFIX + "mention spam", "mention_spam", mention_limit=MENTION_LIMIT,
                    block_message=MENTION_MESSAGE),
    ]
    if alert_channel_id is not None:
        rules.append(AutoModSpec(Kind.CRISIS, PREFIX + "crisis words (alert only)", "keyword", keywords=CRISIS_WORDS,
                                 allow=CRISIS_ALLOW, alert_channel_id=alert_channel_id))
    return rules


_LOOKAROUND = re.compile(r"\(\?<?[=!]|\\[1-9]|\(\?P=")


def problems(spec: AutoModSpec) -> list[str]:
    """Where a rule breaks AutoMod's limits (empty when it fits)."""
    found = []
    if len(spec.keywords) > MAX_KEYWORDS or any(len(k) > MAX_KEYWORD_LEN for k in spec.keywords):
        found.append(f"at most {MAX_KEYWORDS} keywords of {MAX_KEYWORD_LEN} characters")
    if len(spec.regexes) > MAX_REGEXES or any(len(r) > MAX_REGEX_LEN for r in spec.regexes):
        found.append(f"at most {MAX_REGEXES} regexes of {MAX_REGEX_LEN} characters")
    if any(_LOOKAROUND.search(r) for r in spec.regexes):
        found.append("Rust regexes have no look-around or back-references")
    if len(spec.allow) > MAX_ALLOW or any(len(a) > MAX_ALLOW_LEN for a in spec.allow):
        found.append(f"an allow-list of at most {MAX_ALLOW} entries")
    if spec.block_message is not None and len(spec.block_message) > MAX_CUSTOM_MESSAGE:
        found.append(f"a custom message of at most {MAX_CUSTOM_MESSAGE} characters")
    if spec.kind is Kind.CRISIS and spec.block_message is not None:
        found.append("the crisis rule only alerts; it must never block")
    return found


class AutoModRegistry:
    """Which AutoMod rule ids are peerbot's, per guild and kind: the events name only a rule id. And which reports
    of a blocked message have been seen (`first_report`)."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock
        self._reports: dict[tuple[int, int, int, str, str], datetime] = {}

    def first_report(self, guild_id: int, user_id: int, channel_id: int | None, content: str, purpose: str) -> bool:
        """Is this the first report, for `purpose` ("case", "referral"), of a message that has no id? Discord
        reports a message once per rule and per action (a message with a slur and a phone number is blocked twice),
        and a blocked message never gets an id. Kept in memory, as a digest of the words: the window is seconds
        long, so a restart costs at most a duplicate, and nothing here is timed work."""
        now = self.clock.now()
        self._reports = {key: at for key, at in self._reports.items() if now - at < REPORT_WINDOW}
        digest = hashlib.sha256(content.encode("utf-8", "replace")).hexdigest()
        key = (guild_id, user_id, channel_id or 0, digest, purpose)
        if key in self._reports:
            return False
        self._reports[key] = now
        return True

    async def ids(self, guild_id: int) -> dict[Kind, int]:
        rows = await self.db.fetch_all("SELECT kind, rule_id FROM conduct_automod_rules WHERE guild_id = ?",
                                       (guild_id,))
        return {Kind(r["kind"]): int(r["rule_id"]) for r in rows}

    async def record(self, guild_id: int, kind: Kind, rule_id: int) -> None:
        await self.db.execute(
            "INSERT INTO conduct_automod_rules (guild_id, kind, rule_id, synced_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (guild_id, kind) DO UPDATE SET rule_id = excluded.rule_id, synced_at = excluded.synced_at",
            (guild_id, kind.value, rule_id, to_db(self.clock.now())),
        )

    async def kind_of(self, guild_id: int, rule_id: int) -> Kind | None:
        value = await self.db.fetch_value(
            "SELECT kind FROM conduct_automod_rules WHERE guild_id = ? AND rule_id = ?", (guild_id, rule_id))
        return Kind(value) if value else None
