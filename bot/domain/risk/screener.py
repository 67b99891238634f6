"""The risk screener: one message in, a tier with categories and evidence out. Pure and fast.

How a message is read:
1. Normalise (lower case, straight apostrophes), keeping character offsets so evidence points at the original.
2. Find every rule match (rules.py), each within its clause (sentences split on . ! ? ; and line breaks).
3. Set aside matches that do not describe the writer's current state:
   negated ("I'm not suicidal"), hyperbole ("want to die of embarrassment lol"), second person and advice
   ("if you ever feel suicidal call 988"), information ("suicide prevention"), and history without a present
   sign ("I was suicidal two years ago").
4. Attribute what is left to the writer or to a third person ("my sister says she wants to die").
5. Decide the tier from the kinds found, following the tier definitions in shared/data/risk/README.md.
6. Let the second look (second_look.py) weigh a concern's words against the labelled cases; it may raise the tier.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import NamedTuple, Protocol

from bot.domain.conduct.normalise import Folded, fold_plain
from bot.domain.risk.gate import Check, Gate
from bot.domain.risk.model import Category, Evidence, Screening, Tier
from bot.domain.risk.rules import RULES, Kind, Rule
from bot.domain.risk.second_look import SecondLook
from bot.domain.risk.second_look import default as default_second_look
from bot.domain.risk.text import normalise
from bot.domain.risk.textspeak import spell_out

_CLAUSE_END = re.compile(r"[.!?;\n]+|\bbut\b")
_TOKEN = re.compile(r"[\w']+")
_NEGATORS = {"not", "never", "dont", "don't", "didnt", "didn't", "wont", "won't", "wouldnt", "wouldn't",
             "isnt", "isn't", "arent", "aren't", "cant", "can't", "no", "nor", "without", "stop", "stopped",
             "longer", "hardly"}
# Words that may stand between a negator and what it negates: "not going to", "never really", "I'm not".
_NEGATION_GLUE = {"i", "im", "i'm", "am", "really", "actually", "even", "going", "gonna", "to", "would", "will",
                  "ever", "feel", "feeling", "be", "been", "was", "that", "so", "at", "all", "anymore", "just",
                  "do", "want", "wanna", "any", "currently", "thinking", "of", "about", "planning", "trying",
                  "seriously", "truly", "honestly", "once", "thought", "considered", "a", "an", "single"}
_HYPERBOLE_AFTER = Check(
    r"^[^.!?\n]{0,35}?(?:\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe|jk|xd)\b|[😂🤣💀😆😅🙃😭]|"
    r"\bof (?:embarrassment|shame|laughter|cringe|boredom|heat|cuteness)\b|\blaughing\b)"
)
_HYPERBOLE_BEFORE = Check(r"(?:\b(?:lol|lmao|lmfao|haha\w*|omg)\b|[😂🤣💀😆😅])[^.!?\n]{0,15}$")
# Everyday nuisances that people say make them want to die, and mean only that they are fed up: "this queue makes me
# want to die". Not a job, an illness, pain or a person, which may be exactly what they mean.
_TRIVIAL_CAUSE = Check(
    r"\b(?:this|that|the|my|these|those)\s+(?:\w+\s+)?(?:exams?|test|homework|revision|essay|meeting|meetings|commute|"
    r"queue|traffic|diet|heat|weather|rain|wifi|internet|printer|laptop|song|advert|show|series|game|match|ref|referee|"
    r"tax return|paperwork|forms?|admin|emails?|inbox|hangover|toothache|playlist|ringtone|spreadsheet|presentation|"
    r"assignment|deadline|traffic jam|roadworks|hold music|parking)\b(?:\s+\w+){0,2}\s+"
    r"(?:is|are|was|were|makes?|made|has|have|got)\b[^.?!]{0,20}$"
)
# "I could kill myself for forgetting her birthday"
_IDIOM = Check(
    r"\bcould (?:just |have )?(?:kill|kick|slap|strangle|murder|shoot) (?:myself|him|her|them|you)\b"
    r"[^.!?\n]{0,10}\bfor\b"
    r"|\bhill (?:\w+ ){0,4}(?:want|wants|willing|ready|prepared) to die on\b"
    r"|\b(?:\w+ ){0,3}die on (?:this|that|the|a) hill\b"
    r"|\b(?:telling|told|tell|tells) me (?:to (?:kill myself|kms|die)|(?:that )?i should die)\b"
    r"|\b(?:nearly|almost) killed myself\b(?=[^.!?\n]{0,30}\b(?:falling|fell|tripping|tripped|laughing|slipp\w*|"
    r"on the (?:stairs|ice|bike)|running|cycling|gym)\b)"
    # devotion: "I'd jump off a cliff for my kids"
    r"|\b(?:i'd|id|i would|would) (?:happily |gladly |honestly )?(?:jump off a (?:cliff|bridge)|take a bullet|die|"
    r"walk through fire|step in front of a (?:bus|train)) for (?:my|you|them|him|her|our|any of you)\b"
)
_SECOND_PERSON = Check(
    # "if anyone will listen" is a request, not advice
    r"\b(?:if|when|whenever) (?:you|u|anyone|someone|somebody|people|they)(?! (?:will|wants? to|can|could|would|is|"
    r"has) (?:listen|talk|read|help|chat|up|around|awake|free|time)\b)(?:'re| are| ever| start| feel| have|'ve)?"
    r"|\b(?:do|have|are|did|were) (?:you|u) (?:ever )?(?:feel|felt|had|been|thought|have|having|feeling)\b"
    r"|\b(?:asked|asks|asking) (?:me )?(?:(?:if|whether) i|about)\b"
    r"|\b(?:a lot of|lots of|many of|most of|some of) (?:our |the |my )?(?:members|people|us|carers|parents|patients|"
    r"clients|mums|dads|survivors)\b|\b(?:many|most) (?:our )?(?:members|carers|parents|patients|clients|survivors)\b"
    r"|\bto (?:anyone|everyone|those|all of you) (?:with|who|having|struggling|that)\b"
    r"|\bfor (?:anyone|everyone|those) (?:new|who|that|struggling)\b|\bwhatever you're feeling\b"
    r"|\bwho(?:'s| is) (?:thinking|struggling|feeling|suffering)\b"
    r"|\b(?:does|did|has|is|why is|why does) your (?:son|daughter|brother|sister|mum|mom|dad|friend|partner|husband|"
    r"wife|boyfriend|girlfriend|kid|child)\b"
    r"|\b(?:you|u) (?:should|can|could|might|may|need to|must|have to) (?:call|text|reach|talk|contact|get)\b"
    r"|\b(?:tips|advice|ideas|help) (?:for|on|with) (?:talking to|helping|supporting|approaching|coping with)\b"
    r"|\b(?:feel|felt|feeling) like (?:you're|you are|ur)\b"
    r"|\b(?:make|makes|made|making) (?:people|someone|anyone|everyone|us|you) (?:feel|think)\b"
    r"|\b(?:someone|somebody|anyone|people|a person|those|others|loved ones?) (?:who|that) (?:is|are|was|feels?|"
    r"has|have)\b|\bhow (?:do|can|should|would) (?:i|we|you) (?:help|support|talk to|approach)\b"
)
# Words that say nothing of what a laugh might be about
_FILLER = frozenset({
    "lol", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "jk", "xd", "omg", "tbh", "ngl", "honestly", "just", "so",
    "like", "i", "im", "i'm", "me", "rn", "fr", "literally", "actually", "really", "tho", "though", "and", "but", "idk",
    "kinda", "now", "tonight", "today", "too", "all", "it",
})


def _bare(norm: str, start: int, end: int) -> bool:
    """Does the message say nothing beyond the match but laughs and filler?"""
    rest = _TOKEN.findall(norm[:start]) + _TOKEN.findall(norm[end:])
    return sum(1 for word in rest if word not in _FILLER and not word.startswith("haha")) < 3


_NEVER_A_JOKE = re.compile(r"wake|exist|better off|burden|funeral|not be here|be gone|notice if i")
_HABITUAL = Check(r"\b(?:every (?:day|night|morning)|all the time|constantly|most days|most nights|lately)\b")
# Practice and training ("we practised giving naloxone on a dummy"), and an emergency that has passed.
_TRAINING = Check(r"\b(?:practi[sc]\w*|training|trained|workshop|course|class|dummy|mannequin|drill|taught|teach\w*"
                  r"|learn(?:ed|t|ing) (?:about|the|how)|(?:warning )?signs (?:of|are|to (?:look|watch)))\b")
_RESOLVED = Check(r"\bturned out (?:to be|it was)\b|\b(?:all|it's|its|he's|she's|i'm) (?:fine|ok|okay) now\b"
                       r"|\b(?:said|say|says) (?:she's|he's|she is|he is|it's|they're|she'll be|he'll be) "
                       r"(?:fine|ok|okay)\b"
                       r"|\bwas (?:just|only) (?:a |an )?(?:panic|anxiety|heartburn|indigestion|muscle)"
                       r"|\b(?:came|come|went|gone) (?:back )?down (?:with|after)\b|\bwarmed (?:her|him|them) up and\b"
                       r"|\b(?:levels?|it|temp|temperature|fever|numbers?|readings?)(?: are| is|'s| were| was)? "
                       r"(?:coming|going|come|gone) down\b"
                       r"|\b(?:team|gp|nurses?|doctors?|paramedics|hospital|midwife|consultant) (?:have |has )?"
                       r"(?:sorted|fixed|treated|dealt with|adjusted)\b"
                       r"|\b(?:it's|it was|its) (?:just|only) (?:a )?(?:virus|cold|bug|teething|reflux|growing pains)\b"
                       r"|\b(?:faded|fades|blanched|blanches|disappeared|went away) (?:with|under|when)\b"
                       r"|\bback to (?:himself|herself|themselves|myself|normal)\b"
                       r"|\b(?:inhaler|nebuli[sz]er|antihistamine|piriton|epi ?pen|calpol) "
                       r"(?:sorted|fixed|settled|worked|helped)"
                       r"|\b(?:she's|he's|they're) (?:playing|eating|laughing) (?:now|again)\b"
                       r"|\bsaid (?:it's|its|it is|it was) (?:viral|a virus|nothing serious|nothing to worry)"
                       r"|\b(?:and|but) (?:she's|he's|they're|she is|he is) (?:fine|ok|okay|alright|all right)"
                       r"(?: now)?\W*$")
# A condition to watch for, not a report: "call if my temp goes over 38 after chemo".
_CONDITIONAL = Check(r"\b(?:if|in case|when|unless) (?:my|your|his|her|their|the|a|you|he|she|they) "
                          r"(?:\w+ )?(?:temp|temperature|fever|sugar|bleeding|gets?|goes|has|have|develops?)\b")
# "...ring if my temp went over 38, and it's 38.4": a reading given now makes the condition a report
_READING_NOW = Check(r"\b(?:it's|its|it is|now|currently|just|it's now|it's gone up to|it's at|reading) "
                     r"(?:at |reading )?(?:3[89]|4[01]|10[0-4])(?:\.\d)?\b")
_INFORMATION = Check(
    r"\b(?:suicide|crisis|samaritans|lifeline) (?:prevention|hotline|helpline|line|awareness|lifeline|squad|"
    r"rates?|statistics|training|text line)\b|\b(?:988|116 ?123|13 ?11 ?14|741741)\b|\bsafe ?messaging\b"
    r"|\b(?:article|documentary|drama|programme|play|book|movie|film|show|episode|podcast|song|news|study|research) "
    r"(?:about|on)\b"
    r"|\b(?:the|a|this|that|tonight's|today's|our|next|last) (?:\w+ )?(?:film|movie|book|novel|series|documentary|"
    r"session|training|course|workshop|webinar|module|leaflet|poster|episode|talk|meeting|group|class)(?: \w+)?"
    r"(?: (?:was|is|'s|will be|has moved))? "
    r"(?:about|on)\b"
    r"|\b(?:signs|warning signs) (?:that )?(?:someone|a person|somebody|your \w+|a friend)\b"
    r"|\btakes? (?:courage|guts|strength|bravery) to (?:talk|speak|open up|share)\b"
    r"|\b(?:tonight's|today's|this week's|next week's|our|the|meeting|session|group) (?:topic|theme)\b"
    r"|\b(?:workshop|session|training|course|webinar|topic|theme)(?: \w+)?:"
    r"|\bsupporting (?:a|your|someone|my|our) (?:\w+ )?who\b"
    r"|\b(?:therapist|doctor|gp|midwife|nurse|health visitor|counsellor|psychiatrist|consultant) (?:says|said|told me|"
    r"explained)\b[^.?!]{0,80}\b(?:common|normal)\b"
    r"|\b(?:feeling|being|having) (?:suicidal|suicidal thoughts|thoughts of suicide|depressed)\b (?:is|isn't|is not|"
    r"doesn't|does not|can be)\b"
)
# Words of support to someone else: beside them, a passive wish or distress is shared experience, not a disclosure
_SUPPORT = Check(r"\b(?:hang in there|it (?:does|will) pass|it gets better|you're not alone|you are not alone"
                 r"|we're here for you|sending (?:love|hugs)|(?:it|things) (?:did get|got|will get) better)\b")
_HISTORY = Check(
    r"\b(?:\d+|a few|a couple of|two|three|four|five|ten|many|several) (?:years?|months?|weeks?) ago\b"
    r"|\bused to\b|\bback (?:then|when|in (?:19|20)\d\d)\b|\bin the past\b|\bwhen i was (?:younger|a (?:kid|teen"
    r"|child|teenager)|in (?:high )?school|\d+)\b|\bas a (?:teen|teenager|kid)\b|\blast year\b|\bat my lowest\b"
    r"|\b(?:years?|months?|weeks?|days?) (?:clean|free)\b|\b(?:i'm|im) glad i (?:stayed|didn't|didnt|survived)\b"
    r"|\b(?:recovered|survived|survivor)\b"
    r"|\bwhen i was (?:suicidal|depressed|struggling|unwell|at my worst|in a (?:bad|dark) place)\b"
    r"|\bi remember (?:thinking|feeling|wanting|when)\b|\bin (?:my|her|his|their) (?:teens|twenties|youth|childhood)\b"
    r"|\b(?:when|after) (?:my|our|his|her) \w+ (?:took|tried|attempted|overdosed|died|hanged)\b"
    r"|\bi was in an? (?:abusive|violent|controlling) relationship\b"
    r"|\bafter (?:my|the|our) (?:\w+ ){0,2}(?:was stillborn|died|passed|diagnosis|divorce|loss|miscarriage)\b"
    r"|\bit's been (?:\d+|two|three|four|five|six|many|several) (?:years|months)\b"
    r"|\b(?:clean|free) (?:from|of) (?:self[- ]?harm|cutting|drugs|alcohol|drink)\b"
    r"|\b(?:back )?in (?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"|\bin (?:19|20)\d\d\b|\banniversary of\b"
    r"|\b(?:a|one|over a|nearly a|almost a|\d+|two|three|four|five|six) (?:years?|months?) since (?:i|my) last\b"
)
_RECOVERY = Check(
    r"\b(?:volunteers?|volunteering|mentors?|mentoring|peer supporter|run (?:a|the|our) (?:\w+ ){0,2}group)\b|"
    r"\b(?:thriving|flourishing)\b|"
    r"\bdoing (?:so |really )?(?:well|great|brilliantly)\b|"
    r"\b(?:years?|months?|weeks?|days?) (?:free|clean|sober|strong)\b|\b(?:glad|grateful|thankful) (?:i|that i)"
    r" (?:stayed|didn't|didnt|survived|reached out|got help)\b|\bin recovery\b|\brecovered\b"
    r"|\bthe depression talking\b|\bi know (?:now|better now)\b|\b(?:i'm|im|i am) (?:free|out|safe) now\b"
    r"|\b(?:clean|free) (?:from|of) (?:self[- ]?harm|cutting|drugs|alcohol|drink) for\b|\band survived\b"
    r"|\b(?:glad|grateful|thankful|happy) (?:i'm|im|i am|to be) still (?:here|alive)\b"
    r"|\bi (?:don't|dont) (?:think|feel|believe) that (?:anymore|any more|now)\b"
)
_RELAPSED = Check(r"\b(?:relapsed|used again|using again|picked up again|shot up again|drinking again|cutting again|"
                  r"broke (?:my )?\d+ (?:days?|weeks?|months?)|thinking (?:about|of) using|(?:want|going|gonna) to "
                  r"use)\b")
_PRESENT = Check(
    r"\b(?:again|now|lately|recently|these days|still|tonight|today|this (?:week|morning|evening)|last night|"
    r"every (?:day|night|morning)|all the time|constantly|suddenly|"
    r"yesterday|anymore|any more|right now|currently|keeps saying|keeps talking|(?:has|have|'s|'ve) been saying|"
    r"i wish|i (?:just |really |still )?(?:want|wanna)|"
    r"when (?:he|she|they)(?:'s| is|'re| are| has| have| gets?)? (?:been )?(?:drinking|drunk|using|high|angry))\b"
)
_THIRD_SUBJECT = re.compile(
    r"\b(?:he|she|they|him|her|them|his|their|he's|she's|they're|hes|shes)\b|\bmy (?:\w+ )?(?:son|daughter|kid|"
    r"child|teen|sister|brother|mom|mum|mother|dad|father|husband|wife|partner|boyfriend|girlfriend|friend|"
    r"bestie|cousin|aunt|uncle|grandma|grandpa|niece|nephew|roommate|flatmate|mentee|client|patient|sponsee|"
    r"\d+ ?(?:yo|year old|yr old))\b"
)
# "me" after a verb of telling is the listener, not the subject: "my 8 year old asked me how many pills..."
_FIRST_SUBJECT = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|id|i'll|(?<!asked )(?<!told )(?<!tells )(?<!texted )"
                            r"(?<!showed )(?<!messaged )me|myself|my self)\b")

# Reported speech: "my son told me he doesn't see the point in living". What follows the pronoun is read again as
# if they had said it themselves ("I don't see the point in living"), so that every first-person rule also covers
# what someone says about themselves.
_REPORTED = Check(r"\b(?:said|says|saying|told me|tells me|telling me|texted|messaged|wrote|posted|admitted|confided|"
                  r"keeps saying|kept saying|has been saying|talks about|keeps talking about|posting about how|"
                  r"(?:rang|called|phoned|rung) (?:me |us )?to say|"
                  r"(?:told|tells|telling) (?:us|everyone|someone|(?:the|his|her|their|my) \w+(?: \w+)?))"
                  r"(?: to me)?(?: that)? "
                  r"(?P<speech>(?:he|she|they|everyone|everybody|nobody|no one|people|tonight|today|tomorrow|this is|"
                  r"goodbye|bye)\b[^.!?\n]*)")
_GENERIC_SPEAKER = re.compile(r"\b(?:if|when|whenever) (?:someone|anyone|somebody|people|a person|a friend|a member|"
                              r"they|your \w+)\s*$")
_FIRST_PERSON = {
    "he": "i", "she": "i", "they": "i", "him": "me", "her": "my", "them": "me", "his": "my", "their": "my",
    "himself": "myself", "herself": "myself", "themselves": "myself", "themself": "myself", "he's": "i'm",
    "she's": "i'm", "they're": "i'm", "hes": "im", "shes": "im", "he'd": "i'd", "she'd": "i'd", "they'd": "i'd",
    "he'll": "i'll", "she'll": "i'll", "they'll": "i'll", "wants": "want", "wishes": "wish", "doesn't": "don't",
    "doesnt": "dont", "does": "do", "has": "have", "hasn't": "haven't", "hasnt": "havent", "feels": "feel",
    "thinks": "think", "keeps": "keep", "needs": "need", "hates": "hate", "hopes": "hope", "plans": "plan",
    "knows": "know", "tries": "try", "takes": "take", "is": "am", "isn't": "am not", "isnt": "am not",
}


_FIRST_PERSON_NOT_BE = {word: first for word, first in _FIRST_PERSON.items() if word not in ("is", "isn't", "isnt")}


def _in_first_person(speech: str) -> str:
    """ "she's been cutting herself" -> "i'm been cutting myself": rough, but the rules only need the words. "is"
    changes only in what begins with a pronoun: "she is going to" -> "i am going to", but "tonight is the night"."""
    table = _FIRST_PERSON if speech.startswith(("he", "she", "they")) else _FIRST_PERSON_NOT_BE
    return _TOKEN.sub(lambda m: table.get(m.group(), m.group()), speech)


_GATE = Gate(RULES, [_REPORTED, _HYPERBOLE_AFTER, _HYPERBOLE_BEFORE, _TRIVIAL_CAUSE, _IDIOM, _HABITUAL, _SECOND_PERSON,
                     _TRAINING, _RESOLVED, _CONDITIONAL, _READING_NOW, _INFORMATION, _SUPPORT, _HISTORY, _RECOVERY,
                     _RELAPSED, _PRESENT])
_NOTHING = Screening(Tier.NONE)
_CATEGORY_ORDER = tuple(Category)  # iterating the enum itself is slow

_PERSONAL = {Kind.IDEATION, Kind.PASSIVE, Kind.ATTEMPT, Kind.SELF_HARM, Kind.SELF_HARM_SEVERE, Kind.PLAN,
             Kind.RESOLVE}
# Kinds said of someone: "my dad won't be around much longer" is not the writer's own farewell
_ATTRIBUTED = _PERSONAL | {Kind.FINALITY}
_MODIFIERS = {Kind.PLAN, Kind.RESOLVE, Kind.MEANS, Kind.TIMEFRAME, Kind.PREPARATION, Kind.GOODBYE, Kind.FINALITY,
              Kind.GIVEAWAY, Kind.FAREWELL, Kind.SETTLED, Kind.PLACE}
_SOFT = {Kind.FAREWELL, Kind.SETTLED, Kind.PLACE}
_CONTEXT_ONLY = {Kind.MEANS, Kind.TIMEFRAME}
_PLAN_ONLY = {Kind.PLAN, Kind.RESOLVE, Kind.MEANS, Kind.TIMEFRAME}
# What turns a wish to die into a crisis: a plan, a method, preparations, goodbyes, talk of not being around.
_ESCALATORS = {Kind.PLAN, Kind.RESOLVE, Kind.MEANS, Kind.PREPARATION, Kind.GOODBYE, Kind.FINALITY, Kind.GIVEAWAY,
               Kind.SETTLED, Kind.PLACE}
# Kinds whose matches can be hyperbole, advice, information or history.
_DISCOUNTABLE = _PERSONAL | _SOFT | {Kind.THIRD_PERSON_RISK, Kind.THIRD_PERSON_DANGER, Kind.DISTRESS,
                                     Kind.POSTPARTUM_HARM, Kind.MEDICAL_NOW, Kind.MEDICAL_FLAG, Kind.ABUSE,
                                     Kind.RELAPSE, Kind.SUBSTANCE_EMERGENCY}


class _Hit(NamedTuple):
    kind: Kind
    start: int
    end: int
    third_person: bool = False


class SecondStage(Protocol):
    """An optional model that may raise or lower the first stage's tier; the default screener needs none."""

    def review(self, text: str, first: Screening) -> Screening: ...


