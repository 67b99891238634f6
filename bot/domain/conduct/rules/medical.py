"""Unsolicited medical advice: telling someone to stop, start or change a medication or a dose, to ignore or hide
things from their doctor, or to replace treatment with an unproven cure.

Not advice: one's own experience ("my oncologist lowered my dose and it helped", "I came off sertraline slowly"),
a question ("has anyone come off sertraline?"), suggesting a doctor ("ask your GP before you stop anything"), and
advice that agrees with every doctor ("never stop your antidepressants suddenly").
"""

from __future__ import annotations

import re

from bot.domain.conduct.model import Action, Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.rules.base import RuleType, evidence_in_words
from bot.domain.conduct.rules.context import TOKEN, clause, reported
from bot.domain.conduct.settings import ResolvedSettings

A = Action

MEDS = (
    r"(?:meds|medication|medications|medicine|medicines|pills|tablets|tabs|dose|doses|dosage|insulin|chemo|"
    r"chemotherapy|radiotherapy|radiation|immunotherapy|treatment|treatments|therapy|antidepressants?|"
    r"anti-?depressants?|ssris?|sertraline|zoloft|fluoxetine|prozac|citalopram|escitalopram|lexapro|venlafaxine|"
    r"effexor|mirtazapine|duloxetine|paroxetine|bupropion|wellbutrin|lithium|lamotrigine|quetiapine|seroquel|"
    r"olanzapine|aripiprazole|abilify|risperidone|clozapine|methadone|buprenorphine|suboxone|subutex|naltrexone|"
    r"antabuse|disulfiram|acamprosate|metformin|ozempic|semaglutide|wegovy|mounjaro|tirzepatide|statins?|"
    r"steroids?|prednisolone|prednisone|tamoxifen|letrozole|anastrozole|immunosuppressants?|tacrolimus|"
    r"ciclosporin|cyclosporine|mycophenolate|cellcept|warfarin|apixaban|blood thinners?|inhalers?|epipen|"
    r"antibiotics|antipsychotics?|benzos?|diazepam|valium|propranolol|gabapentin|pregabalin|tramadol|morphine|"
    r"oxycodone|levothyroxine|thyroxine|hrt|the pill|birth control|vaccines?|jabs?|anti-?rejection \w+|"
    r"transplant meds|dialysis|mood stabili[sz]ers?|stimulants|adderall|ritalin|concerta|nicotine patch(?:es)?)"
)
_LEAD = (r"(?:(?:you|u) (?:should|shud|need to|have to|must|gotta|ought to|could|can)|you've got to|"
         r"(?:i'd|id|i would) (?:\w+ )?if i (?:was|were) you|if i (?:was|were) you,? i'?d|why (?:don't|dont) (?:you|u)|"
         r"why not|just|honestly|seriously|definitely|better|time to|try)")
_CHANGE = (r"(?:stop|quit|come off|get off|ditch|drop|bin|throw away|throw out|flush|skip|halve|double|cut down on|"
           r"cut back on|cut|lower|reduce|increase|up|raise|taper|wean yourself off|wean off|swap|switch|replace|"
           r"refuse|avoid|stop taking|quit taking|take (?:more|extra|less|double|half|twice)(?: of)?|"
           r"take (?:a )?(?:double|half|bigger|smaller|extra)|start taking|(?:don't|dont|do not|never) take)")
# "stop taking your meds", "you should double your insulin", "come off the sertraline", "don't take your chemo"
CHANGE_MEDS = re.compile(
    r"(?P<hit>(?:" + _LEAD + r" )?" + _CHANGE + r" (?:(?:taking|using|your|ur|the|all|those|that|these|them|off|of|on|"
    r"with|any|more|of|some|a|bit|little|lot|dose|doses|amount|daily)\s+){0,3}" + MEDS + r")\b"
)
# "you don't need your meds", "you don't need chemo"
NO_NEED = re.compile(r"(?P<hit>(?:you|u) (?:don't|dont|do not|shouldn't|shouldnt) (?:need|want|have to take|take) "
                     r"(?:your |ur |the |those |any |that |all that |all those )?" + MEDS + r")\b")
# "ignore your doctor", "don't tell your GP", "hide it from your oncologist"
DOCTOR = (r"(?:doctor|doctors|doc|gp|oncologist|consultant|psychiatrist|nurse|specialist|endo|endocrinologist|"
          r"cardiologist|care team|medical team|team|midwife|pharmacist|surgeon|dietitian|dietician|therapist|"
          r"key ?worker|transplant team|renal team|hospital|psych|prescriber)")
