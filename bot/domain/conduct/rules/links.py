"""Unsolicited links: any link outside an allow-list of reputable health organisations (a server adds its own).

Read in the `plain` view. A domain on the list allows its subdomains too (nhs.uk allows www.nhs.uk, 111.nhs.uk).
"""

from __future__ import annotations

import re

from bot.domain.conduct.model import Action, Evidence, MessageContext
from bot.domain.conduct.normalise import Folded
from bot.domain.conduct.rules.base import RuleType
from bot.domain.conduct.settings import ResolvedSettings

A = Action

HEALTH_ORGS = (
    # Governments and public health services
    "nhs.uk", "nhs.net", "nhsinform.scot", "hse.ie", "gov.uk", "gov", "gov.au", "govt.nz", "gc.ca", "canada.ca",
    "who.int", "europa.eu", "nih.gov", "cdc.gov", "fda.gov", "medlineplus.gov", "cancer.gov", "nice.org.uk",
    "healthdirect.gov.au", "health.govt.nz", "patient.info",
    # Hospitals and clinical references
    "mayoclinic.org", "clevelandclinic.org", "hopkinsmedicine.org", "mskcc.org", "mdanderson.org",
    # Charities and support organisations
    "samaritans.org", "988lifeline.org", "crisistextline.org", "giveusashout.org", "papyrus-uk.org", "mind.org.uk",
    "rethink.org", "mentalhealth.org.uk", "youngminds.org.uk", "nami.org", "mhanational.org", "beyondblue.org.au",
    "lifeline.org.au", "headspace.org.au", "cmha.ca", "talksuicide.ca", "cancer.org", "cancerresearchuk.org",
    "macmillan.org.uk", "mariecurie.org.uk", "breastcancernow.org", "prostatecanceruk.org", "cancer.ie",
    "cancer.org.au", "aa.org", "alcoholics-anonymous.org.uk", "na.org", "ukna.org", "smartrecovery.org",
    "al-anon.org", "alateen.org", "talktofrank.com", "samhsa.gov", "diabetes.org.uk", "diabetes.org",
    "kidney.org", "kidneycareuk.org", "kidneyresearchuk.org", "heart.org", "bhf.org.uk", "stroke.org.uk",
    "alzheimers.org.uk", "alz.org", "carersuk.org", "carers.org", "nct.org.uk", "pandasfoundation.org.uk",
    "postpartum.net", "tommys.org", "lullabytrust.org.uk", "beateatingdisorders.org.uk",
    "nationaleatingdisorders.org", "anthonynolan.org", "unos.org", "transplantliving.org", "versusarthritis.org",
    "mssociety.org.uk", "nationalmssociety.org", "parkinsons.org.uk", "epilepsy.org.uk", "asthmaandlung.org.uk",
    "lung.org", "refuge.org.uk", "thehotline.org", "womensaid.org.uk",
    # Discord's own links (message links, attachments) and GIFs
    "discord.com", "discordapp.com", "discordapp.net", "tenor.com", "giphy.com",
)
# Without http:// or www., only endings that are rarely the first word of a sentence typed without a space
_TLDS = "com|org|net|io|co|uk|ly|info|biz|shop|store|xyz|gg|tv|ca|au|nz|ie|eu|int|gov|edu"
URL = re.compile(
    r"(?P<hit>(?:https?://|www\.)(?P<host>[^\s/<>?#:]+)[^\s<>]*"
    r"|(?<![@\w.\-])(?P<bare>(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:" + _TLDS + r"))\b(?:/[^\s<>]*)?)"
)


_HEALTH_ORGS = frozenset(HEALTH_ORGS)


def allowed_host(host: str, extra: tuple[str, ...] = ()) -> bool:
    """Is the host, or a domain it belongs to, on the list? One set look-up per label of the host."""
    labels = host.lower().rstrip(".").split(".")
    domains = {".".join(labels[n:]) for n in range(len(labels))}
    return not domains.isdisjoint(_HEALTH_ORGS) or any(domain in domains for domain in extra)


def hosts(folded: Folded) -> list[tuple[re.Match[str], str]]:
    return [(m, (m.group("host") or m.group("bare") or "")) for m in URL.finditer(folded.plain)]


class UnsolicitedLink(RuleType):
    name = "link"
    title = "Links outside the allow-list of health organisations"
    reminder = ("Links in the group are kept to trusted health organisations, so nobody is sent somewhere "
                "unsafe. If you'd like to share something else, a moderator can add it to the list.")
    defaults = ResolvedSettings(ladder=((A.NUDGE,), (A.HIDE, A.NUDGE), (A.HIDE, A.WARN)))
    cues = (("http*", "www*", ".com*", ".org*", ".net*", ".io*", ".co*", ".uk*", ".ly*", ".info*", ".biz*", ".shop*",
             ".store*", ".xyz*", ".app*", ".site*", ".online*", ".link*", ".gg*", ".tv*", ".health*", ".care*",
             ".ca*", ".au*", ".nz*", ".ie*", ".de*", ".fr*", ".eu*", ".int*", ".gov*", ".edu*", ".page*", ".blog*",
             ".club*", ".live*", ".life*", ".world*", ".website*", ".space*", ".fun*", ".top*", ".pro*", ".one*",
             ".ai*"),)

    def find(self, folded: Folded, ctx: MessageContext, settings: ResolvedSettings) -> list[Evidence]:
        found = []
        for match, host in hosts(folded):
            if match.group("bare") and not folded.original[slice(*folded.from_plain(*match.span("bare")))].islower():
                continue  # "too.Life": a sentence typed without its space, not a domain
            if host and not allowed_host(host, settings.allow):
                start, end = folded.from_plain(*_trimmed(folded.plain, *match.span("hit")))
                found.append(Evidence(start, end, folded.original[start:end],
                                      f"a link to {host}, which is not on the allow-list"))
        return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A link without the punctuation that closes the sentence or a bracket around it: "(see x.com/a)." ends at
    "a". A bracket the link opened itself stays: en.wikipedia.org/wiki/Grief_(emotion)."""
    while end > start:
        last = text[end - 1]
        if last in ".,;:!?'\"*_" or (last in ")]}" and text.count("([{"[")]}".index(last)], start, end)
                                      < text.count(last, start, end)):
            end -= 1
        else:
            break
    return start, end