class _Reading:
    """One message being read: its clause breaks, found once, and the checks already made on each clause."""

    def __init__(self, norm: str, met: int) -> None:
        self.norm = norm
        self.met = met  # the gate's requirement bits: which checks can hold anywhere in the message
        self._starts: list[int] = []
        self._ends: list[int] | None = None  # found when first needed: most messages never ask
        self._checked: dict[tuple[Check, int, int], bool] = {}

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around norm[start:end]: from the last break before it to the first break after it."""
        if self._ends is None:
            breaks = [m.span() for m in _CLAUSE_END.finditer(self.norm)]
            self._starts = [b[0] for b in breaks]
            self._ends = [b[1] for b in breaks]
        before = bisect_right(self._ends, start)
        left = self._ends[before - 1] if before else 0
        after = bisect_left(self._starts, end)
        right = self._starts[after] if after < len(self._starts) else len(self.norm)
        return left, right

    def holds(self, check: Check, left: int, right: int) -> bool:
        """Does norm[left:right] match the check? Each clause is searched once per check."""
        if not check.possible(self.met):
            return False
        key = (check, left, right)
        if key not in self._checked:
            self._checked[key] = check.regex.search(self.norm[left:right]) is not None
        return self._checked[key]

    def search(self, check: Check, left: int, right: int) -> re.Match[str] | None:
        """The check's first match in norm[left:right] (a slice, so that ^ and $ mean its ends)."""
        return check.regex.search(self.norm[left:right]) if check.possible(self.met) else None