DEFY_DOCTOR = re.compile(
    r"(?P<hit>(?:ignore|don't listen to|dont listen to|do not listen to|don't trust|dont trust|don't tell|dont tell|"
    r"do not tell|never tell|hide (?:it|this|that|them|your \w+) from|lie to|don't bother with|dont bother with|"
    r"don't bother telling|dont bother telling|keep (?:it|this|that) from) (?:what )?(?:your|ur|the|a|them|any) "
    + DOCTOR + r")\b"
)
# "turmeric cures cancer", "use CBD oil instead of chemo"
REMEDY = (r"(?:turmeric|curcumin|cbd|cannabis oil|rick simpson oil|rso|apricot kernels?|b17|laetrile|bicarb|"
          r"baking soda|alkaline water|alkaline diet|essential oils?|mms|chlorine dioxide|bleach|colloidal silver|"
          r"ivermectin|fenbendazole|juice cleanse|juicing|coffee enemas?|gerson|vitamin c drips?|high dose vitamin \w+|"
          r"hydrogen peroxide|homeopathy|homeopathic \w+|reiki|crystals|kratom|ayahuasca|psilocybin|magic mushrooms|"
          r"raw vegan|carnivore diet|apple cider vinegar|cinnamon|garlic|ginger|ginseng|st john'?s wort|5-?htp|kambo|"
          r"noni|moringa|black seed oil|sea moss|herbs|herbal \w+|natural remedies|supplements?|detox|fasting|"
          r"prayer|positive thinking|keto|this oil|this tea|this supplement|my protocol|the protocol)")
CONDITION = (r"(?:cancer|tumou?rs?|diabetes|depression|anxiety|addiction|alcoholism|ms|arthritis|kidney disease|"
             r"bipolar|schizophrenia|psychosis|ptsd|adhd|autism|leukaemia|leukemia|hiv|aids|lupus|crohn'?s|colitis|"
             r"epilepsy|asthma|high blood pressure|heart disease|it|everything|anything)")
CURE_CLAIM = re.compile(
    r"(?P<hit>" + REMEDY + r" (?:\w+ ){0,2}(?:cures?|cured|heals?|healed|reverses?|reversed|kills?|shrinks?|fixes) "
    r"(?:\w+ ){0,2}" + CONDITION + r"|" + REMEDY + r" (?:\w+ ){0,3}(?:instead of|rather than|not|over|replaces?) "
    r"(?:\w+ ){0,2}" + MEDS + r"|(?:instead of|rather than|forget|ditch|skip|don't need|dont need) (?:the |your |ur )?"
    + MEDS + r",? (?:\w+ ){0,4}" + REMEDY + r")\b"
)
# Pointing to a professional makes a message safe: "ask your GP before changing your dose"
SEE_A_DOCTOR = re.compile(
    r"\b(?:ask|talk to|talk with|speak to|speak with|check with|see|call|ring|run it by|discuss (?:it |this |that )?"
    r"with|mention (?:it |this |that )?to|let|tell|book in with|get (?:it |this )?checked by|contact) (?:your|ur|a|the|"
    r"their|my) " + DOCTOR + r"|\bwithout (?:talking|speaking|checking|asking) (?:to |with )?(?:your|ur|a|the) "
    + DOCTOR + r"|\bunder (?:medical )?supervision|\bwith (?:your|ur) " + DOCTOR + r"'?s? (?:help|support|guidance|"
    r"ok|okay|say so|agreement)|\b(?:medical|professional) advice\b"
)
_ASKING = re.compile(r"^\s*(?:has|have|did|does|do|is|are|was|were|should|shall|can|could|would|will|anyone|any1|"
                     r"how|what|when|where|why(?! (?:don't|dont|not)\b)|which|am)\b")
_FIRST = frozenset({"i", "i'm", "im", "i've", "ive", "we", "we're", "my", "she", "he", "they", "mum", "mom",
                    "dad", "doctor", "gp", "oncologist", "consultant", "psychiatrist", "nurse", "team"})
_NOT = re.compile(r"\b(?:don't|dont|do not|never|not|shouldn't|shouldnt|wouldn't|wouldnt|without)\s+(?:\w+ )?$")


