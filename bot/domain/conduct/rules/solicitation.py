"""Solicitation: selling, MLM, crypto, cures for sale ("DM me for the supplement that cures it"), fundraising and
referral links. A product or a coin named in passing ("my husband lost our savings on crypto", "has anyone tried
Herbalife?") is not solicitation; the pitch is.
"""

from __future__ import annotations

import re

from bot.domain.conduct.model import Action, Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.rules.base import RuleType, evidence_in_words
from bot.domain.conduct.rules.context import clause, reported
from bot.domain.conduct.settings import ResolvedSettings

A = Action

# A pitch on its own
PITCH = re.compile(
    r"\b(?P<hit>i'?m selling|im selling|i sell|i'?m offering|for sale|selling (?:my|these|some|off)|buy (?:now|mine|"
    r"from me|it here|it now|through my)|(?:discount|promo|coupon|voucher|referral|affiliate) (?:code|link)|"
    r"use (?:my )?(?:code|link)|\d+ ?% off|limited (?:time )?offer|"
    r"(?<!in )order (?:now|yours|here|from me|through me)|shop (?:now|link)|link in (?:my )?bio|"
    r"check out my (?:shop|store|page|channel|website|site|business|products?|etsy|youtube|onlyfans|podcast|"
    r"course|book|ebook|program(?:me)?|coaching)|"
    r"(?:dm|pm|message|msg|inbox|text|whatsapp) me (?:for|to (?:order|buy|find out|learn|get|join|hear)|if you (?:want|"
    r"are interested|re interested|'re interested|'d like) (?:to (?:buy|order|join|try|know more|find out)|"
    r"more info|details|in))\b[^.!?\n]{0,60}|"
    r"business opportunity|be your own boss|(?:earn|make money|make \$?£?\d+)(?: working)? from home|"
    r"work from home (?:and|&) (?:earn|make)|join my team|passive income|"
    r"financial freedom|side hustle|i'?ve partnered with|(?:brand|independent) (?:partner|ambassador|rep|"
    r"distributor|consultant)|"
    r"gofundme|go fund me|justgiving|just giving|patreon|ko-?fi|buymeacoffee|buy me a coffee|paypal\.me|"
    r"(?:please |pls )?donate (?:to (?:my|our) (?:gofundme|page|fundraiser|link|crowdfunder)|here|via)|"
    r"sign up (?:with|using|through|via) my (?:link|code)|double your money|guaranteed (?:returns?|profits?|income)|"
    r"(?:earn|make) \$?£?\d[\d,]* (?:a|per|every) (?:day|week|month))\b"
)
# Named in passing these are nothing; beside a call to act they are a pitch.
TOPIC = re.compile(
    r"\b(?P<hit>crypto(?:currency|currencies)?|bitcoin|btc|ethereum|forex|nfts?|binary options|trading signals|"
    r"invest(?:ment|ing)? (?:opportunity|platform|plan)|herbalife|arbonne|younique|doterra|do terra|young living|"
    r"forever living|juice plus|amway|monat|isagenix|plexus|scentsy|usana|nu ?skin|modere|le-?vel|thrive patch|"
    r"supplements?|capsules|gummies|tinctures?|protocol|detox|oils?|remedy|remedies|(?:the )?cure|product|products|"
    r"miracle)\b"
)
CALL_TO_ACT = re.compile(
    r"\b(?:(?:dm|pm|message|msg|inbox|text|whatsapp) me|hmu|hit me up|i can (?:get|send|sell) you|"
    r"link (?:below|in (?:my )?bio)|click (?:here|the link|my link)|visit my|check out my|join (?:me|us|my)|"
    r"sign up (?:here|now|today|with me)|(?:ask|message) me how|(?:buy|order) (?:from me|now|here)|"
    r"(?:great|huge|amazing|guaranteed|massive) (?:returns|profits?|results)|invest (?:with me|now|today))\b"
)


def _asked(text: str, match: re.Match[str]) -> bool:
    """A question ("are these for sale?") is not a pitch."""
    _, right = clause(text, *match.span("hit"))
    return text[right:right + 1] == "?"


class Solicitation(RuleType):
    name = "solicitation"
    title = "Selling, MLM, crypto, fundraising and referral links"
    reminder = ("The group is a place for support, not for selling, recruiting or fundraising. If you think "
                "something would genuinely help people, a moderator can tell you whether it can be shared.")
    defaults = ResolvedSettings(ladder=((A.HIDE, A.NUDGE), (A.HIDE, A.WARN), (A.HIDE, A.WARN, A.ESCALATE)))
    # Phrases, not single words: "home", "team" or "make" alone are in half of all messages.
    cues = (("selling", "sell", "offering", "for sale", "buy now", "buy mine", "buy from", "buy it", "buy through",
             "discount", "promo", "coupon", "voucher", "referral", "affiliate", "use my", "use code", "%*",
             "limited offer", "limited time", "order now", "order yours", "order here", "order from", "order through",
             "shop now", "shop link", "link in", "check out my", "dm me", "pm me", "message me", "msg me",
             "inbox me", "text me", "whatsapp me", "business opportunity", "your own boss", "from home",
             "join my", "passive income", "financial freedom", "side hustle", "partnered with", "partner",
             "ambassador", "distributor", "consultant", "gofundme", "go fund me", "justgiving", "just giving",
             "patreon", "ko-fi", "kofi", "buymeacoffee", "buy me a coffee", "paypal", "donate", "sign up",
             "double your money", "guaranteed", "earn", "make money", "crypto*", "bitcoin", "btc", "ethereum",
             "forex", "nft", "nfts", "invest*", "hmu", "hit me up", "i can get you", "i can send you",
             "i can sell you", "click here", "click the link", "click my link", "visit my", "join me", "join us",
             "ask me how", "great returns", "huge returns", "amazing returns", "guaranteed returns", "massive returns",
             "amazing results", "great results"),)

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        text = folded.words
        found = []
        for match in PITCH.finditer(text):
            if settings.allows(match.group()) or reported(text, *match.span("hit")) or _asked(text, match):
                continue
            found.append(evidence_in_words(folded, match, "selling, recruiting or fundraising", "hit"))
        if not found and CALL_TO_ACT.search(text):
            for match in TOPIC.finditer(text):
                if settings.allows(match.group()) or reported(text, *match.span("hit")):
                    continue
                found.append(evidence_in_words(folded, match, "a product or scheme offered with a call to act",
                                               "hit"))
                break
        return found
