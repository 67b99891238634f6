"""Insults aimed at a person, threats, and slurs.

An insult counts only when it is aimed at someone: "you" or a mention leading into it ("you're a useless idiot",
"<@1> is pathetic"), or, in a reply to someone else, an insult with no subject of its own ("what an idiot").
Not aimed at anyone: the writer ("I'm such an idiot"), someone absent ("my boss is an idiot"), someone else's words
("my ex called me a useless idiot"), a denial ("you're not stupid"), a feeling ("it made me feel stupid"),
an illness ("screw you, cancer"), or a joke between friends ("you idiot 😂").
"""

from __future__ import annotations

import re
from typing import ClassVar

from bot.domain.conduct.model import Action, Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.rules.base import RuleType, evidence_in_words
from bot.domain.conduct.rules.context import MENTION, NEGATION, after, before, clause, laughing, reported
from bot.domain.conduct.settings import ResolvedSettings

A = Action

INSULTS = (
    "idiot", "idiots", "idiotic", "stupid", "stoopid", "stupidest", "moron", "morons", "moronic", "dumb", "dumbass",
    "dumbo", "loser", "losers", "pathetic", "worthless", "useless", "imbecile", "cretin", "jackass", "bitch",
    "bitches", "bastard", "prick", "dickhead", "dick", "twat", "wanker", "tosser", "scum", "scumbag", "trash",
    "garbage", "shithead", "asshole", "arsehole", "dipshit", "jerk", "freak", "psycho", "nutjob", "whore", "slut",
    "skank", "cow", "pig", "disgusting", "ugly", "hideous", "liar", "fraud", "attention seeker",
    "attention seeking", "attention whore", "drama queen", "crybaby", "snowflake", "waste of space",
    "waste of oxygen", "waste of air", "piece of shit", "pos", "retard", "numpty", "halfwit", "dimwit", "nitwit",
    "clueless", "brainless", "spineless", "coward", "faker", "faking it", "a joke", "embarrassment",
    "fat cow", "fat pig", "fatso", "lardass", "junkie", "crackhead", "druggie", "alky", "drunk", "deadbeat",
    "parasite", "leech", "a burden",
)
# Said to someone, these are insults with the target built in.
DIRECT = re.compile(
    r"\b(?P<hit>f+u+c*k+ (?:you|u|ya|off)|fk (?:you|u)|fuck you|screw (?:you|u)|stfu|shut the f\w* up|"
    r"(?:nobody|no one|noone) (?:likes|loves|wants|cares about|gives a \w+ about) (?:you|u)\b(?! (?:too|either))|"
    r"(?:nobody|no one|noone) (?:cares|asked)(?= ?$)|(?:shut up|get lost|go away) (?:you|u))\b"
)
# "screw you cancer": said to an illness, a treatment or a bad day, not to a person
_NOT_A_PERSON = re.compile(
    r"[ ,!]*(?:\w+ )?(?:cancer|chemo|radiotherapy|radiation|depression|anxiety|ptsd|ocd|covid|diabetes|ms|"
    r"disease|illness|pain|migraine|insomnia|fatigue|addiction|alcohol|booze|drink|drugs|heroin|cocaine|meth|"
    r"relapse|cravings?|tumou?r|leukaemia|leukemia|lupus|arthritis|endo|endometriosis|fibro|mondays?|life|"
    r"world|universe|brain|body|weather|rain|traffic|scale|scales|bmi|calories|dialysis|kidneys?|liver|heart|"
    r"lungs?|nausea|steroids|meds|pills|insulin|hypos?|grief|loneliness|ed|bulimia|anorexia|voices|thoughts)\b"
)
# Between "you" and the insult: "you're such a useless idiot", "u r so dumb", "you sound like a total loser"
_GLUE = frozenset({
    "are", "r", "is", "re", "such", "a", "an", "so", "the", "most", "biggest", "total", "complete", "utter",
    "absolute", "fucking", "fuckin", "fkn", "fking", "freaking", "frickin", "bloody", "damn", "really", "just",
    "being", "be", "sound", "sounds", "look", "looks", "like", "acting", "act", "one", "little", "big", "proper",
    "right", "fat", "old", "seriously", "truly", "literally", "honestly", "how", "can", "could", "more", "of",
    "piece", "bunch", "pair", "and", "still", "always", "actually", "officially", "lying", "nothing", "but",
    "selfish", "lazy", "pathetic", "useless", "stupid", "dumb", "ugly", "sad", "sick", "weak", "silly",
})
# Nothing but these before an insult in a reply: "what an idiot", "wow, pathetic"
_REPLY_LEAD = _GLUE - {"be", "being", "sound", "sounds", "look", "looks", "like", "act", "acting"} | {
    "what", "wow", "omg", "ok", "okay", "yeah", "yep", "ugh", "jeez", "god", "oh", "lol", "lmao", "k"}