def _matches_at(pattern: re.Pattern[str], norm: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(norm) finds, trying only the sorted offsets where a match can begin."""
    reached = 0
    for start in starts:
        if start >= reached:
            match = pattern.match(norm, start)
            if match:
                yield match
                reached = match.end()


# Finality that speaks of the writer not being there ("no one will have to deal with me"), as opposed to a will
_NOT_AROUND = re.compile(r"(?i)\b(?:won'?t|will not|not going to|not gonna|no one|nobody|noone|(?:when|after|once) "
                         r"i'?m|not coming back|for good|forever)\b")
# Talk of not being around is a warning sign alone ("you won't have to worry about me much longer", "labelled with
# who it's for"), urgent at least. Affairs that anyone with a diagnosis may put in order (a will, insurance,
# passwords, cancelled appointments) are a concern alone.
_PRACTICAL = re.compile(r"(?i)\b(?:(?:my|a|the|new) will|insurance|funeral|passwords?|debts|accounts?|contracts?"
                        r"|subscriptions|phone|rent|bills|therapy|sessions|appointments|treatment"
                        r"|(?:anything|something) (?:happens|should happen))\b")
# ...unless the writer is leaving for somewhere: "you won't have me to nag you much longer, I'm moving to Leeds"
_DEPARTURE = re.compile(r"(?i)\b(?:mov(?:e|ed|ing)|leaving (?:the|this|our|my)|new job|retir\w*|emigrat\w*|maternity|"
                        r"holiday|travel\w*|stepping down|handing over|relocat\w*)\b")
_NO_PLAN = re.compile(r"(?i)\b(?:no plans?|not planning|(?:don't|dont|do not) have a plan|no intention|(?:won't|wont|"
                      r"wouldn't|wouldnt) act on|(?:i'd|id|i would) never (?:do it|act on)|not going to do anything)\b")
# Places people go to end their lives, as against a station or a platform, which everyone passes through
_HEIGHTS = re.compile(r"(?i)\b(?:cliffs?|bridge|viaduct|roof|rooftop|multi[- ]?storey|car park|tracks|railway line"
                      r"|beachy head|ledge)\b")
_DESPAIR = re.compile(r"(?i)\b(?:can'?t stop crying|crying|in tears|sobbing|can'?t do this|can'?t cope|no way out"
                      r"|hopeless|can'?t go on)\b")
_OF_WHAT = re.compile(r"(?i) of (?:the |a )?[\w-]+(?: [\w-]+)?")


def _of_what(text: str, end: int) -> int:
    """Where "the edge" ends, with what it is the edge of: "the edge of the car park"."""
    following = _OF_WHAT.match(text, end)
    return following.end() if following else end


_OUTING = re.compile(r"(?i)\b(?:with the (?:kids|dog|family|grandkids|girls|boys|lads)|picnic|fixing|repair\w*|club"
                     r"|to meet|for (?:a|the|lunch|dinner|tea|work)|having (?:a|lunch|dinner|tea|coffee|an ice)"
                     r"|gutters?|aerial|tiles?|photos?|view|sunset|sunrise|swim\w*|fishing|cycling|walking the dog"
                     r"|dog walk|birthday|holiday)\b")
_WATER = re.compile(r"(?i)\b(?:river|sea|canal|quarry|reservoir|weir|lake|loch)\b")
_HOPELESS = re.compile(r"(?i)\b(?:can'?t do this|can'?t go on|no way out|hopeless|nothing left"
                       r"|can'?t take (?:it|this|any more|anymore))\b")
# Means that someone brings with them, as against the drop or the traffic that the place itself is
_CARRIED = re.compile(r"(?i)\b(?:pills?|tablets?|meds|medication|painkillers|paracetamol|insulin|rope|noose|belt"
                      r"|knife|knives|blades?|razors?|gun|shotgun|rifle|pistol)\b")
_PAST_THOUGHT = re.compile(r"(?i)\b(?:thought|thoughts|been thinking|had thoughts|ideation|urges)\b")
_PERIOD = re.compile(r"(?i)this week|today|this morning|yesterday")
# Someone else at risk who took something is in danger now; "she hasn't taken her insulin" is not that
_TAKEN = re.compile(r"(?i)(?<!hasn't )(?<!hasnt )(?<!haven't )(?<!havent )(?<!hadn't )(?<!hadnt )(?<!not )(?<!never )"
                    r"(?:took|swallowed|taken)")
# "I'd be lying if I said I didn't want to die": the negation is itself denied
_DENIED_NEGATION = re.compile(r"\b(?:lying if i said|lie if i said|pretend(?:ing)? (?:that )?i|can'?t say i)\b")


def _negated(before: str) -> bool:
    if _DENIED_NEGATION.search(before):
        return False
    tokens = _TOKEN.findall(before)[-7:]
    for at in range(len(tokens) - 1, max(len(tokens) - 7, -1), -1):
        token = tokens[at]
        if token in _NEGATORS:
            # "I can't stop thinking about suicide" says the opposite of "I stopped thinking about it"
            return not (token in ("stop", "stopped") and at > 0 and tokens[at - 1] in _NEGATORS)
        if token not in _NEGATION_GLUE:
            return False
    return False


_PRESCRIBED = re.compile(r"(?i)\b(?:upped|changed|increased|reduced|lowered|doubled|halved|switched|prescribed|new|"
                         r"started|starting|weaning|tapering|skip|skipping|skipped|missing|missed)\s+"
                         r"(?:my |the |her |his |their )?(?:\w+ )?$")


class RiskScreener:
    """Stateless and thread-safe; build one and reuse it. The rules decide; the second look (second_look.py) may
    raise a concern they found; an optional second stage, such as a model, has the last word."""

    def __init__(self, second_stage: SecondStage | None = None, *, second_look: bool = True) -> None:
        self.second_stage = second_stage
        self.second_look: SecondLook | None = default_second_look() if second_look else None

    def screen(self, text: str) -> Screening:
        return self._screen_all(text, every_rule=False)

    def screen_with_every_rule(self, text: str) -> Screening:
        """The screener without the rule gate: the reference the gate is checked against."""
        return self._screen_all(text, every_rule=True)

    def _screen_all(self, text: str, every_rule: bool) -> Screening:
        text = text[:4000]  # Discord's own limit; keeps the worst case bounded
        first = self._read(text, every_rule)
        if not text.isascii():
            # Distress typed with invisible characters or look-alike letters ("I w\u200bant to dіe", small
            # capitals, full-width or bold letters) is read again as plain letters, the way conduct reads it, and
            # the higher reading kept, with its evidence put back on the characters typed.
            plain, edits = fold_plain(text)
            if edits is not None:
                again = self._read(plain, every_rule)
                if again.tier > first.tier:
                    first = _placed(Folded(text, plain, plain, edits, None), again)
        return self.second_stage.review(text, first) if self.second_stage else first

    def _read(self, text: str, every_rule: bool) -> Screening:
        norm = normalise(text)
        spelled = spell_out(norm)
        if spelled is None:
            return self._look(text, norm, every_rule)
        # "im gna end it 2nite": read as spelled out, with the evidence put back on the words typed
        return spelled.restore(text, self._look(spelled.text, spelled.text, every_rule))

    def _look(self, text: str, norm: str, every_rule: bool) -> Screening:
        """The rules, then the second look."""
        rules, met = _GATE.scan(norm)
        if every_rule:
            rules = [(rule, None) for rule in RULES]
        first = self._screen(text, norm, rules, met) if rules or _REPORTED.possible(met) else _NOTHING
        return self.second_look.review(text, first, norm) if self.second_look is not None else first

    def _screen(self, text: str, norm: str, rules: list[tuple[Rule, list[int] | None]], met: int) -> Screening:
        kept, discounted = self._collect(text, norm, rules, met)
        if _REPORTED.possible(met):
            kept += self._reported(norm)
        return self._decide(text, kept, discounted)

    def _reported(self, norm: str) -> list[_Hit]:
        """What people are said to have said about themselves, read in the first person (see _REPORTED)."""
        found = []
        for match in _REPORTED.regex.finditer(norm):
            if _GENERIC_SPEAKER.search(norm, max(0, match.start() - 40), match.start()):
                continue  # "what to do if someone says they want to die" is training, not a report
            speech = _in_first_person(match.group("speech"))
            rules, met = _GATE.scan(speech)
            if not rules:
                continue
            hits = [h for h in self._collect(speech, speech, rules, met)[0] if not h.third_person]
            if not {h.kind for h in hits} - _PLAN_ONLY:  # "he says he's going to do it tonight" could be anything
                continue
            said = self._decide(speech, hits, [])
            if said.tier < Tier.URGENT:
                continue
            crisis = said.tier is Tier.CRISIS
            if {Category.SUICIDAL_IDEATION, Category.SELF_HARM} & set(said.categories):
                kind = Kind.THIRD_PERSON_DANGER if crisis else Kind.THIRD_PERSON_RISK
            elif Category.MEDICAL_EMERGENCY in said.categories:
                kind = Kind.MEDICAL_NOW if crisis else Kind.MEDICAL_FLAG
            elif Category.ABUSE_VIOLENCE in said.categories:
                kind = Kind.ABUSE_DANGER if crisis else Kind.ABUSE
            elif Category.SUBSTANCE_EMERGENCY in said.categories:
                kind = Kind.SUBSTANCE_EMERGENCY
            else:
                continue
            found.append(_Hit(kind, match.start(), match.end()))
        return found

    def _collect(self, text: str, norm: str, rules: list[tuple[Rule, list[int] | None]],
                 met: int) -> tuple[list[_Hit], list[Evidence]]:
        """Every rule match, kept or set aside (with why)."""
        reading = _Reading(norm, met)
        kept: list[_Hit] = []
        discounted: list[Evidence] = []
        # A method or a time named alone changes nothing ("tonight", "pills"), so those rules wait until some other
        # rule has found something.
        for rule, starts in sorted(rules, key=lambda pair: pair[0].kind in _CONTEXT_ONLY):  # stable: order kept
            if rule.kind in _CONTEXT_ONLY and not kept:
                break
            for match in rule.pattern.finditer(norm) if starts is None else _matches_at(rule.pattern, norm, starts):
                start, end = match.span()
                if rule.before is not None:
                    lead = rule.before.search(norm, max(0, start - 80), start)
                    if lead is None:
                        continue
                    start = lead.start()
                reason = self._discount_reason(rule.kind, reading, start, end)
                if reason:
                    discounted.append(Evidence(start, end, text[start:end], f"{rule.kind.value}: {reason}"))
                    continue
                third = rule.kind in _ATTRIBUTED and self._third_person(reading, start, end)
                kept.append(_Hit(rule.kind, start, end, third))
        return kept, discounted

    def _discount_reason(self, kind: Kind, reading: _Reading, start: int, end: int) -> str | None:
        if kind not in _DISCOUNTABLE:
            return None
        norm = reading.norm
        left, right = reading.clause(start, end)
        whole = len(norm)
        # "I can't, I can't do this anymore": a negation repeated from inside the match is emphasis
        if _negated(norm[max(left, start - 80):start]) and not _NEGATORS.intersection(
                _TOKEN.findall(norm[start:min(end, start + 10)])):
            return "negated"
        # a laugh beside an attempt may be nerves; an attempt is never waved away as a joke; "this queue makes me want
        # to die" is about the queue
        joking = (reading.search(_HYPERBOLE_AFTER, end, end + 40)
                  or (kind in (Kind.IDEATION, Kind.PASSIVE)
                      and reading.search(_TRIVIAL_CAUSE, max(left, start - 50), start))
                  or reading.search(_HYPERBOLE_BEFORE, max(left, start - 30), start)
                  or (kind in _PERSONAL and self._idiom(reading, left, right, start, end)))
        # A laugh beside a wish that comes every day is a mask, not a joke ("lol i just want to die every day 🙃"), and
        # nobody says they would rather not wake up, or that everyone would be better off, for a laugh.
        # A laugh with nothing else said, no exam or email for the joke to be about ("i wanna die lol"), is a mask too.
        if joking and kind not in (Kind.ATTEMPT, Kind.SELF_HARM_SEVERE) and not (kind in _PERSONAL and (
                reading.holds(_HABITUAL, left, right) or _NEVER_A_JOKE.search(norm, start, end)
                or _bare(norm, start, end))):
            return "hyperbole or idiom"
        medical = kind in (Kind.MEDICAL_FLAG, Kind.MEDICAL_NOW)
        if medical and reading.holds(_CONDITIONAL, left, right) and not reading.holds(_READING_NOW, 0, whole):
            return "a condition to watch for, not a report"
        if (medical or kind is Kind.SUBSTANCE_EMERGENCY) and reading.holds(_TRAINING, left, right):
            return "practice or training"
        if medical and reading.holds(_RESOLVED, 0, whole):
            return "an emergency that has passed"
        # A farewell is addressed to others by nature ("if you don't hear from me, it's been lovely knowing you").
        # Anywhere in the clause, "you" can make a statement advice ("suicidal thoughts are common if you're
        # depressed"), but not one the writer makes of themselves ("I'm going to kill myself tonight ... if anyone
        # even sees this"), which messages without punctuation run into one clause.
        if kind not in _SOFT and (reading.search(_SECOND_PERSON, left, start) or (
                kind in _PERSONAL | {Kind.DISTRESS} and not _FIRST_SUBJECT.search(norm, max(left, start - 12), end)
                and reading.holds(_SECOND_PERSON, left, right))):
            return "addressed to someone else, or advice"
        if reading.holds(_INFORMATION, left, right):
            return "information or resources"
        if kind in (Kind.PASSIVE, Kind.DISTRESS) and reading.holds(_SUPPORT, 0, whole):
            return "a supportive reply"
        # a relapse is news even when clean time is mentioned ("I relapsed after 4 months clean"), and so is what
        # happens right after one ("...my tolerance is gone and I've used my usual amount")
        relapsed = kind in _PERSONAL | {Kind.SUBSTANCE_EMERGENCY} and reading.holds(_RELAPSED, 0, whole)
        if kind not in (Kind.MEDICAL_NOW, Kind.RELAPSE) and not relapsed and reading.holds(_HISTORY, left, right):
            if reading.holds(_RECOVERY, 0, whole):
                return "a recovery story"
            if not reading.holds(_PRESENT, 0, whole):
                return "in the past, with no sign it is happening now"
        return None

    @staticmethod
    def _idiom(reading: _Reading, left: int, right: int, start: int, end: int) -> bool:
        """Is norm[start:end] inside an idiom such as "I could kill myself for forgetting"?"""
        if not reading.holds(_IDIOM, left, right):
            return False
        clause = reading.norm[left:right]
        return any(left + m.start() <= start and end <= left + m.end() for m in _IDIOM.regex.finditer(clause))

    @staticmethod
    def _third_person(reading: _Reading, start: int, end: int) -> bool:
        norm = reading.norm
        matched = norm[start:end]
        if re.search(r"\b(?:him|her|them)sel(?:f|ves)\b|\bthemself\b|\bwants\b|\bwishes\b", matched):
            return True
        if _FIRST_SUBJECT.search(matched):
            return False
        left, _ = reading.clause(start, end)
        before = norm[left:start]
        third = list(_THIRD_SUBJECT.finditer(before))
        first = list(_FIRST_SUBJECT.finditer(before))
        return bool(third) and (not first or third[-1].start() > first[-1].start())

    @staticmethod
    def _farewell(text: str, hits: list[_Hit], kinds: set[Kind]) -> bool:
        """Soft signs that together read as a farewell. Thanks and love alone end many chats ("thanks for
        everything, love you all" when a course ends), so they count only beside a settled tone, a decision or a
        dangerous place. Being at the station counts only beside a farewell, a decision or talk of dying, never
        beside plain distress; sitting at the cliffs, a bridge or a roof in tears does."""
        # a place visited for something ("on the roof fixing the gutter", "at the cliffs with the kids") is no danger
        hits = [h for h in hits
                if h.kind is not Kind.PLACE or not _OUTING.search(text, h.start, min(len(text), h.end + 40))]
        if Kind.PLACE in kinds and not any(h.kind is Kind.PLACE for h in hits):
            kinds = kinds - {Kind.PLACE}
        settled = {(h.start, h.end) for h in hits if h.kind is Kind.SETTLED and not h.third_person}
        decided = kinds & {Kind.RESOLVE, Kind.FINALITY, Kind.GIVEAWAY, Kind.GOODBYE}
        if settled and (len(settled) >= 2 or decided or kinds & {Kind.FAREWELL, Kind.DISTRESS, Kind.PLACE}):
            return True
        farewells = {(h.start, h.end) for h in hits if h.kind is Kind.FAREWELL and not h.third_person}
        if farewells and (decided or Kind.PLACE in kinds):
            return True
        # ("on the edge of the car park": the height may follow the place matched)
        heights = [h for h in hits if h.kind is Kind.PLACE and _HEIGHTS.search(text, h.start, _of_what(text, h.end))]
        if heights and _DESPAIR.search(text):
            return True
        # by the river or the sea, only beside words stronger than tears: many walk there to cry
        if _HOPELESS.search(text) and any(h.kind is Kind.PLACE and _WATER.search(text, h.start, h.end) for h in hits):
            return True
        # at the cliffs with the pills: a means carried there, beside the height
        if heights and any(h.kind is Kind.MEANS and _CARRIED.search(text, h.start, h.end) for h in hits):
            return True
        return Kind.PLACE in kinds and bool(decided or kinds & {Kind.IDEATION, Kind.PASSIVE})

    def _decide(self, text: str, hits: list[_Hit], discounted: list[Evidence]) -> Screening:
        if not hits:
            return Screening(Tier.NONE, discounted=tuple(discounted)) if discounted else _NOTHING
        # one phrase is one sign: talk of not being around inside a death wish ("better off when I'm gone") does not
        # also escalate it
        wishes = [(h.start, h.end) for h in hits if h.kind in (Kind.IDEATION, Kind.PASSIVE)]
        if wishes:
            hits = [h for h in hits
                    if h.kind is not Kind.FINALITY or not any(s <= h.start and h.end <= e for s, e in wishes)]
        kinds = {h.kind for h in hits if not h.third_person}
        # someone else's plan alone ("my mum is going to kill me when she sees this") says nothing of risk
        third = ({h.kind for h in hits if h.third_person} - _MODIFIERS) | ({Kind.THIRD_PERSON_RISK,
                                                                          Kind.THIRD_PERSON_DANGER} & kinds)
        kinds -= {Kind.THIRD_PERSON_RISK, Kind.THIRD_PERSON_DANGER}
        tier = Tier.NONE
        categories: set[Category] = set()

        def raise_to(new: Tier, *cats: Category) -> None:
            nonlocal tier
            tier = max(tier, new)
            categories.update(cats)

        if kinds & {Kind.IDEATION, Kind.PASSIVE}:
            raise_to(Tier.URGENT, Category.SUICIDAL_IDEATION)
            # A timeframe makes active ideation a crisis ("I want to die tonight"); a passive wish that names a
            # day ("I hope I don't wake up tomorrow") stays urgent.
            escalators = _ESCALATORS | ({Kind.TIMEFRAME} if Kind.IDEATION in kinds else set())
            # "thoughts of suicide every day this week, no plan": a day or a method named beside a plain denial of any
            # plan leaves it urgent
            if _NO_PLAN.search(text):
                escalators -= {Kind.TIMEFRAME, Kind.MEANS}
            # "I've thought about ending things more times than I can count this week": the day is when the
            # thoughts came, not when anything is planned
            ideas = [h for h in hits if h.kind is Kind.IDEATION and not h.third_person]
            # ("suicidal thoughts are bad today": the word after the match may say it is a thought)
            if ideas and all(_PAST_THOUGHT.search(text, h.start, h.end + 12) for h in ideas) and all(
                    _PERIOD.fullmatch(text, h.start, h.end) for h in hits if h.kind is Kind.TIMEFRAME):
                escalators -= {Kind.TIMEFRAME}
            # a prescription, or a dose skipped, is not a method: "the GP upped my meds ... thinking about ending it"
            found = kinds - {Kind.MEANS}
            if any(h.kind is Kind.MEANS and not _PRESCRIBED.search(text, max(0, h.start - 30), h.start) for h in hits):
                found.add(Kind.MEANS)
            if found & escalators:
                raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        if Kind.ATTEMPT in kinds or Kind.GOODBYE in kinds or Kind.PREPARATION in kinds:
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        # a day named inside the decision itself ("today's the day I start my job") does not count twice
        resolves = [h for h in hits if h.kind is Kind.RESOLVE and not h.third_person]
        dated = any(h.kind in (Kind.MEANS, Kind.TIMEFRAME) and not any(r.start <= h.start < r.end for r in resolves)
                    for h in hits)
        if resolves and kinds & {Kind.FINALITY, Kind.GIVEAWAY}:  # a decision beside final arrangements
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        elif resolves and dated:  # a decision and a day: a concern, or a crisis beside distress or a means at hand
            means_and_day = {Kind.MEANS, Kind.TIMEFRAME} <= {h.kind for h in hits}
            raise_to(Tier.CRISIS if Kind.DISTRESS in kinds or means_and_day else Tier.CONCERN,
                     Category.SUICIDAL_IDEATION if means_and_day else Category.GENERAL_DISTRESS)
        # a decision with its own day beside distress ("sunday is the day. I can't carry on")
        if resolves and Kind.DISTRESS in kinds and any(h.kind is Kind.TIMEFRAME for h in hits):
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        if self._farewell(text, hits, kinds) and not _DEPARTURE.search(text):  # "at peace with it, I'm leaving my job"
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        if Kind.PLAN in kinds and Kind.RESOLVE in kinds:
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        if Kind.PLAN in kinds and kinds & {Kind.MEANS, Kind.TIMEFRAME}:
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        # Not being around, with a day of its own ("no one will have to deal with me after this weekend"), and two
        # final arrangements together ("updated my will ... it's time"), are a goodbye.
        finality = [h for h in hits if h.kind is Kind.FINALITY and not h.third_person]
        not_around = [h for h in finality if _NOT_AROUND.search(text, h.start, h.end)]  # not a will or a form
        if not_around and any(h.kind is Kind.TIMEFRAME and not any(f.start <= h.start < f.end for f in not_around)
                              for h in hits):
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        given = {(h.start, h.end) for h in hits if h.kind is Kind.GIVEAWAY and not h.third_person}
        if (given and Kind.FINALITY in kinds) or len({(h.start, h.end) for h in finality}) >= 2 or len(given) >= 2:
            raise_to(Tier.CRISIS, Category.SUICIDAL_IDEATION)
        elif any(not _PRACTICAL.search(text, h.start, h.end) for h in finality) and not _DEPARTURE.search(text):
            raise_to(Tier.URGENT, Category.SUICIDAL_IDEATION)
        elif Kind.FINALITY in kinds or Kind.GIVEAWAY in kinds:
            raise_to(Tier.CONCERN, Category.GENERAL_DISTRESS)
        if Kind.SELF_HARM in kinds:
            raise_to(Tier.URGENT, Category.SELF_HARM)
        if Kind.SELF_HARM_SEVERE in kinds:
            raise_to(Tier.CRISIS, Category.SELF_HARM)
        if Kind.ABUSE in kinds:
            raise_to(Tier.URGENT, Category.ABUSE_VIOLENCE)
        if Kind.ABUSE_DANGER in kinds:
            raise_to(Tier.CRISIS, Category.ABUSE_VIOLENCE)
        if Kind.SUBSTANCE_EMERGENCY in kinds:
            raise_to(Tier.CRISIS, Category.SUBSTANCE_EMERGENCY)
        if Kind.RELAPSE in kinds:
            raise_to(Tier.CONCERN, Category.SUBSTANCE_EMERGENCY)
        if Kind.MEDICAL_NOW in kinds:
            raise_to(Tier.CRISIS, Category.MEDICAL_EMERGENCY)
        if Kind.MEDICAL_FLAG in kinds:
            raise_to(Tier.URGENT, Category.MEDICAL_EMERGENCY)
        if Kind.POSTPARTUM_HARM in kinds:
            raise_to(Tier.URGENT, Category.POSTPARTUM_MOOD)
        if Kind.POSTPARTUM in kinds:
            raise_to(Tier.CONCERN, Category.POSTPARTUM_MOOD)
        if Kind.DISTRESS in kinds:
            raise_to(Tier.CONCERN, Category.GENERAL_DISTRESS)
        if third:
            # someone else's wish to die with their own plan, or a method beside it ("my son has been saving his
            # tablets and says he wants to die"), is as much a crisis as the writer's own; a day may only be when
            # they said it
            planned = bool(third & {Kind.IDEATION, Kind.PASSIVE}) and any(
                h.kind in _ESCALATORS and (h.third_person or h.kind not in _PERSONAL) for h in hits)
            attempt = planned or bool(third & {Kind.ATTEMPT, Kind.THIRD_PERSON_DANGER, Kind.SELF_HARM_SEVERE}) or any(
                h.kind is Kind.THIRD_PERSON_RISK and _TAKEN.search(text, h.start, h.end) for h in hits)
            raise_to(Tier.CRISIS if attempt else Tier.URGENT, Category.THIRD_PERSON)
            if third & {Kind.IDEATION, Kind.PASSIVE, Kind.ATTEMPT, Kind.THIRD_PERSON_RISK, Kind.THIRD_PERSON_DANGER}:
                categories.add(Category.SUICIDAL_IDEATION)
            if third & {Kind.SELF_HARM, Kind.SELF_HARM_SEVERE}:
                categories.add(Category.SELF_HARM)
        # Modifiers alone ("tonight", "pills") are not risk; they only count beside something that is.
        relevant = [h for h in hits if h.kind not in _MODIFIERS or tier >= Tier.CRISIS
                    or h.kind in (Kind.FINALITY, Kind.GIVEAWAY, Kind.RESOLVE)]
        if tier is Tier.NONE:
            return Screening(Tier.NONE, discounted=tuple(discounted))
        evidence = tuple(dict.fromkeys(
            Evidence(h.start, h.end, text[h.start:h.end],
                     f"{h.kind.value} (about someone else)" if h.third_person else h.kind.value)
            for h in sorted(relevant, key=lambda h: (h.start, h.end))
        ))
        method_detail = Kind.PREPARATION in kinds or (Kind.MEANS in kinds and tier is Tier.CRISIS
                                                      and bool(re.search(r"\d", text)))
        ordered = tuple(c for c in _CATEGORY_ORDER if c in categories)
        return Screening(tier, ordered, evidence, method_detail, tuple(discounted))


def _placed(folded: Folded, screening: Screening) -> Screening:
    """A screening of `folded.plain`, with its evidence on the original message."""
    def back(evidence: tuple[Evidence, ...]) -> tuple[Evidence, ...]:
        found = []
        for e in evidence:
            start, end = folded.from_plain(e.start, e.end)
            found.append(Evidence(start, end, folded.original[start:end], e.reason))
        return tuple(dict.fromkeys(found))

    return Screening(screening.tier, screening.categories, back(screening.evidence), screening.method_detail,
                     back(screening.discounted))
