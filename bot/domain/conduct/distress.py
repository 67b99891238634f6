"""Distress is never a conduct violation. Before conduct acts on a message, this gate asks two things:

1. Does the risk screener (bot/domain/risk) place it at concern or above? Then it belongs to the referral path.
   Only the public `screen(text).tier` is read, so any stage the risk screener adds is honoured here too.
2. Does it belong to a distress family, in the writer's own voice: suicidal thoughts, self-harm, a relapse, an
   overdose, despair ("I hate myself", "I can't cope", "fuck everything")? A second net under the first, since a
   long or angry post can hold both distress and words the conduct rules read ("my dad called me a useless idiot").

A message stopped here is not actioned at all: no nudge, no warning, no hiding.
"""

from __future__ import annotations

import re
from typing import Protocol

from bot.domain.conduct.normalise import fold
from bot.domain.risk import Screening, Tier

DISTRESS_FAMILIES = re.compile(
    # suicidal thoughts and plans
    r"\b(?:suicid\w*|kill(?:ing)? myself|kms|end (?:it all|my life|things|it tonight|it now)|"
    r"(?:want|wanted|wanting|wanna|going|gonna)(?: to)? (?:\w+ ){0,2}(?:die|be dead|disappear)|"
    r"(?:hope|wish|pray) (?:i|l|that i) (?:\w+ )?(?:die|was dead|were dead|wasn't here|didn't wake up|never wake up)|"
    r"drop dead|better off dead|better off without me|don'?t want to (?:be here|live|exist|wake up|go on)|"
    r"take my (?:own )?life|no reason to (?:live|go on)|can'?t go on|bye bye|goodbye (?:everyone|world|all)|"
    r"(?:want|get|buy|afford) a gun|don'?t deserve to live|"
    # self-harm, and talk of it
    r"self[- ]?harm\w*|(?:cut|cutting|hurt|hurting|burn|burning|burnt|harm|harming|starve|starving|punish|"
    r"punishing) myself|(?:hurting|harming|cutting|killing) (?:yourself|urself)|"
    # overdoses and relapses
    r"overdos\w*|od'?d|took (?:all|too many|a handful of|a load of) (?:my |the |of my )?(?:pills|tablets|meds)|"
    r"(?:i|i've|i have|i'm|i am|i just|just|had a|having a|my|close to|nearly|almost) (?:\w+ )?relaps\w*|relapsed|"
    r"(?:drank|drinking|drunk|using|used|smoked|injected|gambled|gambling|binged|purged) again|slipped up|"
    r"fell off the wagon|back on the (?:drink|booze|bottle|gear|pills|needle)|lost my (?:clean|sober|sobriety) "
    r"(?:time|date)|cravings?|lost (?:\w+ )?\d+ (?:in|at|on) (?:the )?(?:casino|slots|betting|bookies)|"
    # despair in the writer's own voice
    r"i hate myself|hate my (?:life|body|self)|(?:i'?m|i am|im|i feel|feeling|i felt|i amjust|i am just) "
    r"(?:so |such |just |completely |totally |a |too )*(?:worthless|useless|hopeless|pathetic|a burden|a failure|"
    r"a waste|disgusting|empty|numb|broken|alone|lonely|lost|trapped|exhausted|done|finished|unlovable|a mess|"
    r"a wreck|a disappointment|ugly|not enough|not good enough|weak)|never (?:be )?good enough|"
    r"(?:no one|nobody|noone) (?:\w+ ){0,3}(?:cares?|loves?|wants?|likes?|misses?|needs?|listens?) "
    r"(?:about |to )?(?:me|us)\b|(?:no one|nobody|noone) will (?:ever )?(?:care|love|want|miss|read)|"
    r"can'?t (?:cope|take (?:it|this|any ?more)|do this any ?more|keep going|breathe|stop crying)|"
    r"(?:breaking|broke|falling) (?:down|apart)|nervous breakdown|panic attacks?|depress\w*|despair\w*|"
    r"hopeless\w*|give up on (?:life|everything|myself)|giving up on (?:life|everything|myself)|"
    r"what'?s the point|no point (?:in|to) (?:anything|living|going on|life|trying)|"
    r"my mental (?:health|illness|issues)|"
    # lashing out at everyone and everything at once, no one singled out: how despair often sounds in a group
    # ("fuck you all, I'm out"); an insult aimed at one person is still the insult rule's
    r"(?:fuck|screw) (?:(?:you|u|ya) all|y'?all|everyone|everybody|everything|it all|(?:this|my) life|"
    r"(?:this|the) world)|fml|"
    r"(?:i'?m|i am|im|been|i've been|ive been|i was|i feel|feeling|am) (?:\w+ )?(?:struggling|suffering|not ok|"
    r"not okay|falling apart)|anxiety attacks?|"
    # goodbyes, and words to someone at risk ("stay on this earth")
    r"(?:i'?m|i am|im|i am ?) ?(?:out|outta here|leaving for good|gone for good|"
    r"done with (?:this|it all|everything|life))\b|this is goodbye|stay (?:on this earth|alive|with us|safe)|"
    r"please don'?t (?:do it|go|leave us|give up)|"
    r"hang in there|"
    # grief, and harm done to the writer
    r"(?:killed|hanged|hung|shot) (?:himself|herself|themselves)|took (?:his|her|their) (?:own )?life|"
    r"passed away|funeral|griev\w*|bereave\w*|abus(?:e|ed|ive|ing)|assault\w*|raped?|"
    r"(?:he|she|they) (?:hit|hits|beat|beats|hurt|hurts|chokes?|choked|strangled?) me|"
    # reaching out
    r"(?:would like|need|want) (?:someone )?to talk|need someone|(?:can|could) (?:someone|anyone) (?:please )?"
    r"(?:talk|dm|message|help|listen))"
)


class RiskPort(Protocol):
    def screen(self, text: str) -> Screening: ...


class DistressGate:
    def __init__(self, risk: RiskPort) -> None:
        self.risk = risk

    def family(self, text: str) -> str | None:
        """The distress words in the writer's own message, if any (cheap; no risk screening)."""
        match = DISTRESS_FAMILIES.search(fold(text).words)
        return match.group() if match else None

    def why_not_act(self, text: str) -> str | None:
        """Why conduct must leave this message alone, or None when it may act."""
        family = self.family(text)
        if family is not None:
            return f"distress in the writer's own words (“{family}”): the referral path handles it"
        screening = self.risk.screen(text)
        if screening.tier >= Tier.CONCERN:
            return f"the risk screener reads it as {screening.tier.label}: the referral path handles it"
        return None
