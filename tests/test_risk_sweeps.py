"""Families of phrasings, every combination of their parts: a rule written for one wording must hold for its
neighbours ("took all my tablets" and "necked every pill I had"), and a hard negative's neighbours must stay quiet.

Each family is a list of parts; a message is one choice from each part, joined. The rules alone (no second look)
must put every message of a family in one of the family's tiers.
"""

from __future__ import annotations

import itertools

import pytest

from bot.domain.risk import RiskScreener

RULES_ONLY = RiskScreener(second_look=False)

URGENT_PLUS = ("urgent", "crisis")
CRISIS = ("crisis",)
QUIET = ("none", "concern")
# Where someone sits or stands, for the two families about an edge
AT_THE_EDGE_OF = [
    ["", "i'm ", "been "],
    ["sat ", "sitting ", "standing ", "stood "],
    ["on the edge of ", "at the edge of "],
]

FAMILIES: dict[str, tuple[list[list[str]], tuple[str, ...]]] = {
    "overdose, however the amount is put": ([
        ["", "i ", "just ", "i just "],
        ["took ", "swallowed ", "necked ", "downed "],
        ["every tablet", "all my tablets", "all the pills", "the whole box of paracetamol", "two boxes of paracetamol",
         "50 paracetamol", "a load of sleeping pills", "the rest of my pills", "all of mum's tablets",
         "every pill i had"],
        ["", " an hour ago", " and i feel sick", ", sorry"],
    ], CRISIS),
    "self-harm, in its verbs": ([
        ["", "i ", "i've ", "just "],
        ["cut ", "slashed ", "sliced ", "burned ", "burnt "],
        ["my wrists", "my arms", "my thighs", "myself", "my legs", "my stomach"],
        ["", " again", " last night"],
    ], URGENT_PLUS),
    "self-harm, now and often": ([
        ["i've been ", "i keep ", "i started ", "i'm "],
        ["cutting", "self harming", "hurting myself", "burning myself", "hitting myself"],
        ["", " again", " every night", " when it gets bad", " to cope"],
    ], URGENT_PLUS),
    "a wish to die, with or without a laugh": ([
        ["i want to ", "i wanna ", "i just want to ", "i really want to ", "part of me wants to "],
        ["die", "kill myself", "end it", "end my life", "be dead", "end it all", "kms", "unalive myself"],
        ["", " lol", " tbh"],
    ], URGENT_PLUS),
    "a passive wish": ([
        ["i wish ", "sometimes i wish ", "i just wish ", "honestly i wish ", "part of me wishes "],
        ["i was dead", "i wasn't here", "i'd never been born", "i could just disappear", "i didn't exist",
         "it would all end", "i wasn't alive", "someone would kill me"],
        ["", " lol", " every day"],
    ], URGENT_PLUS),
    "a dangerous place, and despair or a goodbye": ([
        ["i'm ", "i am ", "sitting ", "standing ", "currently "],
        ["on the bridge", "at the cliffs", "on the roof", "on the edge of the car park", "by the tracks",
         "at the river"],
        [" and i can't do this anymore", " and i want to jump", " and i want to die", ". goodbye"],
    ], CRISIS),
    "a plan with a time": ([
        ["i'm going to ", "i'm gonna ", "i will ", "i've decided to ", "i plan to ", "i'm ready to "],
        ["kill myself", "end it", "end my life", "take all my pills", "jump off the bridge", "hang myself", "overdose"],
        [" tonight", " tomorrow", " after work", " when everyone's asleep", " on sunday"],
    ], CRISIS),
    "a wish to die, and when": ([
        ["i'm going to kill myself ", "i want to die ", "i'm going to end it ", "i'm thinking about killing myself "],
        ["later tonight", "after dinner", "when the kids are in bed", "before morning", "by the weekend",
         "this evening", "in an hour", "at midnight", "once everyone's asleep", "on friday", "after my shift"],
    ], CRISIS),
    "a goodbye": ([
        ["goodbye everyone", "bye everyone", "this is goodbye", "i'm saying goodbye", "so long everyone"],
        [". i'm sorry", ", i can't do this anymore", ", i love you all, i'm sorry", ". it's time",
         ". don't blame yourselves"],
    ], CRISIS),
    "not being around": ([
        ["you won't have to ", "nobody will have to ", "you won't need to ", "no one will have to "],
        ["worry about me", "deal with me", "put up with me", "look after me", "see me again"],
        [" anymore", " much longer", ""],
    ], URGENT_PLUS),
    "someone else at risk": ([
        ["my son ", "my daughter ", "my husband ", "my friend ", "my 15 year old "],
        ["says he wants to die", "said she wants to kill herself", "is talking about suicide",
         "has been cutting himself", "wants to end it", "keeps saying he'd be better off dead",
         "told me she doesn't want to live anymore"],
        ["", " and i don't know what to do"],
    ], URGENT_PLUS),
    "someone else in danger now": ([
        ["my son ", "my daughter ", "my friend ", "my mum ", "my 15 year old "],
        ["took an overdose", "has taken an overdose", "tried to hang himself", "has taken a load of pills",
         "is on the bridge threatening to jump", "just swallowed a bottle of tablets", "has cut her wrists"],
        ["", ", what do i do"],
    ], CRISIS),
    "abuse": ([
        ["my husband ", "my partner ", "my boyfriend ", "my ex ", "he "],
        ["hits me", "punched me", "strangled me", "threatened to kill me", "pushed me down the stairs",
         "locks me in the house", "won't let me leave the house", "takes all my money", "kicked me in the stomach"],
        ["", " again", " last night"],
    ], URGENT_PLUS),
    "danger from someone, now": ([
        ["he's ", "my husband's ", "my ex is ", "my partner's "],
        ["outside with a knife", "banging on the door screaming he'll kill me", "got me locked in the bedroom",
         "threatening me with a knife right now", "strangling me", "trying to break the door down"],
    ], CRISIS),
    "a decision, a day and the means at hand": ([
        ["i've got ", "i'm holding ", "there's ", "i have "],
        ["the pills ", "a knife ", "the rope ", "a razor ", "my dad's gun ", "50 paracetamol "],
        ["in front of me", "in my hand", "ready", "next to me"],
        [" and i want to die", " and i'm going to do it tonight"],
    ], CRISIS),
    "a medical emergency": ([
        ["my baby ", "my son ", "my dad ", "my wife "],
        ["can't breathe", "isn't breathing", "is having a seizure", "has collapsed", "is unconscious", "won't wake up",
         "is turning blue", "has crushing chest pain", "has a swollen tongue and can't swallow"],
        ["", ", what do i do"],
    ], CRISIS),
    "new mothers' thoughts of harm": ([
        ["since the baby ", "since having her ", "since giving birth ", "since the birth "],
        ["i keep thinking about hurting her", "i hear voices telling me to hurt him",
         "i've been having thoughts of smothering him", "i keep thinking about harming the baby"],
    ], URGENT_PLUS),
    "everyday nuisances that 'make me want to die'": ([
        ["this ", "that ", "the ", "my "],
        ["exam ", "meeting ", "commute ", "queue ", "heat ", "traffic "],
        ["is killing me", "makes me want to die", "makes me want to kill myself", "is so bad i want to die"],
        ["", " lol", " 😂"],
    ], QUIET),
    "places visited for something": ([
        ["i'm ", "we're "],
        ["at the bridge club", "on the roof fixing the gutter", "by the river having a picnic",
         "at the cliffs with the kids", "cutting the grass", "taking my tablets"],
        ["", " tonight", ", love you all", ", bye everyone"],
    ], QUIET),
    "the edge of a bed or a bath": ([
        *AT_THE_EDGE_OF,
        ["the bed", "the sofa", "the bath", "the pool", "the stage", "my bed"],
        ["", " waiting for the doctor to call", " lol", " crying"],
    ], QUIET),
    "the edge of a drop": ([
        *AT_THE_EDGE_OF,
        ["the bridge", "the cliff", "the roof", "the car park roof", "the platform"],
        [", can't do this anymore", " and i want to jump"],
    ], CRISIS),
    "medication collected as everyone on it does": ([
        ["", "i've ", "just "],
        ["got all my meds ", "got my tablets ", "collected my pills ", "bought my painkillers ", "got the tablets "],
        ["sorted for the week", "from the pharmacy", "delivered today", "in the dosette box", "filled", "on repeat"],
        ["", ", finally", " lol"],
    ], QUIET),
    "devotion, not a wish": ([
        ["i'd ", "i would ", "honestly i would "],
        ["jump off a cliff for ", "take a bullet for ", "die for ", "walk through fire for "],
        ["my kids", "you", "any of you", "her"],
        ["", ", they're my world", " lol"],
    ], QUIET),
}


def _messages(parts: list[list[str]]) -> list[str]:
    return ["".join(choice).strip() for choice in itertools.product(*parts)]


@pytest.mark.parametrize("family", FAMILIES)
def test_every_phrasing_of_a_family_gets_the_family_tier(family: str) -> None:
    parts, tiers = FAMILIES[family]
    wrong = [(text, found) for text in _messages(parts)
             if (found := RULES_ONLY.screen(text).tier.label) not in tiers]
    assert not wrong, wrong[:10]