class MedicalAdvice(RuleType):
    name = "medical_advice"
    title = "Unsolicited medical advice"
    reminder = ("Thank you for wanting to help. In this group we share our own experience, but we don't tell each "
                "other to stop, start or change a medication or treatment: that is for someone and their doctor. "
                "“What helped me was…” or “could you ask your doctor about…” is always welcome.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.NUDGE), (A.HIDE, A.WARN), (A.HIDE, A.WARN, A.ESCALATE)))
    cues = (("stop", "quit", "come", "get", "ditch", "drop", "bin", "throw", "flush", "skip", "halve", "double",
             "cut", "lower", "reduce", "increase", "up", "raise", "taper", "wean", "swap", "switch", "replace",
             "refuse", "avoid", "take", "start", "need", "ignore", "listen", "trust", "tell", "hide", "lie", "bother",
             "keep", "cure", "cures", "cured", "heal", "heals", "healed", "reverse", "reverses", "reversed", "kills",
             "shrinks", "fixes", "instead", "rather", "forget", "replaces", "over"),
            ("meds", "medication*", "medicine*", "pill*", "tablet*", "tabs", "dose*", "dosage", "insulin", "chemo*",
             "radio*", "radiation", "immuno*", "treatment*", "therapy", "antidepress*", "anti-depress*", "ssri*",
             "sertraline", "zoloft", "fluoxetine", "prozac", "citalopram", "escitalopram", "lexapro", "venlafaxine",
             "effexor", "mirtazapine", "duloxetine", "paroxetine", "bupropion", "wellbutrin", "lithium",
             "lamotrigine", "quetiapine", "seroquel", "olanzapine", "aripiprazole", "abilify", "risperidone",
             "clozapine", "methadone", "buprenorphine", "suboxone", "subutex", "naltrexone", "antabuse",
             "disulfiram", "acamprosate", "metformin", "ozempic", "semaglutide", "wegovy", "mounjaro",
             "tirzepatide", "statin*", "steroid*", "prednisolone", "prednisone", "tamoxifen", "letrozole",
             "anastrozole", "immunosuppress*", "tacrolimus", "ciclosporin", "cyclosporine", "mycophenolate",
             "cellcept", "warfarin", "apixaban", "thinner*", "inhaler*", "epipen", "antibiotics", "antipsychotic*",
             "benzo*", "diazepam", "valium", "propranolol", "gabapentin", "pregabalin", "tramadol", "morphine",
             "oxycodone", "levothyroxine", "thyroxine", "hrt", "pill", "birth", "vaccine*", "jab*", "rejection",
             "dialysis", "stabili*", "stimulants", "adderall", "ritalin", "concerta", "nicotine", "doctor*", "doc",
             "gp", "oncologist", "consultant", "psychiatrist", "nurse", "specialist", "endo*", "cardiologist",
             "team", "midwife", "pharmacist", "surgeon", "dietitian", "dietician", "therapist", "keyworker", "key",
             "hospital", "psych", "prescriber", "cancer", "tumour*", "tumor*", "diabetes", "depression"))

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        text = folded.words
        if any(not _NOT.search(text[max(0, m.start() - 12):m.start()]) for m in SEE_A_DOCTOR.finditer(text)):
            return []
        found: list[Evidence] = []
        for pattern, reason in ((CHANGE_MEDS, "tells someone to change a medication or treatment"),
                                (NO_NEED, "tells someone they don't need their treatment"),
                                (DEFY_DOCTOR, "tells someone to ignore or keep things from their doctor"),
                                (CURE_CLAIM, "offers an unproven cure in place of treatment")):
            for match in pattern.finditer(text):
                start, end = match.span("hit")
                if self._not_advice(text, start, end, match, pattern is CHANGE_MEDS) or settings.allows(match.group()):
                    continue
                found.append(evidence_in_words(folded, match, reason, "hit"))
        return found

    @staticmethod
    def _not_advice(text: str, start: int, end: int, match: re.Match[str], change: bool) -> bool:
        left, right = clause(text, start, end)
        sentence = text[left:right + 1]
        lead = text[left:start]
        if _ASKING.match(sentence) or (text[right:right + 1] == "?" and not re.search(r"why (?:don't|dont|not)", lead)):
            return True  # a question
        if reported(text, start, end) or (_NOT.search(lead) and change and not match.group("hit").startswith(
                ("don't", "dont", "do not", "never"))):
            return True  # someone else's words, or "never stop your meds suddenly"
        if change and not match.group("hit").startswith(("you", "u ", "i'd", "id ", "if", "why", "just", "honestly",
                                                         "seriously", "definitely", "better", "time", "try")):
            # Without a lead, the change must be an imperative: nothing but filler before it in its clause.
            words = TOKEN.findall(lead)
            if words and (set(words) & _FIRST or not set(words) <= _IMPERATIVE_LEAD):
                return True
        return False


_IMPERATIVE_LEAD = frozenset({"so", "and", "then", "pls", "please", "ok", "okay", "look", "listen", "mate", "hun",
                              "babe", "hon", "girl", "bro", "yeah", "well", "also", "plus", "oh", "now",
                              "really", "just", "maybe", "perhaps", "probably", "you", "u", "should", "seriously",
                              "honestly", "literally", "tbh", "imo", "imho", "trust", "me", "lol"})