_YOU = frozenset({"you", "u", "ya", "youre", "you're", "ur", "yourself", "yourselves", "y'all", "yall", "thou"})


def _insult_pattern() -> re.Pattern[str]:
    words = sorted(INSULTS, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def _aimed(text: str, start: int, end: int, ctx: MessageContext) -> str | None:
    """Who the insult at [start, end) is aimed at: a reason when it is someone in the conversation, else None."""
    following = after(text, start, end, words=3)
    if following[:2] in (["like", "me"], ["like", "us"], ["like", "i"]):
        return None  # "when you're a loser like me": the writer counts themselves in
    tokens = before(text, start, end, words=7)
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        if token in _YOU:
            if NEGATION.search(" ".join(tokens[max(0, index - 3):index])):
                return None  # "don't think you're hideous"
            return "“you” leads into it"
        if MENTION.fullmatch(token):
            return "a mention leads into it"
        if token not in _GLUE and token not in _INSULT_WORDS:
            break
    if following[:1] and MENTION.fullmatch(following[0]):
        return "a mention follows it"
    if following[:1] in (["you"], ["u"]) and (len(following) == 1 or following[1] in ("are", "r", "re")):
        return "“you” follows it"
    if ctx.reply_to_other and all(token in _REPLY_LEAD for token in tokens):
        return "a reply to someone, with no other subject"
    return None


_INSULT_WORDS = frozenset(w for w in INSULTS if " " not in w)
_STOP = frozenset({"a"})  # "a joke", "a burden": the whole phrase is the cue


class Insult(RuleType):
    name = "insult"
    title = "Insults and harassment aimed at a person"
    reminder = ("We ask everyone to speak to each other with respect, even when things get heated. Please "
                "talk about what was said, not about the person who said it.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.NUDGE), (A.HIDE, A.WARN), (A.HIDE, A.WARN, A.ESCALATE)))
    cues = (tuple(sorted({phrase if " " in phrase and phrase.split()[0] in _STOP else phrase.split()[0]
                          for phrase in INSULTS}
                         | {"fuck", "fuk", "fk", "screw", "stfu", "shut", "nobody", "noone", "no one",
                            "get lost", "go away"})),)

    pattern: ClassVar[re.Pattern[str]] = _insult_pattern()

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        text = folded.words
        found: list[Evidence] = []
        for match in DIRECT.finditer(text):
            start, end = match.span("hit")
            if _NOT_A_PERSON.match(text, end) or reported(text, start, end) or laughing(text, start, end):
                continue
            if NEGATION.search(" ".join(before(text, start, end, words=2))):
                continue
            found.append(evidence_in_words(folded, match, "said to someone", "hit"))
        for match in self.pattern.finditer(text):
            start, end = match.span()
            target = _aimed(text, start, end, ctx)
            if target is None or reported(text, start, end) or laughing(text, start, end):
                continue
            found.append(evidence_in_words(folded, match, f"an insult; {target}"))
        return found


THREATS = re.compile(
    r"\b(?P<hit>(?:i'?ll|i will|i'?m (?:going to|gonna)|im (?:going to|gonna)|i'?d|i would|gonna|going to|"
    r"i (?:want|wanna|am going) to|imma|ima|i should|i could|let me|lemme) (?:\w+ ){0,2}?"
    r"(?:kill|murder|hurt|stab|shoot|beat|batter|punch|smash|strangle|choke|slap|kick|bash|hit|destroy|end|"
    r"fuck up|come for|come after|hunt down|hunt|knock|break|burn|rape|cut) (?:you|u|ya|your (?!feelings|heart)\w+|"
    r"ur (?!feelings|heart)\w+)\b(?! (?:up|back|a|an|some|the|for|in on|out|off|with|to|about|at|when|if)\b)"
    r"|(?:you're|youre|you are|ur|u r) (?:so |fucking |fkn )?dead\b(?! (?:tired|right|on|serious|set|cute|funny|"
    r"good|wrong|end))|watch your back|(?:i|we) know where (?:you|u) live|(?:find|found) (?:out )?where (?:you|u) "
    r"live|your days are numbered|(?:you'll|you will|u will|ull) (?:regret|pay for) (?:this|that|it)|"
    r"(?:i'll|ill|i will) make (?:you|u) (?:pay|suffer|regret)|"
    r"(?:you|u) deserve to (?:die|suffer|rot|be raped|get cancer)|"
    r"(?:i |i really |i just )?hope (?:you|u) (?:die|suffer|rot|relapse|overdose|od|get cancer|get hit|burn|choke)|"
    r"\bgo (?:and )?(?:die|kill yourself|hang yourself|jump off|drink bleach|overdose)|kill yo(?:u|)rself|kys|"
    r"neck yourself|drink bleach)\b"
)
# "kys is such a horrible thing to say": the words talked about, not said to anyone
_ABOUT_THE_WORDS = re.compile(r"[\"' ]*(?:is|was|isn't|means|as a|are such)\b")
_NOT_IMPERATIVE = re.compile(r"\b(?:don't|dont|do not|never|not|if|when|whether|why would|would|did|didn't|didnt|to|"
                             r"before|while|shouldn't|shouldnt|can't|cant|won't|wont|can|could|always can)"
                             r"\s+(?:you\s+|u\s+)?(?:just\s+)?$")


class Threat(RuleType):
    name = "threat"
    title = "Threats, and telling someone to harm themselves"
    reminder = ("Threats, even ones meant as a joke, have no place in a group where people come to feel safe. "
                "If you're angry with someone, a moderator can help.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.WARN, A.ESCALATE),))
    cues = (("kill", "murder", "hurt", "stab", "shoot", "beat", "batter", "punch", "smash", "strangle", "choke",
             "slap", "kick", "bash", "hit", "destroy", "end", "fuck", "come", "hunt", "knock", "break", "burn",
             "rape", "cut", "dead", "watch", "live", "numbered", "regret", "pay", "suffer", "deserve", "hope",
             "kys", "neck", "bleach", "die", "killyourself", "killurself"),)

    def wanted(self, found: frozenset[str], folded: Folded, ctx: MessageContext) -> bool:
        return bool(found & self.cue_sets[0]) and ("you" in folded.words or "u " in folded.words
                                                    or "kys" in found or "bleach" in found)

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        text = folded.words
        found: list[Evidence] = []
        for match in THREATS.finditer(text):
            start, end = match.span("hit")
            left, _ = clause(text, start, end)
            lead = text[max(left, start - 30):start]
            if NEGATION.search(match.group("hit")) or _NOT_IMPERATIVE.search(lead) or NEGATION.search(
                " ".join(before(text, start, end, words=3))
            ):
                continue
            if reported(text, start, end) or laughing(text, start, end) or _ABOUT_THE_WORDS.match(text, end):
                continue
            found.append(evidence_in_words(folded, match, "a threat, or telling someone to harm themselves", "hit"))
        return found


# Slurs in common English use. Kept here, not in settings, so a server can only add to what counts (allow-lists
# aside). Plural and -s forms are listed; obfuscations are undone by the normaliser.
SLURS = (
    "nigger", "niggers", "nigga", "niggas", "nigg3r", "chink", "chinks", "gook", "gooks", "spic", "spics", "wetback",
    "wetbacks", "kike", "kikes", "paki", "pakis", "raghead", "ragheads", "towelhead", "towelheads", "coon", "coons",
    "jigaboo", "beaner", "beaners", "gyppo", "gypo", "pikey", "pikeys", "wog", "wogs", "sambo", "zipperhead",
    "faggot", "faggots", "fag", "fags", "dyke", "dykes", "poof", "poofter", "tranny", "trannies", "shemale",
    "retard", "retards", "retarded", "spaz", "spastic", "mong", "mongoloid", "sperg", "tard",
)
_SLUR = re.compile(r"\b(?:" + "|".join(sorted(SLURS, key=len, reverse=True)) + r")\b")
# The writer telling what was done to them: "at school they called me a ..."
_DONE_TO_ME = re.compile(
    r"\b(?:call(?:s|ed|ing)? me|(?:was|been|being|get|got) called|said i(?:'m| am| was)|told me i(?:'m| am| was)|"
    r"names? like|slurs? like|the word|the term|words like)\b"
)


_ABOUT_ME = re.compile(r"\b(?:i'm|im|i am|am|i feel|i felt|me|myself)\b")


class Slur(RuleType):
    name = "slur"
    title = "Slurs"
    reminder = ("That word hurts people in this community, whoever it is aimed at. Thank you for keeping this a "
                "safe place for everyone.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.WARN), (A.HIDE, A.WARN, A.ESCALATE)))
    cues = (SLURS,)

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        text = folded.words
        found: list[Evidence] = []
        for match in _SLUR.finditer(text):
            start, end = match.span()
            left, _ = clause(text, start, end)
            if _DONE_TO_ME.search(text, max(0, left - 40), start):
                continue  # the writer telling what was said to them
            if _ABOUT_ME.search(" ".join(before(text, start, end, words=4))):
                continue  # the writer about themselves: hurtful words, but turned on no one else
            found.append(evidence_in_words(folded, match, "a slur"))
        return found
