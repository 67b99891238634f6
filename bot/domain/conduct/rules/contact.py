"""Personal contact details, one's own or another person's: phone numbers, emails, home addresses, social handles,
"add me on WhatsApp". Public helplines and official services (988, 111, 116 123, a hospital switchboard) are not
personal details. Read in the `plain` view, where digits, "@" and "." keep their meaning.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from bot.domain.conduct.model import Action, Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.rules.base import RuleType, evidence_in_plain
from bot.domain.conduct.rules.context import clause
from bot.domain.conduct.rules.links import allowed_host
from bot.domain.conduct.settings import ResolvedSettings

A = Action

# Helplines and emergency numbers, as digits. A server adds its own with the rule's allow-list.
HELPLINES = frozenset({
    "988", "911", "999", "112", "111", "116123", "116111", "116117", "08001111", "0800585858", "03001233393",
    "08088084994", "08088020925", "0808802092", "131114", "1737", "0800543354", "741741", "85258", "18002738255",
    "8002738255", "18006624357", "8006624357", "18007997233", "8007997233", "08082000247", "1800247247",
    "0300304700", "03003047000", "116006", "0800689999", "08006899999", "18002221222", "8002221222", "08085000",
    "0800111", "0800800", "0800118", "0800068", "08452003", "08457909090", "0330094", "1300224636", "1800551800",
    "1300659467", "18009508", "8009508", "18006564673", "8006564673", "2738255", "0800138",
})
PHONE = re.compile(r"(?<![\w+£$€#/.,:])(?P<num>\+?\(?\d[\d ().\-]{5,20}\d)(?![\w%/.,:]?\d)(?!\s?(?:mg|ml|mcg|kg|g|lbs?|"
                   r"units?|iu|mmol|mmhg|bpm|steps|cals?|kcal|%|x|am|pm|hrs?|mins?|miles|km|years?|yrs?|days?|weeks?|"
                   r"months?|people|times|members)\b)")
_OFFICIAL = re.compile(
    r"\b(?:hospital|switchboard|helpline|help line|hotline|nhs|surgery|clinic|ward|samaritans|lifeline|crisis|"
    r"emergency|emergencies|poison|pharmacy|chemist|reception|appointments?|booking|support line|advice line|"
    r"council|charity|foundation|trust|service|services|centre|center|office|department|dept|unit|a&e|gp|"
    r"practice|team|police|ambulance|text line|textline|freephone|free phone|24/7|24 hours|hotline|line is|"
    r"free to call|helplines|number for|switch board|reception|rehab|hospice|maternity|midwives|triage)\b"
)
_PERSONAL_CUE = re.compile(
    r"\b(?:call|text|ring|phone|whatsapp|message|msg|reach|contact|number|mobile|cell|digits|email|e-mail|"
    r"mail|add|hmu|hit me up)\b"
)
# Tried only where a run of name characters begins: a long run with no "@" is then one try, not one per character.
EMAIL = re.compile(r"(?P<hit>(?<![a-z0-9._%+\-])[a-z0-9._%+\-]+@(?P<host>[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}))")
# "I live at 14 Elm Road", "come round to 3 the mews" with a postcode or a cue, or a capitalised street name
STREET = re.compile(
    r"\b(?P<hit>\d{1,5}[a-z]?,? (?:[a-z'\-]+ ){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|crescent|"
    r"way|court|ct|place|pl|boulevard|blvd|terrace|grove|gardens|mews|square|parade|hill|row|walk|park))\b"
)
POSTCODE = re.compile(r"\b(?P<hit>[a-z]{1,2}\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2})\b")
_ADDRESS_CUE = re.compile(
    r"\b(?:i live|we live|live at|live on|lives at|my address|home address|her address|his address|address is|"
    r"my house|my flat|my place|come (?:round|over|to)|pop (?:round|over)|postcode|post code|zip|flat \d|"
    r"apartment|apt)\b"
)
_APPS = (r"whatsapp|whats app|snap(?:chat)?|insta(?:gram)?|ig|tiktok|tik tok|twitter|telegram|kik|facebook|fb|"
         r"signal|messenger|wechat|line app|skype|viber|threads|bluesky|reddit|onlyfans|tumblr")
HANDLE = re.compile(
    r"\b(?P<hit>(?:add|message|msg|text|dm|follow|find|friend|hmu|hit me up|reach|contact|talk to|chat to|"
    r"chat with)(?: me| her| him| them)? (?:on|at|via|over) (?:" + _APPS + r")\b"
    r"|(?:my|her|his|their) (?:" + _APPS + r") (?:is|=|:|-) ?@?(?=[a-z0-9_.]*[0-9_.])[a-z0-9_.]{3,30}"
    r"|(?:my|her|his|their) (?:(?:" + _APPS + r") )?(?:name|handle|username|user name|id|account|@) (?:is|=|:|-) ?@?"
    r"[a-z0-9_.]{3,30}"
    r"|(?:" + _APPS + r")\W{1,3}@[a-z0-9_.]{3,30}"
    r"|(?:follow|add) me\W{1,3}@[a-z0-9_.]{3,30})"
)


def _official(text: str, start: int, end: int) -> bool:
    left, right = clause(text, start, end)
    starts = _official_starts(text)
    first = bisect_left(starts, max(0, left - 60))
    return first < len(starts) and starts[first] < min(len(text), right + 40)


@lru_cache(maxsize=16)
def _official_starts(text: str) -> tuple[int, ...]:
    """Where the words of official services begin: found once per message, however many numbers it holds."""
    return tuple(m.start() for m in _OFFICIAL.finditer(text))


class ContactDetails(RuleType):
    name = "contact_details"
    title = "Personal contact details"
    reminder = ("For everyone's safety and privacy, personal contact details (phone numbers, emails, addresses, "
                "social media) aren't shared in the group, yours or anyone else's. Public helplines and official "
                "services are always fine to share.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.NUDGE), (A.HIDE, A.NUDGE), (A.HIDE, A.WARN)))
    cues = (("@*", "whatsapp", "whats app", "snap*", "insta*", "ig", "tiktok", "tik tok", "twitter", "telegram",
             "kik", "facebook", "fb", "signal", "messenger", "wechat", "skype", "viber", "threads", "bluesky",
             "onlyfans", "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "close",
             "crescent", "way", "court", "place", "boulevard", "blvd", "terrace", "grove", "gardens", "mews",
             "square", "parade", "postcode", "post code", "zip", "live", "address", "handle", "username"),)

    def wanted(self, found: frozenset[str], folded: Folded, ctx: MessageContext) -> bool:
        # Seven digits or more make a phone number possible; counting them is one C pass.
        return not found.isdisjoint(self.cue_sets[0]) or sum(map(folded.plain.count, "0123456789")) >= 7

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        text = folded.plain
        found: list[Evidence] = []
        allow_digits = {e.translate(_KEEP_DIGITS) for e in settings.allow} - {""}
        for match in PHONE.finditer(text):
            start, end = match.span("num")
            number = match.group("num")
            digits = "".join(c for c in number if c.isdigit())
            if not _phone_shaped(number, digits, text, start, end) or digits in HELPLINES or digits in allow_digits:
                continue
            if any(digits.endswith(h) and len(digits) - len(h) <= 3 for h in HELPLINES if len(h) >= 6):
                continue  # a helpline written with a country code
            if _official(text, start, end):
                continue
            found.append(evidence_in_plain(folded, match, "a phone number", "num"))
        for match in EMAIL.finditer(text):
            if allowed_host(match.group("host"), settings.allow) or _official(text, *match.span()):
                continue
            found.append(evidence_in_plain(folded, match, "an email address", "hit"))
        cued = _ADDRESS_CUE.search(text) is not None  # once for the message, not once a match
        postcode = cued or POSTCODE.search(text) is not None
        for match in STREET.finditer(text):
            start, end = match.span("hit")
            original = folded.original[slice(*folded.from_plain(start, end))]
            typed_as_address = re.search(r"\d+[a-z]?,? (?:[A-Z][\w'\-]* ){1,3}[A-Z]", original) is not None
            if _official(text, start, end) or not (typed_as_address or postcode):
                continue
            found.append(evidence_in_plain(folded, match, "a street address", "hit"))
        if cued and not any(e.reason == "a street address" for e in found):
            for match in POSTCODE.finditer(text):
                if not _official(text, *match.span()):
                    found.append(evidence_in_plain(folded, match, "a postcode", "hit"))
        for match in HANDLE.finditer(text):
            if settings.allows(match.group()):
                continue
            found.append(evidence_in_plain(folded, match, "a social media handle or an invitation to add someone",
                                           "hit"))
        return found


_KEEP_DIGITS = str.maketrans("", "", "".join(chr(c) for c in range(128) if not chr(c).isdigit()))


def _phone_shaped(number: str, digits: str, text: str, start: int, end: int) -> bool:
    """Digits that look like a phone number, not a date, a range, a reading or a reference."""
    if not 7 <= len(digits) <= 15:
        return False
    if re.fullmatch(r"\d{4} ?- ?\d{4}|\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}|\d{1,3}(?:\.\d+)+", number):
        return False  # 2019-2021, 12.03.2024, 1.2.3.4
    groups = [len(g) for g in re.split(r"[ ().\-]+", number) if g]
    if 1 in groups and max(groups) > 1 and not number.startswith("+"):
        return False  # "60 60 24 7 365": counts, not a number to ring
    if number.startswith(("+", "0", "(")) or len(digits) >= 10:
        return True
    left, right = clause(text, start, end)
    return len(digits) >= 7 and (re.fullmatch(r"\d{3}[\-. ]\d{4}", number) is not None
                                 or _PERSONAL_CUE.search(text, max(0, left - 30), min(len(text), right)) is not None)
