"""The screener's vocabulary: what each pattern means, written as data.

Patterns run over lower-cased text in which curly apostrophes are straightened. In a pattern, `'` matches an
optional apostrophe ("dont" and "don't"), and capitals name shared vocabulary: `SELF` ("myself", "my self" and
common typos), `PILLS`, `KIN` (son, wife, friend, 15 year old...), `DRUGS`, `DIE` (not "die my hair"), `DWELL`
and `DEATH` (joined: "I think about not being here"), `AFTERCARE` (post-op, after the birth). A rule written
"SUBJECT => PATTERN" matches PATTERN right after SUBJECT (see `_rules`). Each rule has a kind; `screener.py`
decides the tier from the kinds found, after setting aside negated, hyperbolic, second-person, informational
and historical matches. `gate.py` decides which rules can match a message at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    IDEATION = "suicidal ideation"  # wants to die, suicidal, kill oneself
    PASSIVE = "passive death wish"  # wish I were dead, better off without me
    PLAN = "plan or intent"
    RESOLVE = "a decision, without saying what"
    MEANS = "method or means"
    TIMEFRAME = "timeframe"
    PREPARATION = "preparation"  # stockpiling, researching how
    GOODBYE = "goodbye or final arrangements"
    FINALITY = "talk of not being around"
    GIVEAWAY = "giving things away"
    # Soft signs that weigh only together or beside something stronger (see screener._decide)
    FAREWELL = "thanks and love, as if for the last time"  # "love you all", "thanks for everything"
    SETTLED = "calm or resolved, as if decided"  # "it's better this way", "I'm at peace now", "sorry for everything"
    PLACE = "somewhere dangerous, now"  # on a roof, at the station, parked at the cliffs
    ATTEMPT = "attempt in progress"
    SELF_HARM = "self-harm"
    SELF_HARM_SEVERE = "self-harm needing care"
    ABUSE = "abuse or violence"
    ABUSE_DANGER = "danger now from another person"
    SUBSTANCE_EMERGENCY = "substance emergency"
    RELAPSE = "relapse"
    MEDICAL_NOW = "medical emergency"
    MEDICAL_FLAG = "medical red flag"
    POSTPARTUM_HARM = "thoughts of harming the baby"
    POSTPARTUM = "postpartum mood"
    DISTRESS = "distress"
    THIRD_PERSON_RISK = "a third person at risk"
    THIRD_PERSON_DANGER = "a third person in danger now"  # a goodbye text, "says she's going to jump"


@dataclass(frozen=True)
class Rule:
    kind: Kind
    pattern: re.Pattern[str]
    # Who does it, when that must come just before the pattern ("my husband ... hit me"). Kept apart so that the
    # regex starts at the rare verb instead of trying forty subjects at every word; see screener._screen.
    before: re.Pattern[str] | None = None


_SELF = r"(?:my ?s[el]{2}f|myslef|mysefl|myeslf|myslf)"
_PILLS = (
    r"(?:pills?|tablets?|tabs|meds|medication|painkillers|sleeping pills|tylenol|paracetamol|insulin|xanax|xanex|xannies|oxy(?!gen)\w*|"
    r"antidepressants|anti-depressants|sertraline|prozac|lithium|quetiapine|seroquel|codeine|co-codamol|tramadol|"
    r"morphine|ibuprofen|aspirin|amitriptyline|diazepam|valium|ambien|zopiclone|lorazepam|clonazepam|prescription|"
    r"methadone|subutex|buprenorphine|propranolol|mirtazapine|citalopram|fluoxetine|venlafaxine|zolpidem|temazepam|"
    r"acetaminophen|advil|nyquil|nurofen|panadol|panodol|anadin|solpadeine|naproxen|benadryl|antihistamines|antipsychotics|benzos|capsules|promethazine|ramipril)"
)
# Most drug names end in one of a few stems (olanzapine, escitalopram, oxycodone, pregabalin, metoprolol). Used only
# where something was taken or kept, since trying every word as a drug name is slow.
_ANY_PILLS = (
    r"(?:PILLS|\w+(?:azepam|azolam|apine|idone|oxetine|opram|triptyline|codone|morphone|barbital|gabalin|apentin|faxine|"
    r"peridol|pramine|olol|formin))"
)
_KIN = (
    r"(?:son|daughter|kid|child|teen|boy|girl|sister|brother|mom|mum|mother|dad|father|husband|wife|partner|"
    r"boyfriend|girlfriend|bf|gf|friend|bestie|cousin|aunt|uncle|grandma|grandpa|niece|nephew|roommate|"
    r"flatmate|mentee|client|patient|sponsee|stepson|stepdaughter|fianc[eé]e?|teenager|carer|caregiver|\d+ ?(?:yo|year old|yr old))"
)


# Ways of wanting or dwelling on something, and ways of speaking of one's own death: "I think about not being
# here", "I'd welcome death", "I feel like ending it". A frame joins the two.
_DWELL = (
    r"(?:think|thinks|thinking|thought|thoughts|fantasi[sz]\w*|dream\w*|obsess\w*|feel like|considering|considered|"
    r"contemplated|tempted by|"
    r"contemplating|welcome|craving|long for|longing for|keep picturing|picturing|imagin(?:e|ing))"
)
_DEATH = (
    r"(?:dying|death|suicide|suicde|sucide|suiside|suicid|ending it(?: all)?|ending my life|ending things|ending everything|topping SELF"
    r"(?! up| off)|jumping\b(?! ship| on| in| "
    r"into| at| for| the queue| around| up)|taking (?:all (?:of )?|every one "
    r"of )my (?:\w+ )?(?:pills|tablets|meds)|killing SELF|overdosing|od'?ing|not being (?:here|around|"
    r"alive)|not existing|not waking up|never waking up|disappearing forever|hanging SELF|taking my (?:own )?life|"
    r"jumping off|(?:jumping|stepping|throwing SELF) (?:in front of|under|off)|my own funeral|my funeral\b(?! (?:plan|insurance|costs?|arrangements|director))|crashing (?:the|my) car|"
    r"driving off (?:a|the) (?:road|bridge|cliff))"
)


_DRUGS = (
    r"(?:xanax|benzos?|fentanyl|heroin|oxy(?!gen)\w*|opioids?|methadone|alcohol|vodka|booze|lean|ketamine|ghb|diazepam|valium|"
    r"pregabalin|gabapentin|codeine|tramadol|morphine|sleeping (?:pills|tablets)|wine|drink)"
)
# How much was taken, when it is more than a dose: "the whole box", "every one of", "30 of my", "a week's worth"
_DOSE = (
    r"(?:all of (?:my|the|her|his|their)|every (?:one|single one|last one) of|everything|whole|entire|\d{2,}|"
    r"(?:full|complete) (?:supply|prescription|box|pack|packet|bottle|strip|month|week)|"
    r"\d+ of|the rest of|what(?:ever)?(?: was|'s| is) left of|(?:a|two|the) (?:week|month)'s|loads of|too many|a (?:bunch|handful|bottle|box|load|lot|pack|"
    r"packet|strip|tub) of)"
)
# The edge of a bed or a bath is not a drop: follows "edge"
_NOT_FURNITURE = (
    r"(?! of (?:the |my |a |his |her )?(?:bed|sofa|couch|chair|seat|bath|bathtub|tub|pool|table|desk|stage|kerb|curb|"
    r"pavement|mattress|cot|bunk|sink))"
)
_PLACES = (
    r"(?:roof|rooftop|car park|multi[- ]?storey|tower block|bridge|footbridge|overpass|flyover|viaduct|cliffs?|"
    r"cliff ?top|beachy head|(?:train |railway |tube )?station|platform|tracks|level crossing|motorway|river ?bank|pier|harbour wall|quarry|"
    r"reservoir|dam|edge" + _NOT_FURNITURE + r"|river|canal|weir|railway line|train line)"
)
# Blue lips from a cold swim, a slushie or lipstick are not cyanosis
_NOT_COLD = (
    r"(?![^.?!]{0,50}\b(?:cold|freezing|swim\w*|sea|pool|ice|lolly|slushie|blueberr\w*|sweets?|paint|dye|lipstick)\b)"
)
# Tablets taken as they should be, or taken back: "took all my tablets on time", "had every tablet going"
_NOT_ROUTINE = (
    r"(?! (?:\w+ )?(?:going|under the sun|back|checked|reviewed|on time|as prescribed|this morning|today|regularly|every day|"
    r"correctly|properly|with (?:food|breakfast|lunch|dinner|tea)|like (?:the|my) (?:nurse|doctor|gp)|(?:she|he|they|i) (?:was|were|"
    r"am|is|are) prescribed)\b)"
)
# A cut or a burn that happened: "cut my arm on a nail", "burned my legs in the sun"
_NOT_ACCIDENT = (
    r"(?![^.?!]{0,40}\b(?:on (?:the|a|my) (?:\w+ )?(?:oven|iron|kettle|pan|hob|stove|tray|fence|nail|bramble|door|corner|radiator|exhaust|"
    r"grill|barbecue|bbq|bike|chain|saw)|in the sun|sunburn\w*|shaving|by accident|accidentally|by mistake|bramble|nettles?|"
    r"chopping|cooking|baking|gardening|fell off|fell over|waxing)\b)"
)
# An engine left running to warm the car or charge the battery
_NOT_WARMING = (
    r"(?![^\n]{0,40}\b(?:warm\w*|defrost\w*|de-?ic\w*|charg\w*|battery|before work|mechanic|fix\w*|working on|tun\w*|tinker\w*|"
    r"servic\w*|as usual)\b)"
)
_AFTERCARE = r"(?:(?:post|after)[- ](?:c-?section|op|surgery|operation|partum|birth|delivery|transplant))"


def _compile(source: str) -> re.Pattern[str]:
    source = source.replace("DIE", r"d[iy!1*]e\b(?! (?:my|your|her|his|their|the|it) )")
    source = source.replace("DWELL", _DWELL).replace("DEATH", _DEATH).replace("DRUGS", _DRUGS)
    source = source.replace("AFTERCARE", _AFTERCARE).replace("DOSE", _DOSE).replace("PLACES", _PLACES).replace("NOT_COLD", _NOT_COLD)
    source = source.replace("NOT_WARMING", _NOT_WARMING).replace("NOT_ROUTINE", _NOT_ROUTINE)
    source = source.replace("NOT_ACCIDENT", _NOT_ACCIDENT)
    source = source.replace("ANY_PILLS", _ANY_PILLS)
    source = source.replace("SELF", _SELF).replace("PILLS", _PILLS).replace("KIN", _KIN)
    return re.compile(source.replace("'", "'?"))


def _rules(kind: Kind, *sources: str) -> list[Rule]:
    """A source written "SUBJECT => PATTERN" matches PATTERN right after SUBJECT (the space around => is not part
    of either: write "[ ]" where SUBJECT ends in one)."""
    rules = []
    for source in sources:
        before, _, pattern = source.rpartition(" => ")
        rules.append(Rule(kind, _compile(pattern), _compile(f"(?:{before})$") if before else None))
    return rules


RULES: list[Rule] = [
    *_rules(
        Kind.IDEATION,
        r"\bthink(?:ing)? about (?:walking|stepping|running) (?:out )?(?:into|in front of) (?:the )?(?:road|traffic|a (?:car|bus|"
        r"lorry))\b",
        r"\bi (?:overdose|od) (?:tonight|today|tomorrow)\b|\b(?:tonight|today|tomorrow) i (?:overdose|od|die|end it)\b",
        r"\bnot (?:planning on|going to be|gonna be) checking out\b",
        r"\b(?:plan|planned|planning) (?:was |is )?(?:always )?to (?:go|die|be gone|end it) (?:before|by) (?:i turn|i'm|my)\b",
        r"\b(?:top of the stairs|edge|balcony|window|platform|bridge|cliff)\b[^.?!]{0,40}\bthink(?:ing)? about (?:falling|jumping|"
        r"throwing myself|letting go)\b",
        r"\b(?:i|keep|kept|been|can't stop|cant stop) (?:stare|staring|look|looking) at (?:the|my|all the|all my) (?:pills|tablets|"
        r"gun|shotgun|rope|blades?|knives|razors?)\b(?=[^.?!]{0,40}\b(?:every night|for hours|and think|all the time|again)\b)",
        r"\bif (?:things|it|nothing|life) (?:don't|doesn't|dont|doesnt|won't|wont) (?:get better|change|improve)\b[^.?!]{0,30}"
        r"\b(?:i'm done|i'm out|that's it|i'll end it|i'm ending it|i'll do it)\b",
        r"\b(?:think|thinking|thought) about (?:just )?(?:turning|yanking|jerking|letting go of) the (?:steering )?wheel\b",
        r"\b(?:reading|read|researching|looking up|googling|watching videos) (?:a lot )?(?:about )?how (?:people|others|they|you) "
        r"(?:do it|did it|kill themselves|end it|die)\b",
        r"\bthe how and the when\b|\bsearch(?:ing)? history\b[^.?!]{0,30}\b(?:overdos\w*|suicide|ways to die|how to die|"
        r"hanging|nooses?|lethal)\b|\b(?:searched|searching|googled|googling|looked up|looking up) (?:about |for )?"
        r"(?:overdos\w*|lethal doses?)\b(?! (?:awareness|prevention|stats|statistics|training|kits?)\b)",
        r"\b(?:i'm|im|i am|i've|ive) (?:starting|started|begun|beginning) to plan\W*(?:$|[.!?,\n])|\b(?:want|wanna) (?:to )?d i e\b",
        r"\b(?:swerve|crash|veer|go off the road|step out|fall)\b[^.?!]{0,20}\band (?:that would|that'd|it would|it'd) (?:be "
        r"that|be it|all be over)\b",
        r"\b(?:keep|kept|been|can't stop|cant stop) (?:looking at|staring at|thinking about) (?:the|my|his|(?:my )?(?:dad's|father's|"
        r"husband's|partner's|brother's)) (?:guns?|shotguns?|"
        r"rifle|pistol|rope|blades?)\b",
        r"\blost (?:everything|it all|all (?:my|our) (?:money|savings))\b[^\n]{0,60}\b(?:going (?:down )?to|heading (?:down )?"
        r"to|on my way to) the (?:river|bridge|sea|canal|tracks|cliffs?|roof)\b",
        r"\b(?:gun|pistol|rifle|shotgun|firearm)\b[^.?!]{0,40}\b(?:thinking about (?:it|using it)|keep looking at it|holding "
        r"it)\b(?![^.?!]{0,40}\b(?:hunt\w*|range|season|competition|shoot(?:ing)? club)\b)",
        r"\b(?:i )?know (?:exactly )?(?:what|how much|how many)(?: of \w+)? (?:would|will|it'd|it would take to) (?:do it|kill "
        r"me|be enough|finish me)\b",
        r"\bplann(?:ing|ed) (?:out )?how (?:i'd|i would|i'll|i will) do it\b",
        # assisted dying sought as a way out, not studied
        r"\b(?:looking (?:at|into)|researching|googling|contacted|called|joined|applied to|signed up (?:to|with)) (?:dignitas|"
        r"assisted (?:dying|suicide)|dignity in dying|euthanasia)\b(?![^.?!]{0,60}\b(?:assignment|essay|uni|course|law|"
        r"campaign|bill|debate|documentary|petition|vote)\b)",
        r"\bhelp me (?:end it|die|end my life|kill SELF)\b",
        r"\b(?:won't|wont|will not|not going to) survive (?:it|this|that|the \w+) (?:on purpose|deliberately)\b|\bmake sure i "
        r"(?:don't|dont|won't|wont) (?:survive|wake up|come round)\b",
        r"\b(?:doesn't|doesnt|don't|dont|won't|wont) (?:get|kill|finish) me\b[^.?!]{0,30}\b(?:i'll|i will|i'm going to|im gonna|"
        r"i'm gonna) (?:do it|finish it|finish the job) (?:myself|SELF)\b",
        r"\bi (?:\w+ ){0,2}(?:so |really |too |right )?close to the edge of the (?:platform|cliff|bridge|roof|tracks|car park)\b"
        r"(?=[^.?!]{0,40}"
        r"\b(?:trains?|come through|jump|step|fall|drop|traffic)\b)",
        r"\b(?:could|might|will|gonna|going to|should) (?:just )?(?:run|drive|crash|steer|swerve) (?:the |my )?car "
        r"(?:off the road|off a (?:bridge|cliff)|into (?:a|the) (?:tree|wall|river|lorry|truck))\b",
        r"\b(?:gotta|got to|going to|gonna|have to|need to|will|i'll) (?:go )?attempt (?:again|it again|suicide)\b",
        r"\bsuicide is my (?:choice|decision|answer|only way|way out)\b",
        r"\b(?:want|wanna|wanting) (?:to )?(?:fucking|fkn|fking|effing|actually|genuinely|honestly) DIE",
        r"\bplann(?:ed|ing) (?:a |my |another )?(?:serious |real |proper )?attempt\b",
        r"\bwhy (?:shouldn't|shouldnt|not) i (?:just )?(?:end it|do it|kill SELF|die)\b",
        r"\bif only i had the (?:\w+ )?(?:courage|guts|balls|nerve)\b",
        r"\bstop(?:ped)? myself from (?:running|stepping|walking|driving|jumping|swerving) (?:out )?(?:into|in front of|off) "
        r"(?:the )?(?:street|road|traffic|train|tracks|bridge|lorry|bus)\b",
        r"\bbefore (?:i )?(?:commit(?:ting)? )?suicide\b",
        r"\bto kill oneself\b|\b(?:only|one) (?:thing|person|reason) (?:that's |thats |that is |which is )?(?:keeping|stopping) me "
        r"from (?:it|doing it|killing SELF|ending it|going through with it)\b",
        r"\b(?:my|the|a) (?:last |latest |previous |recent )?(?:suicide )?attempt failed\b|\bfailed (?:suicide )?attempt\b(?! (?:at|to) (?:\w+ )?(?:bake|cook|make|"
        r"fix|pass|run|get))",
        r"\b(?:need|give me|looking for|find|one) (?:a |one |good )?reason (?:not to|to not) (?:end my life|kill SELF|do it|"
        r"end it|die)\b",
        r"\bwhy (?:shouldn't|shouldnt|not) i (?:just )?do (?:the world|everyone|everybody) a favou?r\b",
        r"\bhow is suicide not the answer\b",
        r"\b(?:decided|desided|made up my mind|planned|planning) (?:on|to) (?:end(?:ing)? it(?: all)?|kill(?:ing)? SELF|die|dying|"
        r"end(?:ing)? my "
        r"life|commit(?:ting)? suicide)\b",
        r"\b(?:don't|dont|do not) (?:really )?want to die but\b[^.?!]{0,40}\b(?:no (?:other )?choice|no other way|have to|"
        r"can't go on|cant go on|no way out)\b",
        r"\bready for the (?:long|big|eternal|final) sleep\b",
        r"\bblow my (?:\w+ )?brains out\b",
        r"\bkeeps? me from (?:driving off|crashing|jumping|killing SELF|doing it|ending it)\b",
        r"\bshould (?:have|'ve) (?:just )?(?:done it|ended it|killed SELF|gone through with it)\b(?! (?:earlier|sooner|before "
        r"(?:the|my|work)|properly|myself|instead|the other))",
        r"\b(?:never|don't|dont|won't|wont) (?:have|had) the (?:guts|courage|balls|nerve) to (?:actually )?(?:commit suicide|do it|"
        r"kill SELF|end it|go through with it)\b",
        r"\b(?:can't|cant|couldn't|couldnt) even (?:kill SELF|do that right|die right|get that right)\b",
        r"\b(?:only|one) (?:thing|person|reason) (?:that's |thats |that is |which is )?keeping me (?:alive|here)\b",
        r"\b(?:on|at) the (?:point|verge|brink|edge) of (?:suicide|killing (?:SELF|himself|herself|themselves))\b",
        r"\b(?:i'll|i will|i shall|i'm going to|im going to|i'm gonna|im gonna|gonna|going to|want to|wanna|wanting to|planning to|"
        r"about to|i'm|im|i am|i might|i could|might|could)(?: just)?[ ] => (?:commit(?:ting)?|do) suicide\b",
        r"\bsuicide (?:is|seems|feels like) (?:the|my) (?:answer|only (?:option|way|way out|answer)|way out)\b",
        r"\bmight as well (?:just )?(?:do it|end it|die|kill SELF|get it over with)\b(?! (?:now |today |tonight )?(?:and|then|"
        r"while|before|after)\b)",
        r"\btrying (?:so hard |really hard |my best )?(?:not to|to not) (?:kms|kill SELF|end it|do it|jump|overdose|od)\b"
        r"(?! (?:in|at) )",
        r"\bhow (?:to|do i|do you|can i|could i) (?:commit suicide|kill SELF|end my life|DIE)",
        r"\b(?:easiest|quickest|painless|best|only) way out\b(?! of (?:the|this|that|my) (?:contract|deal|car park|building|"
        r"situation|job|house|room|maze|mess|debt))",
        r"\bcan i (?:just )?end (?:this|it)\W*(?:$|[.!?\n])",
        r"\b(?:only|just) (?:staying )?(?:alive|living|still here|here) (?:for|because of) (?:other people|others|my (?:kids|"
        r"children|family|mum|"
        r"mom|dad|son|daughter|dog|cat|wife|husband|partner))\b",
        r"\b(?:driving|pushing) me (?:to|towards) (?:suicide|kill(?:ing)? SELF)\b",
        r"\bset(?:ting)? SELF (?:on fire|alight|ablaze)\b|\bburn SELF alive\b|\bself[- ]immolat\w*",
        r"\b(?:thoughts?|voices?)\b[^.?!]{0,40}\btell(?:s|ing)? me to\b[^.?!]{0,40}\b(?:end it(?: all)?|die|kill SELF|jump)\b",
        r"\b(?:destined|meant|going) to die by suicide\b",
        r"\bhow (?:can|could|do|should|would) i (?:DIE|kill SELF|end it|end my life\b)",
        r"\b(?:wanting|want|wanted|urge) to (?:run and )?jump (?:out|off)\b(?! (?:of (?:bed|my skin|the car)|the sofa))",
        r"\b(?:the )?only reason (?:why )?(?:i (?:haven't|havent|have not|didn't|didnt) (?:ended my life|killed SELF|done it|gone "
        r"through with it|commit(?:ted)? suicide)|(?:i'm|im|i am) (?:not dead|still alive|still here))\b",
        r"\ball i (?:want|wanna|wish) (?:to do )?is (?:to )?(?:commit suicide|die|kill SELF|end it|end my life)\b",
        r"\bwish i (?:had|was brave enough|had the) (?:\w+ ){0,3}(?:courage|guts|balls|nerve) to (?:actually )?(?:do it|end it|go "
        r"through with it|kill SELF|end my life)\b",
        r"\b(?:might|could|will|gonna|going to|want to|wanna|should) (?:just )?(?:leap|jump) off(?: (?:the |a )?(?:PLACES|building|"
        r"something high))?(?=\s*(?:[.!?,\n]|$|today|tonight|now|soon))",
        r"\b(?:body|brain|mind|head|voice) (?:is |keeps )?(?:tell(?:ing|s)? me to|saying|says) (?:just )?(?:end it|die|do it|"
        r"kill SELF)\b(?![^.?!]{0,30}\b(?:apply|go for|book|buy|sign up|ask|try)\w*)",
        r"\bvoices (?:are )?(?:telling|tell|told|keep telling) me (?:to (?:kill|hurt|harm|end) (?:SELF|it)|i(?:'d| would| should)? "
        r"(?:be better off dead|should die|deserve to die))",
        r"\b(?:keep |been |always )?(?:googling|googled|searching|looking up|reading about) (?:about |for )?['\"]?(?:(?:painless|"
        r"quick|quickest|easy|easiest|best) )?(?:suicide|ways to die|"
        r"dying)\b(?! (?:statistics|stats|rates|prevention|helplines?|charit\w*|awareness|support|training))(?![^\n]{0,60}"
        r"\b(?:essay|course|assignment|dissertation|uni|module|project|talk|presentation|training)\b)",
        r"\b(?:not turning|not turn|letting go of|let go of) the (?:steering )?wheel\b|\b(?:think|thought|thinking) about "
        r"(?:just )?(?:swerving|crashing|veering)\b",
        r"\bjump (?:off|from) (?:of )?(?:my|the|a|this) (?:balcony|roof|bridge|building|cliff|ledge|car park|multi[- ]?storey)\b",
        r"\b(?:courage|guts|nerve|balls) to (?:jump|do it|end it|kill SELF|go through with it|end my life)\b",
        r"\burge to (?:\w+ ){0,3}(?:in|into|across|through) my (?:neck|throat|wrists?)\b",
        r"\b(?:just )?(?:stepping|jumping|walking|throwing myself) in front of (?:a|the|the next) (?:train|bus|lorry|truck|"
        r"car)\b",
        r"\b(?:suicide|death|dying|ending it)(?:'s| is| feels| seems) (?:like )?(?:the|my) (?:only|best|right|last) (?:option|way "
        r"out|answer|choice|thing)\b",
        r"\b(?:debating|deciding|not sure|unsure|questioning) (?:whether|if) (?:to|i (?:want to|should)|i can) (?:keep )?"
        r"(?:living|go on|going on|be alive|stay alive)\b",
        r"\b(?:want|wanted|wanting|wanna|wana|wants|wamt|wnat|need|needs|ready|like|thinking about|think about|"
        r"thought about|thoughts of|urge|urges) ?(?:to )?(?:just )?(?:DIE|kill SELF|"
        r"end (?:it all|it|my life|things|everything)|unalive SELF|be dead|not exist|not be alive|not be here\b(?! (?:at|in|"
        r"for|on|when|while|today|tonight)\b))\b(?! with\b)",
        # "I'm going to die" is mostly fear or hyperbole; "going to kill myself" is intent
        # "going to end it with my boyfriend" is a break-up
        r"\b(?:going|gonna) (?:to )?(?:just )?(?:kill SELF|end (?:it all|it|my life|things|everything)|unalive SELF)\b(?! with\b)",
        r"\bkill?(?:ed|ing|in|s)? SELF\b",
        r"\b(?:scared|afraid|frightened|worried) (?:of )?what i (?:might|could|will|'ll) do(?: to (?:myself|SELF))?\b",
        r"\b(?:kms|kys myself|unalive SELF|unaliving|sewer ?slide|self[- ]?unalive|off(?:ing)? SELF|suicide fantasies|suicidal "
        r"fantasies)\b",
        r"\b(?:suicidal|suicdal|sucidal|suicidle|sucidle|suicidel|suicidial|suisidal|suycidal|suacidal)\b",
        r"\b(?:suicide|su[iy]?cide) (?:thoughts|ideation|attempt|plan|note)",
        r"\b(?:thinking|thought|think) (?:about|of) (?:suicide|dying|ending it|death a lot)",
        r"\btake my (?:own )?life\b",
        r"\bend(?:ing)? (?:my|it) (?:life|all)\b",
        r"\b(?:i'm|im|i am|i'll|ill|i will) (?:just )? => \b(?:ending|end) (?:it|it all|my life|everything)\b(?! with\b)"
        r"(?! (?:there|here) (?:for|then|now)\b)",
        r"\b(?:i|i'm|im) (?:done|finished) (?:with (?:life|living|everything)|living)\b(?! (?:on|in|for|at|from)\b)",
        r"\bwants? to DIE",
        r"\bkill (?:himself|herself|themselves|themself)\b",
        # "I want to jump" beside a roof, bridge or ledge; not into a pool or at a chance
        r"\b(?:want|wanna|going|gonna|about|ready|urge) to jump\b(?! (?:in|into|on|at|up|ship|around|for|the queue))",
        r"\b(?:hang|hanging|shoot|shooting|drown|drowning|poison|gas|gassing|electrocute) SELF\b",
        r"\bplann(?:ed|ing) my (?:exit|death|suicide|way out)\b",
        r"\b(?:might|may|could|should) (?:just )?(?:end it|end it all|end things|kill SELF|end my life)\b",
        r"\b(?:drink|drinking|use|using|eat|eating) (?:myself|SELF) to death\b",
        r"\b(?:use|turn) (?:it|the knife|the gun|them|the pills) on (?:myself|SELF)\b",
        r"\b(?:suicide|dying|death|killing SELF|ending it) (?:is|has been|'s been|keeps) (?:on my mind|in my head)\b",
        r"\b(?:think|thinking|thought) about using (?:it|the gun|them|the pills|the rope|the knife)\b",
        r"\b(?:looking at|staring at|drawn to) the (?:bridge|tracks|edge|river|cliff|ledge)\b[^.?!]{0,60}\bthinking about "
        r"(?:it|jumping|stepping off)\b",
        r"\b(?:keep|can't stop|cant stop|i|i've been|been) (?:think|thinking|thought) about (?:the|my|all (?:the|my)) (?:pills|"
        r"tablets|rope|gun|knife|bridge)\b(?! (?:club|game|party|i need|i ordered|i forgot|for)\b)",
        r"\b(?:bridge|edge|cliff|tracks|roof|platform|car park)\b[^.?!]{0,40}\bto see if i (?:can|could) (?:do it|go through with "
        r"it|jump)\b(?! (?:in|under|faster|without)\b)",
        r"\b(?:tried|attempted) to (?:kill SELF|end (?:it|my life)|overdose|od) (?:\w+ ){0,3}(?:before|once|in the past)\b",
        r"\b(?:walk|walking|swim|swimming) (?:into|out into) the (?:sea|river|lake|ocean|water)\b(?! (?:for|with))",
        r"\ba (?:date|day|time) to (?:end it|die|kill SELF)\b",
        r"\bDWELL (?:a lot |alot |so much |loads )?(?:about |of )?(?:the (?:peace|idea|thought|relief|comfort|quiet) of )?(?:\w+ )?"
        r"DEATH\b(?! (?:ship|of (?:a|my) (?:friend|loved)))",
        r"\b(?:drive|driving|crash|crashing|steer) (?:the |my )?(?:car )?(?:into|off) (?:a |the )?(?:river|wall|tree|"
        r"cliff|bridge|lake|sea|traffic|lorry|truck|oncoming)\b",
        r"\b(?:keep|kept|been|find myself|caught myself) (?:driving|walking|going|cycling) (?:past|over|across|up to|to) (?:the|that) "
        r"PLACES\b[^.?!]{0,30}\b(?:slow\w*|stop\w*|look\w* (?:down|over)|staring|pull\w* over)\b",
        r"\b(?:can't|cant|cannot|can not|not able to|unable to|(?:don't|dont) think i can|not sure i can|(?:don't|dont) know if i can|"
        r"no longer) (?:keep|stay|be) (?:myself |SELF )?safe\b|\b(?:can't|cant|cannot|won't|wont) (?:promise|guarantee) (?:i'll|ill|i will|"
        r"that i'll|i can|i'm going to) (?:be|stay|keep (?:myself|SELF)) safe\b",
        r"\b(?:i'm|im|i am|i'll be|ill be) (?:finally )?checking out\b(?! (?:of|from|at|the|this|that|those|these|some|a|an|my|your|our|"
        r"new|what|how|early|late)\b)(?![^\n]{0,60}\b(?:hotel|hospital|ward|airbnb|b&b|room|discharg\w*|library|shop|book|caravan|"
        r"cottage|lodge)\b)",
        r"\bif i (?:crashed|crash|died|was gone|wasn't here|were gone|weren't here|ended it)\b[^.?!]{0,30}\b(?:it'd|it would|that would|"
        r"that'd|would) (?:solve|fix|sort|end) (?:everything|it all|all (?:of )?this|all my problems|all the problems)\b",
        r"\bthink(?:ing)? about how i(?:'d| would| could| might) do it\b(?! (?:differently|better|again|if|with|without|on|at|for)\b)",
        r"\bdead inside\b[^.?!]{0,40}\bmake it (?:official|real|permanent)\b",
        r"\b(?:a |the |this )?(?:pull|urge|tug) (?:towards?|to) (?:the )?(?:edge|tracks|drop|traffic|oncoming|rails?)\b",
        r"\b(?:want|wanna|going|gonna|could|should|might|will|i'll|ill) (?:to )?(?:just )?top (?:SELF|himself|herself|themselves|themself)\b(?! up| off)",
        r"\b(?:drown(?:ed|ing)?|kill(?:ed|ing)?|end(?:ed|ing)? it for|take) (?:us both|both of us|all of us|us all)\b(?! (?:in|at|to|out)\b)",
        r"\b(?:think(?:ing)? about|thoughts? (?:of|about)|want(?:ing)? to|wanna|going to|gonna|plan(?:ning)? to|ready to|decided to|will|"
        r"i'll|might|urge to) (?:just )?ctb\b|\bctb (?:thoughts|plans?|methods?|urges?)\b",
        r"\b(?:want|wanna|going|gonna|think(?:ing)? about|thoughts? (?:of|about)|might|could|will|ready to|plan(?:ning)? to|urge to) (?:to )?"
        r"(?:just )?unalive\b(?! (?:him|her|them|you|the|that|this|those|these|people|someone|somebody|everyone)\b)",
        r"\bsui(?:c)? (?:ideation|thoughts?|feelings?|urges?|attempt|plans?)\b|\bfeeling (?:very |really |so |a bit |kinda |pretty )?sui\b",
        r"\b(?:plan|planning|planned|think about|thinking about|thought about|drafting|drafted|rehears\w*) what (?:i'd|i would|i'll|i will|"
        r"to) (?:write|say|put) in my (?:note|letter|goodbye|last letter)\b",
        r"\b(?:think\w*|wonder\w*|worry\w*|worried) (?:about )?who (?:would|will|'d|might|is going to) find (?:me|my body)\b",
        r"\b(?:googl\w*|search\w*|look\w* up|looking into|read up)\b[^.?!]{0,40}\b(?:if|when|after) (?:you|someone|people|i) (?:kill "
        r"(?:yourself|themselves|myself)|commit suicide|die by suicide|take (?:your|their|my) (?:own )?life)\b",
        r"\b(?:think\w*|thought) (?:about|of) (?:injecting|taking|using|doing) (?:all|the whole lot|every unit|the rest) (?:of )?(?:my |the )?"
        r"(?:insulin|pens?|morphine|methadone|fentanyl|patches)\b",
        r"\b(?:want|wanna|will|going to|gonna|decide|decided|plan|think|thinking|must|wish) (?:to )?(?:finish|end|stop|close|kill|take) (?:my|me) "
        r"(?:life|self|own life)\b(?! (?:story|stories|insurance|admin|savings|policy|cover)\b)",
        r"\b(?:make|do|doing|making|to make) (?:a )?suicide\b",
        r"\bi (?:will|want to|wanna|go to|am going to|must|shall|try to|think to|want) kill me\b",
        r"\b(?:uninstall(?:ing)?|delete|deleting|unsubscrib\w*|rage ?quit\w*|log(?:ging)? out of|alt[- ]f4(?:ing)?) (?:myself )?(?:from )?"
        r"(?:life|existence|reality|this world)\b",
        r"\b(?:i'm|im|i am|i'll|ill|i will) (?:going to |gonna )?(?:be dead|stop existing|not exist|cease to exist|not wake up|disappear forever|"
        r"end it all|end my life|unalive myself)\b(?! (?:by|before|when|if) (?:the|this|that|then|next)\b)",
        r"\b(?:i'm|im|i am) (?:going to|gonna) die (?:tonight|today|tomorrow|this week|this weekend)\b(?! (?:of|from|at|in|if)\b)",
        r"\bwants? to (?:kms|unalive (?:myself|me))\b",
        r"\b(?:i|i'm|im|i am) (?:plan|planning|intend|intending) to (?:end it|end my life|kill myself|die)\b",
        r"\b(?:go|die|leave|end it|end things|check out|bow out) on my own terms\b(?! (?:at|in|from) (?:work|the job|my job|uni|school)\b)",
        r"\bwalk(?:ing)? (?:into|in|out into|off into) (?:the )?(?:woods|forest|hills|moors|sea|snow|wilderness|mountains)\b[^.?!]{0,20}\b(?:until|"
        r"till|and never|and not) (?:i can't|i cant|i drop|i die|come back|i collapse)\b",
    ),
    *_rules(
        Kind.PASSIVE,
        r"\b(?:so much |a lot )?easier (?:to|if i) (?:just )?(?:not be alive|not be here|not exist|die|be dead)\b|\bpretending "
        r"(?:that )?i (?:want to be alive|want to live|want to be here)\b",
        r"\b(?:everyone|they|people|my family|everybody)\b[^.?!]{0,15}\b(?:would|'d) be (?:relieved|glad|happy|fine) if i (?:was|"
        r"were|'m) (?:gone|dead|not here)\b",
        r"\b(?:nobody|no one|noone) would (?:even )?(?:come to|turn up to|go to|cry at) my funeral\b|\bwhat the point (?:of|in) me "
        r"is\b",
        r"\bhoping (?:the )?(?:scan|results?|tests?|biopsy)\b[^.?!]{0,30}\b(?:shows? something|bad|cancer|terminal)\b[^.?!]{0,30}"
        r"\b(?:all over|over with|the end)\b",
        r"\b(?:don't|dont|can't|cant) see how i can (?:keep (?:living|going)|go on|carry on)\b(?! (?:with|at|in)\b)",
        r"\bcrossing (?:the )?roads?\b[^.?!]{0,30}\b(?:don't|dont|do not|without) look(?:ing)?\b[^.?!]{0,15}\bon purpose\b",
        r"\b(?:anyone|anybody|people|someone) (?:to |would |will |'d )?(?:even )?notice (?:if )?i (?:was|were|'m|am) (?:gone|dead)\b",
        r"\b(?:hope|hoping|wish|pray) (?:this|tonight|it) (?:is|'s|will be) the last time i (?:have to )?(?:go to sleep|wake up|"
        r"wake)\b",
        r"\bcounting down (?:the days )?(?:until|till|til) (?:i (?:don't|dont|won't|wont) have to|i die|it's over|the end)\b",
        r"\bif i (?:disappeared|died|was gone|wasn't here|didn't wake up)\b[^.?!]{0,40}\b(?:for the best|better for everyone|a "
        r"relief|easier)\b",
        r"\b(?:death|dying) (?:doesn't|doesnt|does not|no longer) (?:scare|frighten)s? me\b[^.?!]{0,20}\b(?:living|life|being "
        r"alive) (?:does|scares)",
        r"\b(?:doing|do) (?:everyone|the world|everybody|them|my family) a favou?r by (?:not being (?:here|around|alive)|dying|"
        r"disappearing)\b",
        r"\bthe (?:idea|thought) of (?:not waking up|dying|not existing|not being here|death|being dead)\b[^.?!]{0,40}\b(?:calms|"
        r"comforts|soothes|helps|relief|peace)",
        r"\b(?:can't|cant|cannot|don't|dont) (?:see|imagine) (?:myself )?making it (?:to|past) (?:\d+|thirty|forty|christmas|next "
        r"year|the new year|my (?:\w+ )?birthday)\b(?! (?:minutes|mins|miles|km|laps|weeks)\b)",
        r"\b(?:imagin\w*|think\w* about|wonder\w*) (?:what it would be like )?if i (?:just )?(?:stopped breathing|died|wasn't "
        r"here|disappeared|didn't wake up)\b",
        r"\b(?:lighter|better|brighter|happier|easier|kinder|nicer) (?:place |world )?without me(?: in it| around| here)?\b(?! "
        r"(?:at|on|for|in the|there|tonight|today)\b)",
        r"\blet me (?:just )?(?:not wake up|never wake up|sleep forever|not exist|stop existing)\b",
        r"\b(?:wish|wishing|hope|hoping|pray|praying) (?:that )?i (?:would|could|will|'d|might) (?:simply |just )?(?:die|pass away|"
        r"go) in my sleep\b",
        # "I don't want to die but I can't live like this either": the second half is the wish
        r"\bbut i (?:can't|cant|cannot|don't want to|dont want to) (?:live|go on|keep (?:going|living)|carry on) like this "
        r"either\b",
        r"\b(?:a bullet|death|dying|a rope|the pills|not existing|being dead|not waking up) (?:sounds|seems|looks|feels) (?:so )?"
        r"(?:better|easier|nicer|preferable|more appealing) than\b",
        r"\b(?:don't know|dont know|not sure|wonder|wondering|unsure) (?:if|whether) (?:(?:life|living|any of (?:it|this))(?:'s| "
        r"is) (?:even |really )?worth (?:it|living|all this|the pain|this)|it(?:'s| is) (?:even |really )?worth living)\b",
        r"\b(?:relieved|a relief|happy|glad|grateful) if i (?:just )?(?:didn't|did not|don't|never|wouldn't) wake up\b",
        r"\bplan(?:s|ning)? my (?:own )?funeral (?:every|each|most|all) (?:night|day)\b|\bplan(?:s|ning)? my (?:own )?funeral in "
        r"my head\b",
        # euphemisms for leaving life
        r"\btapping out of (?:life|living|this life|existence)\b|\bwant(?:s)? off this (?:ride|planet|earth|rock)\b|\bpermission "
        r"to die\b",
        r"\b(?:reached|come to|nearing|at) the end of (?:my|the) (?:road|line)\b(?! (?:with|at|for|on)\b)",
        r"\b(?:want|ready|going) to go home to (?:god|jesus|heaven|the lord)\b|\bcheck(?:ing)? out early\b(?! (?:of|from)\b)"
        r"|\bready to check out\b(?! (?:of|from)\b)",
        r"\b(?:go|goes) dark and stay dark\b|\b(?:wish|want|hope)\b[^.?!]{0,20}\b(?:switch|turn) (?:me|"
        r"myself) off\b",
        r"\b(?:don't|dont|do not) belong (?:in|on) (?:this world|this earth|this planet)\b|\b(?:don't|dont) think i'?ll be (?:in "
        r"it|here|around|alive)\b(?! (?:for|at|by|when|on)\b)",
        r"\bwish(?:ing|ed)? (?:that )?(?:i'd|i would|i could|i) (?:just )?(?:not|never) wake up\b(?! (?:the|my|her|him|them|early|"
        r"late)\b)",
        r"\b(?:never had me|never been born|better off without me)\b[^\n]{0,60}\bi should (?:just )?(?:go|disappear|die|leave)\b",
        r"\bhow easy it (?:would|'d) be to (?:just )?(?:not (?:go home|come back|wake up|be here)|drive off|keep driving|end "
        r"it|disappear)\b",
        # wanting to be with someone who has died
        r"\b(?:died|passed away|passed|lost (?:her|him|them)|death|funeral|grave|anniversary)\b[^\n]{0,80}\b(?:want|wanna|need|"
        r"going|ready|long) to (?:be with|join) (?:her|him|them)\b(?! (?:at|on|for|when|while|in)\b)",
        r"\b(?:miscarriage|stillb\w+|died|passed away|lost (?:her|him|them)|funeral)\b[^\n]{0,60}\bshould (?:have|'ve) gone with "
        r"(?:her|him|them)\b",
        r"\bbetter off (?:in the ground|six feet under|in a box|underground)\b|\blie down and (?:not|never) get up (?:ever )?"
        r"again\b",
        r"\bwhen (?:he|she|they|my \w+) (?:goes|dies|passes|is gone)\b[^.?!]{0,20}\b(?:i'll|i will|i'm going to) go (?:too|with "
        r"(?:him|her|them))\b",
        r"\bwish (?:it|the \w+|cancer|god|they) (?:had|would have|'d) taken me\b",
        r"\b(?:wife|husband|partner|kids|family|they|she|he)\b (?:would|'d|will) (?:manage|cope|be) (?:fine|better|ok|okay|"
        r"alright) without me\b(?! (?:for|this|next|while|at|on)\b)",
        r"\b(?:time|ready) (?:for me )?(?:i |to )?join(?:ed)? (?:her|him|them|my (?:late )?(?:wife|husband|partner|son|daughter|"
        r"mum|mom|dad))\b(?! (?:at|in|for|on|to)\b)",
        r"\b(?:had enough|sick|tired) of waking up\b(?! (?:at|early|so early|with|for|to|in the night|in pain|every (?:hour|two "
        r"hours|night))\b)",
        r"\bonly way (?:to \w+(?: \w+){0,3} )?is (?:to )?(?:not exist|die|be dead|end it|kill SELF|not be here|stop existing)\b",
        r"\b(?:i'll|i will|i'm going to|im going to|gonna) (?:just )?let (?:myself|SELF) (?:go|die|slip away|fade away)\b"
        r"(?! (?:a bit|at|on|over|for)\b)",
        r"\bwant (?:this|it|today|tonight) to be the end\b(?! of\b)",
        r"\b(?:no one|nobody|noone|no1) (?:would|will|'d) (?:even )?miss me\b(?! (?:at|in|on|if i (?:left|went))\b)",
        r"\b(?:stop|stopping|come off) (?:\w+ ){0,2}(?:and )?let nature take its course\b(?![^\n]{0,60}\b(?:at peace|"
        r"palliative|hospice|team|agreed|respect)\w*)",
        r"\b(?:walk(?:ing)? out|leav(?:e|ing) (?:them|everyone|it) all|run(?:ning)? away)\b[^.?!]{0,30}\bor worse\b",
        r"\b(?:don't|dont) want (?:any )?(?:more|further) (?:treatment|chemo|dialysis)\b[^.?!]{0,40}\bwant (?:it|this|everything) "
        r"(?:all )?to (?:be over|end|stop)\b",
        r"\b(?:don't|dont|do not) (?:really )?care (?:what happens to me|about living)\b(?! (?:at|in|with|on)\b)",
        r"\b(?:don't|dont|can't|cant) see the point (?:in|of) (?:stopping|trying|treatment|getting help|quitting|taking (?:my|"
        r"the) meds)\b",
        r"\b(?:i'd|id|i would|i'm|im|i'll|we'd|we would|we'll) (?:both |all )?be (?:so much |much |a lot )?better off (?:just )?(?:gone|not here|not around|not existing|not "
        r"alive|not being here)\b(?! (?:from|to|on|for|by)\b)",
        # letting an illness or a failing organ take its course on purpose
        r"\b(?:stop|stopping|not taking|stop taking|come off|coming off) (?:all )?(?:my )?(?:meds|medication|insulin|anti[- ]?"
        r"rejection meds|dialysis|treatment)\b[^.?!]{0,30}\b(?:letting|let) (?:the |my )?(?:kidney|liver|heart|transplant|body|"
        r"cancer|disease|it) (?:fail|win|take me|happen|go)\b",
        r"\b(?:how|whether) (?:my |the )?(?:kids|children|family|husband|wife|partner|son|daughter|baby) (?:would|'d) (?:cope|"
        r"manage|be) without me\b[^.?!]{0,40}\b(?:they'?d|they would|he'?d|she'?d) be (?:fine|ok|okay|better|alright)\b",
        r"\b(?:do|give) anything to (?:just )?(?:stop existing|not exist|not be here|not wake up)\b",
        r"\b(?:so |really |just )?tired\b(?![^.?!]{0,30}\b(?:meeting|day|week|shift|film|call|game|rain|weather|exams?|term|"
        r"pregnan\w*|winter|heat)\b)[^.?!]{0,30}\bwant (?:it|this) (?:all )?to (?:end|stop|be over)\b",
        r"\b(?:go to sleep|sleep|fall asleep) and (?:not|never) (?:wake up|deal with (?:anything|anyone|it) (?:ever )?again|have "
        r"to (?:\w+ ){0,3}again)\b(?! (?:until|till|til|before|today|tonight|this)\b)",
        r"\b(?:how |so )?(?:peaceful|nice|easy|lovely|good) (?:it )?(?:would|'d) be (?:to )?(?:just )?(?:not exist|not be here|"
        r"not wake up|die|be dead|disappear forever|never wake up|stop existing)\b",
        r"\b(?:just )?waiting to die\b(?! (?:of|from|down)\b)|\bwant out of (?:this|my) life\b",
        # taking risks in the hope of not surviving them
        r"\b(?:don't|dont|do not) (?:really )?care if i (?:come off|crash|get hurt|get killed|fall|get hit)\b",
        r"\b(?:part of me|i) (?:hopes?|hoping|wish(?:es)?) (?:that )?i (?:crash|come off|get hit|don't make it|don't come back)\b"
        r"(?! (?:out|of|in|into the (?:final|next))\b)",
        # the warning signs people are taught to listen for, in the words people use
        r"\b(?:better|easier)(?: off)?(?: for (?:everyone|everybody|you all|all of you|them|my family|you))? (?:when|once|after) "
        r"i'?m (?:gone|dead|not (?:here|around))\b(?! (?:on|to|for|away|out|abroad|back|travelling)\b)",
        r"\b(?:pain|hurt|hurting|this) (?:is |'s )?(?:never|not) (?:going to|gonna|ever going to) (?:stop|end)\b[^.?!]{0,20}"
        r"\bunless i\b",
        r"\b(?:don't|dont|do not) care (?:whether|if) i (?:live|wake up|make it)\b(?! (?:in|with|near|at|on|here|there|"
        r"nearby|close|to|through)\b)",
        r"\b(?:struggling|trying|can't|cant|hard) to (?:find|see) (?:a |any |the |one )?reason (?:to (?:live|keep going|go on|"
        r"stay alive|carry on|keep living)|for living)\b(?! (?:in|with|near|at|here|there)\b)",
        r"\bdeath (?:can't|cant|couldn't|couldnt) be (?:any )?worse\b",
        r"\bworth more dead than alive\b|\bdone with (?:life|living|being alive)\b",
        r"\b(?:anytime|whenever) i (?:can )?die\b|\bdie\b[^.?!]{0,30}\bthe sooner the better\b",
        r"\bi (?:didn't|didnt|did not) kill SELF (?:tonight|today|last night|again|this time)\b",
        r"\b(?:suicide|death|dying|it) (?:has )?(?:never )?(?:feels|seems|seemed|sounds|looks|been) (?:so |more |really |"
        r"quite )?(?:peaceful|tempting|appealing|inviting)\b",
        r"\b(?:being alive|my (?:life|existence)|i)(?: this long| so long)? (?:is|was|has been) (?:a|one big|such a) mistake\b",
        r"\bcan i (?:just )?die (?:already|now|please)\b|\bi want me dead\b|\bwant myself dead\b",
        r"\bhope i (?:get \w+ (?:and )?|just |catch \w+ (?:and )?)?die\b",
        r"\b(?:i'd|id|i would) (?:much )?rather (?:just )?never wake up\b",
        r"\b(?:i know )?i (?:won't|wont|will not) last (?:long|much longer|another year|the year|enough)\b(?! (?:in|at|on|with) )",
        r"\b(?:want to|wanting to|wanted to|wanna) be gone\b(?! (?:by|before|from|for)\b)",
        r"\b(?:my|your) death would (?:improve|make|help|be better for|be a relief)\b",
        r"\bwish i (?:hadn't|had not|didn't|did not) surviv\w*|\b(?:till|until) i (?:can )?do it right\b",
        r"\b(?:failures|people like me|someone like me|i) (?:shouldn't|should not|don't deserve to|do not deserve to) "
        r"(?:live|be alive|exist)\b",
        r"\b(?:would|will) (?:they|people|my friends|my family|anyone) (?:even )?care (?:that i'm|that i am|if i'm|if i was|if i) "
        r"(?:dead|died|gone)\b",
        r"\b(?:can't|cant|cannot|don't want to|dont want to|do not want to) (?:continue|keep|go on) (?:to live|living)\b",
        r"\btoo tired to (?:live|go on|keep going|carry on|keep living)\b",
        r"\b(?:can't|cant|cannot) (?:imagine|see) (?:a future (?:where|in which) (?:i'm|i am|im) (?:still )?(?:alive|here)|myself "
        r"(?:being alive|alive|still here|living) (?:in|past|beyond|at|by|for))\b",
        r"\b(?:would|will) anyone (?:even )?(?:care|notice|miss me|give a \w+) if i (?:just )?(?:did it|do it|died|was gone|"
        r"disappeared|killed SELF|wasn't here|weren't here)\b",
        r"\bno (?:reason|point) (?:for me )?to (?:hang around|stick around|stay|be here|keep going) (?:anymore|any more|any longer)\b(?! (?:at|in|on|with|for)\b)",
        r"\b(?:for not|didn't|didnt|wish (?:it|they|he|she|the \w+) (?:had|would have)) (?:run|running|ran|hit|hitting) me "
        r"(?:over|down)\b",
        r"\bnot sure (?:if |whether )?i'm (?:still )?going to (?:live|be alive|be here|make it) (?:much longer|long|for long|"
        r"another year|\w+ years)\b|\bhopefully i (?:die|don't wake up|won't wake up|never wake up)\b",
        r"\b(?:begging|praying|wishing|hoping) for (?:my life|it all|everything) to (?:end|be over)\b",
        r"\bhow to (?:carry on|keep going|go on)\b[^.?!]{0,30}\band i (?:don't|dont) want to\b",
        r"\b(?:weren't|werent|wasn't|wasnt|not|never) meant to (?:live|be alive|exist|be here|be born)\b",
        r"\b(?:you'll|you will|they'll|they will|everyone will|you'll all) (?:all )?be sorry when i'm (?:gone|dead)\b(?! (?:on|to|"
        r"for|away|out|abroad|back|and you)\b)",
        r"\b(?:don't|dont|do not) know if i (?:should|want to|can) (?:live|go on|keep living|keep going|be alive)"
        r" (?:anymore|any more)\b",
        r"\b(?:hate|don't want|dont want|not want) (?:the idea of |the thought of )?(?:to )?liv(?:e|ing) to see (?:the sun ?rise|"
        r"tomorrow|another day|the morning|another year|my next birthday)\b",
        r"\b(?:can't|cant|don't think i can|dont think i can|not sure i can) (?:hold|hang) on (?:much |any |a lot |for much |for any )?"
        r"longer\b",
        r"\b(?:cry|sleep|drink) (?:and cry )?(?:until|till|til) i die\b|\b(?:just|please) let me die\b",
        r"\bnothing (?:left )?(?:worth|to) liv(?:e|ing) for\b",
        r"\bwant death\b",
        r"\ball i want is (?:death|to die|to not exist|to not be here)\b",
        r"\b(?:'d|wud|wld|would|will|are|r) (?:all )?(?:be |b )?(?:so |so much |much |a lot |far |\w+ly |probably )?better off (?:and (?:much |so "
        r"much |a lot )?happier )?without me\b",
        r"\b(?:want|wanting|ready|longing|long) to (?:join|be with|go to) (?:my|her|his) (?:late )?(?:husband|wife|partner|"
        r"son|daughter|mum|mom|dad|baby|boy|girl|fianc[eé]e?)\b(?=[^\n]{0,60}\b(?:died|passed|gone|lost|late|heaven|grave|"
        r"funeral)\b)",
        # the subject is part of the match, so that "they" (the children) does not read as someone else's wish
        r"\b(?:they're|they are|they'd be|they would be|(?:the )?(?:kids|children|baby) (?:are|is|would be|'d be)) better off "
        r"with (?:their|his|her|my) (?:dad|mum|mom|father|mother|family|nan|gran|grandparents)\b(?! (?:this|for|while|tonight|"
        r"today|at|until|till|when)\b)",
        r"\bregret not (?:ending|killing|taking) (?:it|my life|my own life|SELF)\b",
        r"\b(?:don't|dont|do not) deserve (?:to (?:be alive|live|exist|be here)|a life)\b",
        r"\bwhy (?:can't|cant|cannot|won't|wont) i (?:just )?(?:die|be dead|disappear|stop existing|not exist)\b",
        r"\b(?:lost|losing|no|have no|got no) (?:the |my |all )?will to live\b",
        r"\b(?:want|wanna|wish i could|just want) (?:to )?be gone\b(?! (?:for|by|before|until|till|from|on))",
        r"\b(?:sleep|asleep) and (?:never|not) (?:feel|wake)\w*\b[^.?!]{0,25}\b(?:ever again|forever)\b|\bsomething (?:i could|to)"
        r" take to (?:just )?(?:go to sleep|sleep|not wake|end|die|make it stop)",
        r"\b(?:make|making) (?:it|everything|it all|the pain|this) (?:all )?stop (?:for good|forever|permanently)\b",
        r"\b(?:better|easier|happier|manage|cope)\b[^.?!]{0,30}\bif i (?:just )?(?:wasn't|weren't|was not|was no longer) "
        r"(?:here|around|alive)\b",
        r"\b(?:kills? me|dead|die|death|the end)\b[^\n]{0,40}\b(?:can't|cant) come (?:fast|soon|quick) enough\b",
        r"\b(?:can't|cant|don't|dont) see (?:a|any) reason (?:to|for) (?:live|living|go on|going on|keep going|be here|stay)\b",
        r"\b(?:relief|fine|better|peaceful|nice|easier) if i (?:just )?(?:didn't|did not|don't|never|wouldn't) wake up\b",
        r"\b(?:wish|hope|pray)\w* (?:that )?(?:the |this |my )?(?:cancer|illness|disease|tumou?r|it|god|death) (?:would |will "
        r"|could )?(?:just )?(?:hurry up and )?(?:take|kill|finish) me\b",
        # "...hoping this is the one where I don't wake up"; not "hoping I don't wake the baby up"
        r"\b(?:pray|praying|hope|hoping|wishing)\b[^.?!]{0,40}\bi (?:just )?(?:won't|wont|don't|dont|never|wouldn't) wake up\b"
        r"(?! (?:the|my|her|him|them|everyone|early|late|before|in time)\b)",
        r"\b(?:wake|woke) up (?:disappointed|annoyed|angry|sad|upset)\b|\b(?:disappointed|annoyed|angry|sad|upset) (?:that )?"
        r"(?:i'm|im|i am) still (?:here|alive)\b|\b(?:disappointed|annoyed|angry|sad|upset) (?:that )?i (?:woke up|didn't "
        r"die)\b",
        r"\b(?:i'm|im|i am) not safe (?:tonight|right now|by myself|alone|with myself|on my own)\b|\b(?:don't|dont|do not) "
        r"feel safe (?:with|around|by) (?:myself|SELF)\b",
        r"\b(?:easier|better|happier)(?: life| time)?(?: for (?:everyone|everybody|them|my family))? if i (?:was|were) "
        r"(?:dead|gone)\b(?! (?:for|on|to|away)\b)|\b(?:easier|better|simpler)"
        r"(?: for (?:everyone|everybody|them|my family))? if i (?:just )?(?:wasn't|weren't|was not) (?:here|around|alive)\b",
        r"\b(?:don't|dont|do not|stopped caring|no longer care|stop caring) (?:care )?(?:if|whether) i (?:overdose|od|die|live|"
        r"don't wake up|never wake up|wake up)\b(?! (?:in|with|near|at|on|here|there|nearby|close|to|through)\b)",
        r"\bhope (?:the next|this|the) (?:hit|dose|one|drink|bottle|fix) (?:kills|finishes) me\b",
        r"\b(?:easier|better) if (?:we|i) (?:both |all )?(?:just )?died\b",
        r"\b(?:nothing|no one|nobody) (?:left )?to live for\b|\bwant(?:ed)? to stop (?:living|breathing)\b",
        r"(?<!could )\b(?:sleep|rest) forever\b|\beternal rest\b|\b(?:hate|hating) (?:being alive|existing|my existence)\b|\bregret (?:being|ever being) born\b",
        r"\bwhy am i still (?:alive|here)\b|\b(?:don't know|dont know|idk|not sure) why (?:i'm|im|i am) still (?:alive|here)\b|"
        r"\bwish (?:i'd|id|i had) never been born\b|\b(?:i|i really) (?:shouldn't|should not) (?:be alive|exist)\b",
        r"\b(?:should (?:just )?|deserve to |might as well )(?:DIE|be dead)|\bleave this (?:world|earth|life)\b",
        r"\b(?:what's|whats|what is) the point (?:of|in) (?:being alive|living|life|going on|existing|carrying on|staying alive|me|"
        r"my (?:life|existence))\b",
        r"\bwish(?:es)? (?:i'd|id|i had|he'd|she'd) died\b",
        r"\b(?:don't|dont|do not) trust (?:myself|SELF)\b|\b(?:i'm|im|i am|i feel like i'm) (?:a )?danger to (?:myself|SELF)\b",
        r"\bwish(?:es|ing)? (?:i|i'd|id|he|she|they|he'd|she'd) (?:was|were|had) (?:never been born|never born|dead|ded|died|"
        r"not wake|never woken)",
        r"\bif i (?:died|was dead|were dead|didn't wake up|never woke up)\b[^.?!]{0,30}\b(?:wouldn't|would not|don't|"
        r"dont) (?:care|mind)\b",
        r"\bwish (?:i|i'd) could (?:just )?(?:die|disappear forever|fade away|fade out|vanish|not exist|not wake up|go to sleep "
        r"(?:and|forever)|"
        r"sleep forever|stop existing|cease)",
        r"\b(?:wish|hope|pray) (?:i|i'd|id|that i) (?:would |could |will |'d )?(?:get|got|be|was) (?:hit|run over|"
        r"killed|struck)\b",
        r"\b(?:wish|hope|pray) (?:a|the|some) (?:\w+ ){0,2}(?:would|will|'d) (?:hit|kill) me\b",
        r"\b(?:don't|dont|do not|doesn't|doesnt|does not) (?:really )?(?:want to|wanna|wana|wnat to|want ot) (?:be alive|live\b(?! (?:in|with|near|at|on|there|here|"
        r"abroad|together|alone|apart)\b)(?![^.?!]{0,40}\b(?:boxes|mess|messy|clutter|house|flat|landlord|area|town|city|"
        r"street|neighbours?)\b)|exist|"
        r"wake up\b(?! (?:early|at|so early|the|for|in time|before)\b)|"
        r"be here anymore|"
        r"be here any more|go on|(?:carry on|keep going)\b(?! (?:with|at|in|working|doing|being|this job|my job)\b)|be "
        r"here\b(?! (?:at|in|on|for|with|today|tonight|when|while|if|anymore|any more)\b)(?![^.?!]{0,25}\b(?:party|work|"
        r"school|meeting|hospital|shop|ward|office|queue)\b))\b",
        r"\b(?:doesn't|doesnt|does not|don't|dont|do not|can't|cant) see (?:the|any) point (?:in|of) (?:being around|living|"
        r"life|being alive|going on|staying alive|carrying on|being here|existing)\b",
        r"\b(?:give|given|giving|gave) up on (?:life|living|everything)\b",
        r"\bhope (?:i|i'll) (?:don't|dont|never) wake up\b",
        r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?i (?:get|got|would get|'d get|end up) (?:in|into|hit by) "
        r"(?:a |an )?(?:car crash|crash|accident|bus|car|truck|lorry)\b",
        r"\blife(?:'s| is)? (?:isn't|isnt|is not|not|aint|ain't) worth (?:it|living)\b",
        r"\b(?:asleep|sleep) (?:and|n|&) (?:just )?(?:never|not) wak(?:e|ing)(?: up)?\b",
        r"\bwish (?:i|i'd) (?:wasn't|weren't|was not) (?:alive|here|born|around)\b",
        r"\b(?:hope|hoping|wish|pray|praying) (?:that )?i (?:just )?(?:die|pass away|drop dead)\b",
        r"\b(?:wouldn't|would not|don't|dont|do not) (?:mind|care) if i (?:died|didn't wake|never woke|don't wake|"
        r"was dead|got hit|wasn't here)",
        r"\bif i (?:just )?(?:didn't|did not|don't|never) wake up\b[^.?!]{0,40}\b(?:fine|ok|okay|good|better|"
        r"relief|nice|peaceful)\b",
        r"\b(?:everyone|they|family|kids|world|baby|everybody|people) (?:would be|is|are|will be|be|'d be) "
        r"(?:better|happier|safer) (?:off )?(?:without me|if i (?:was|were|wasn't|weren't) (?:gone|here|around|alive|born)|"
        r"if i (?:just )?(?:died|disappeared|didn't exist|left forever))",
        r"\b(?:no one|nobody|noone) (?:cares|would care|will care|would even care) if i (?:die|died|live or die|was "
        r"gone|disappeared|killed)\b",
        r"\b(?:no one|nobody|noone|no1|none of you) (?:would|will|'d) (?:even )?notice if i (?:was|were|'m) (?:gone|dead|not here)\b",
        r"\b(?:no one|nobody|noone|no1|none of you) (?:would|will|'d) (?:even )?(?:miss|notice|care about) me if i "
        r"(?:was|were|died|disappeared|killed)",
        r"\bbetter off (?:just )?dead\b",
        r"\b(?:wanna|want(?:s|ed|ing)? to) (?:just )?(?:(?:disappear|vanish)(?! for (?:a|the|a few|a couple of|some) | on | to | "
        r"into | under | in | from | off )|fall asleep and never wake up|never wake up|not wake up|"
        r"stop existing|cease to exist|not be here)\b",
        r"\bwant (?:it all|everything|all of (?:it|this)|my life) to (?:end|stop|be over)\b",
        r"\b(?:dis+ap+ea?r|be gone) (?:forever|for good)\b",
        r"\bno (?:reason|point) (?:to |in |of |for me to )?(?:keep )?(?:live|living|being alive|going on|go on|carry on|"
        r"stay(?:ing)? alive)\b",
        r"\b(?:tired|sick) of (?:living|being alive|life|existing|being here)\b(?! (?:in|with|near|so|at|on|under|next|all|"
        r"every|"
        r"paycheck|here))",
        r"\b(?:can't|cant) (?:do|live) (?:this|life) (?:anymore|any more)\b.{0,40}\b(?:die|dead|end)",
        r"\blife (?:isn't|isnt|is not|aint) worth living\b",
        r"\bwant (?:it|everything|this|the pain) (?:all )?to (?:end|be over) (?:forever|for good|permanently)",
        r"\b(?:i|i'd|id) (?:much |really |honestly )?rather (?:just )?(?:be dead|die|not exist|not be here|not be alive|be gone|not be around|"
        r"not wake up|have died|have been dead|not have survived)\b",
        r"\b(?:death|dying) (?:just |honestly |kinda |kind of )?(?:sounds|seems|feels|would be|would feel) (?:so |really |quite )?(?:peaceful|nice|good|better|"
        r"like (?:a )?relief|a relief|welcome|easier|appealing|tempting)\b",
        r"\bwant (?:it|this|everything) (?:all )?to (?:end|be over),? (?:all of it|everything)\b",
        r"\b(?:not|no longer) (?:want|wanting) to be (?:alive|here)\b",
        r"\b(?:hope|hoping|hopes|wish|wishing) (?:the|my|this) (?:cancer|tumou?r|illness|disease|leuka?emia|lymphoma|infection|"
        r"sepsis)(?: just)? (?:wins|takes me|gets me|kills me|finishes me)\b",
        r"\b(?:i'm|im|i am) only (?:still )?(?:here|alive|around) (?:because of|for) (?:(?:the|my|our) (?:dogs?|cats?|kids?|children|"
        r"son|daughter|mum|mom|dad|husband|wife|partner|family|pets?|grandchildren|grandkids|baby|babies|boys|girls|nan)|you (?:all|"
        r"guys|lot))\b",
        r"\bwant to (?:go to )?sleep (?:for a (?:very |really )?long time|forever)\b[^.?!]{0,30}\b(?:not (?:deal|face|wake|have to)|"
        r"never (?:wake|deal|face))",
        r"\b(?:hope|hoping|wish|wishing|pray|praying) (?:that )?my (?:heart|breathing) (?:just |would |will |would just )?(?:stops?|gives? "
        r"(?:out|up)|packs? in)\b",
        r"\b(?:ask\w*|pray\w*|beg\w*) (?:god|the lord|jesus|allah|the universe|him) to (?:take me|let me die|end it|call me home)\b",
        r"\b(?:swap|trade|switch) places with (?:anyone|someone|somebody|them|him|her|people) (?:who's|who is|who are|that's|that is) "
        r"(?:dying|terminal|on (?:their|his|her) deathbed|dead)\b",
        r"\b(?:nobody|no one|no-one|noone) would (?:even )?(?:notice|care|miss me) if i (?:just )?(?:stopped existing|ceased to exist|"
        r"disappeared|vanished|died|was gone|wasn't here|weren't here)\b(?! (?:from|for)\b)",
        r"\bwish (?:the|that) (?:car|bus|lorry|truck|train|van|cyclist) (?:had )?(?:hit|killed|got|ran over) me\b",
        r"\b(?:happier|better off|easier)\b[^.?!]{0,20}\bif i(?:'d| had)? (?:never|not) (?:come back|made it back|survived|pulled through|"
        r"woken up|got through)\b",
        r"\bno (?:reason|point) (?:for me )?to (?:continue|keep|go on|carry on|stay) (?:living|alive|going on|on living)\b",
        r"\b(?:not much|no|what's the|whats the|what is the) (?:point|use) (?:to|of|in) me\b(?! (?:going|coming|doing|trying|asking|being "
        r"there|being here|staying up)\b)|\bwhat(?:'s| is) the (?:use|point) of (?:an? )?(?:\w+ ){0,2}like me\b",
        r"\b(?:just|only) taking up (?:space|room|oxygen|air)\b(?! (?:in|on) (?:the|my|our) (?:fridge|garage|cupboard|loft|drive|shed|"
        r"wardrobe|room|house|car|diary|calendar)\b)",
        r"\b(?:had|have had|i've had|ive had) enough of (?:living|life|being alive|this life|existing)\b",
        r"\b(?:wonder\w*|think\w*|imagin\w*) (?:if|whether|who|how many (?:people )?)(?: anyone| anybody| people| everyone)? ?(?:would|will|"
        r"'d) (?:even )?(?:come|turn up|go|show up|cry) (?:to|at) my funeral\b",
        r"\b(?:cope|manage|do|be|get on) (?:so much |much |a lot |far )?better\b[^.?!]{0,20}\bif i (?:wasn't|weren't|was not|were not|"
        r"wasnt|werent) (?:in the picture|around|here|alive)\b",
        r"\b(?:you're|you are|you'll be|you will be|y'all are|you all are|you guys are|everyone's|everyone is|they're|they are|"
        r"she's|he's|she is|he is) (?:all )?(?:so much |much |far |way )?better off without me\b",
        r"\b(?:can't|cant|cannot) do this (?:anymore|any more)\b[^.?!]{0,10}\b(?:everyone|everybody|they|the kids|my family|you all)(?:'d| would) "
        r"(?:all )?be better off\W*$",
        r"\b(?:stop|to stop|quit) being (?:a |such a )?(?:weight|burden|drain|problem|nuisance) (?:on|to|for) (?:everyone|everybody|my family|them|"
        r"you all|people|my \w+)\b",
        r"\b(?:death|dying)\b[^.?!]{0,50}\b(?:sounds like|feels like|would be|seems like|looks like) (?:a |such a )?(?:rest|relief|release|"
        r"peace|break|freedom|escape)\b(?! (?:from (?:work|the kids)))",
        r"\b(?:envious|jealous|envy) of (?:people|anyone|those|them|him|her|everyone|the ones) (?:who|that) (?:get to |got to )?(?:die|died|"
        r"pass away|passed away|don't wake up)\b",
        r"\b(?:not sure|don't know if|dont know if|doubt) i (?:want|wanna|will|'ll|'m going) to (?:see|make it to|be here for|be around for) "
        r"(?:next year|christmas|my birthday|another (?:year|christmas|birthday)|the new year|spring|summer)\b(?!\x27)",
        r"\b(?:don't|dont|do not) (?:plan|intend|expect|want) (?:on |to )?(?:be|being) (?:around|here|alive) (?:when i'm|when i am|by the time "
        r"i'm|at) (?:old|\d+|thirty|forty|fifty|sixty|seventy)\b",
        r"\bwish (?:someone|somebody|something|god|they|it) would (?:just )?(?:end it|kill me|take me|finish me off|put me out of my "
        r"misery)\b(?! (?:for|with) (?:this|the)\b)",
        r"\bno (?:version of (?:the|my) )?future (?:i|that i) (?:want|wanna|can see myself|see myself) (?:to be )?in\b",
        r"\b(?:comfort|relief|consolation)\b[^.?!]{0,30}\b(?:don't|dont|won't|wont) have to (?:be here|live|stay|do this|keep going|go on) "
        r"(?:forever|much longer|for ever)\b",
        r"\bhop(?:e|ing) (?:a|the|that a|that the|some) (?:car|bus|lorry|truck|train|van|driver) (?:hits|will hit|would hit|runs over|kills|"
        r"takes) me\b",
        r"\b(?:can't|cant|cannot) (?:live|go on|carry on|keep going|cope) (?:with|like) (?:this|the|my) (?:pain|illness|disease|condition|"
        r"life|body)\b(?= (?:much longer|anymore|any more|for much longer)\b|[^.?!]{0,30}\b(?:something has to give|i'd rather (?:die|be dead)|"
        r"want (?:it|this) to end)\b)",
        r"\b(?:i'd|id|i would) rather (?:just )?(?:go|die|be gone|not be here|slip away)\b(?! (?:to|home|out|back|for|with|on|in|by|and|now|"
        r"first|there|than|shopping|abroad|alone|early|late)\b)",
        r"\bwants? (?:the|my|this) (?:cancer|tumou?r|illness|disease|leuka?emia|lymphoma|infection|sepsis) to win\b",
        r"\bif (?:she|he|they|my \w+) (?:dies|passes|passes away|died|goes before me)\b[^.?!]{0,20}\b(?:i'm|im|i am|i'll be|i will be|i'll|i will) "
        r"(?:going|go) (?:with (?:her|him|them)|too)\b",
        r"\b(?:skip\w*|stop\w*|not taking|miss\w*)\b[^.?!]{0,30}\b(?:meds|tablets|pills|insulin|medication|inhalers?)\b[^.?!]{0,20}\bhop(?:e|ing) "
        r"(?:something (?:bad )?happens|i (?:die|don't wake|have a heart attack|drop dead|don't make it))\b",
        r"\b(?:keep|carry on|going to keep|gonna keep) (?:using|drinking|drinking and using|taking it|shooting up|smoking it)\b[^.?!]{0,20}\b(?:till|"
        r"until|til) (?:it|they|the drink|the drugs|the booze) (?:kills|finishes|takes) me\b",
        r"\bwish i (?:could|could just) be dead\b",
        r"\bwish i could (?:just )?disappear\b(?! (?:for|to|into|on|under|from|off|somewhere|with|like)\b)",
        r"\bwish i (?:didn't|did not|didnt) exist\b",
        r"\bwish (?:it|everything|life) would (?:all )?(?:just )?(?:end|stop|be over)\b(?=\W*(?:$|[.!?,\n]|lol|tbh|every))",
        r"\bwish i (?:had|got|would get|could get) (?:cancer|a terminal illness|something terminal|a heart attack|a fatal \w+)\b",
        r"\bwish (?:the|my|this) (?:plane|train|bus|car|ferry) would (?:crash|go down|sink|hit something)\b",
        r"\b(?:easier|better|simpler|kinder)\b[^.?!]{0,20}\bif i (?:just )?(?:slipped under|went under|didn't come up|drowned|fell asleep and "
        r"(?:didn't|never) woke|stopped breathing|wasn't here|was gone|weren't here)\b",
    ),
    *_rules(
        Kind.PLAN,
        r"\bi'?ll do it (?:on \w+ |tonight |tomorrow )?when (?:the kids|everyone|he|she|they)(?:'re| are| is|'s) (?:at|away|out|"
        r"asleep)\b",
        r"\b(?:know|worked out|decided|planned) (?:exactly )?(?:where and when|when and where|how and when|when and how)\b(?! "
        r"(?:the|it|we|is|to|our|my)\b)",
        r"\b(?:pills|tablets|meds|PILLS)\b[^\n]{0,80}\b(?:going to|gonna|i'll|i will|about to) (?:take|swallow|down) (?:them|it) "
        r"(?:tonight|now|today) and (?:be with|sleep|not wake|end|go to sleep|never)\b",
        r"\b(?:going to|gonna|will|i'll|about to) drive (?:\w+ ){0,3}(?:till|until) i (?:find|hit) (?:a|the) (?:wall|tree|bridge|"
        r"lorry|truck|barrier)\b",
        r"\b(?:rope|gun|knife|pills|tablets|noose|blades?|razors?)\b[^\n]{0,60}\b(?:i'm going to|im going to|i'm gonna|im gonna|"
        r"i'll|i will) use (?:it|them)\b(?! (?:for|to (?:cook|fix|cut the|open|make))\b)(?![^.?!]{0,30}\b(?:cook\w*|roast|"
        r"dinner|recipe|carv\w*|chop\w*|garden\w*|crafts?|diy|hunting|range|club)\b)",
        r"\b(?:bleach|antifreeze|weedkiller)\b[^.?!]{0,60}\b(?:going to|gonna|about to|i'll|i will) (?:drink|swallow|take|down|"
        r"neck) (?:it|them|the lot|all of (?:it|them))\b",
        r"\b(?:do|doing) it\b[^.?!]{0,25}?\b(?:either )?(?:by|with|using) (?:PILLS|painkillers|jumping|hanging|a rope|the train|a train|"
        r"my car|the car|a knife|a gun)\b",
        r"\buntil i(?:'ll| will)? be (?:alone|on my own|by myself)\b",
        r"\bthe (?:day|date|night) i(?:'ve)? (?:set|picked|chose|chosen|decided on)\b(?! (?:for|of)\b)",
        r"\b(?:\d+|a few|two|three|four|five|six|seven|ten) (?:more )?(?:days|weeks|sleeps) (?:till|until|before) i(?:'ll| will)? "
        r"(?:commit suicide|kill SELF|do it|end it|go)\b",
        r"\b(?:i've|ive|i have) planned it\b(?! (?:for|with|out|all out)\b)",
        r"\b(?:i'm|im|i am) (?:committing|going to commit|gonna commit) suicide\b",
        r"\bi(?:'ll| will| shall)(?: just)?[ ] => (?:commit suicide|kill SELF|end my life|end it all|take my (?:own )?life)\b"
        r"(?! if\b)",
        r"\b(?:gear|heroin|fentanyl|pills|tablets|oxy(?!gen)\w*|xanax|stash)\b[^.?!]{0,40}\b(?:going to|gonna|will|i'll) (?:use|take|do|"
        r"shoot up|snort|swallow|neck) (?:all of it|the lot|the whole (?:bag|lot|thing)|it all|everything|all of them|them all)\b",
        r"\b(?:an |the )?empty (?:flat|house|home)\b|\b(?:the )?(?:house|flat)(?:'s| is) empty\b",
        r"\bwhen (?:he's|she's|they're|everyone's|everyone is|the kids are|hes|shes) (?:at work|out|asleep|away|at school)\b",
        r"\b(?:might|will|going to|gonna) (?:actually )?carry it out\b",
        r"\b(?:going to|gonna|about to) (?:do|take|use|shoot|inject|smoke|snort) the (?:lot|whole (?:bag|lot|thing|batch))\b",
        r"\b(?:i|i've|ive)[ ] => \b(?:have|got|made) (?:a|the) plan\b(?! (?:for|to|b|with|of|on)\b)",
        r"\b(?:decided|desided|made up my mind|planning|planned|plan) (?:to|on) (?:end it|ending it|do it|kill|die|dying|end my|go through "
        r"with|overdos\w*|od\b|od'?ing|commit suicide|take my (?:own )?life|taking my (?:own )?life)",
        r"\b(?:going to|gonna|about to) (?:end it|end my|go through with|kill SELF|unalive SELF|hang SELF|shoot SELF|"
        r"drown SELF|poison SELF|gas SELF|od|overdose|drink SELF to death|take my (?:own )?life)\b(?! with\b)",
        r"\b(?:nobody|no one|noone) (?:will|can|is going to|gonna) stop me\b",
        # waiting until nobody can see
        r"\bwhen (?:the house is empty|(?:they're|everyone's|everyone is) (?:out|gone|at work))\b",
        r"\b(?:when|once|after|until|till|for) everyone(?:'s| is)? (?:asleep|goes to (?:bed|sleep)|to go to (?:bed|sleep)"
        r"|in bed)\b",
        r"\b(?:going to|gonna|about to|might) do something (?:stupid|drastic|silly)\b",
        r"\b(?:going to|gonna|will|i'll|about to) (?:drive|crash|steer|wrap) (?:the |my )?(?:car )?(?:into|off)\b",
        r"\bplann(?:ed|ing) my (?:exit|death|suicide|way out)\b",
        r"\bgo(?:ing)? through with it\b",
        r"\b(?:how|when|where) (?:i'll|i will|i'm going to|im going to|im gonna|i'm gonna) do it\b",
        r"\b(?:know|knew|worked out|figured out|decided) (?:exactly )?(?:how|when|where) (?:i'd|i would|i'll|"
        r"i will|i'm going to|to) do it\b",
        r"\bwhat i'm about to do\b",
        r"\b(?:going|gonna|about|planning|plan|want|wanna) to (?:take|swallow|down|od on) (?:all|every|the (?:whole|"
        r"rest)) (?:of )?(?:my |the |these |those )?(?:\w+ )?ANY_PILLS\b(?! (?:back|to (?:the )?(?:pharmacy|chemist)|in|with "
        r"me|on holiday)\b)",
        r"\b(?:going to|gonna|about to|planning to) (?:take|swallow|down) (?:them|it) (?:all|together|at once|in one go)\b",
        r"\b(?:i'll|i will|ill) (?:take|swallow|down) (?:them all|all of them|the lot|everything)\b",
        r"\bon my way to the (?:bridge|cliffs?|tracks|railway|car park|multi[- ]?storey|river|sea)\b(?! (?:club|for|with|to|"
        r"and|cafe|restaurant|pub|party))",
        r"\b(?:going to|gonna|about to) jump\b(?! (?:in|into|on|at|up|ship|around|for|the queue|off the (?:sofa|bed|chair|"
        r"wall|diving board)))",
        r"\b(?:going to|gonna|about to|planning to) (?:swallow|take|down|drink|inject) (?:everything|all of (?:it|them)|the rest|"
        r"the lot|whatever)\b",
        r"\b(?:step|walk|jump|throw SELF|lie down) (?:out )?in front of (?:a|the|next|an) (?:\w+ )?(?:train|bus|"
        r"car|lorry|truck)\b",
        r"\b(?:can't|cant|cannot|can not|not able to|unable to|(?:don't|dont) think i can|not sure i can|(?:don't|dont) know if i can|"
        r"no longer) (?:keep|stay|be) (?:myself |SELF )?safe\b|\b(?:can't|cant|cannot|won't|wont) (?:promise|guarantee) (?:i'll|ill|i will|"
        r"that i'll|i can|i'm going to) (?:be|stay|keep (?:myself|SELF)) safe\b",
        r"\bwait(?:ing)? (?:till|until|for) [^.?!]{0,40}\b(?:at work|asleep|in bed|out|gone|away|empty|at school)\b[^.?!]{0,30}\bthen "
        r"(?:it's|it is|it'll be|i'll|i can|i will) (?:done|over|do it)\W*(?:$|[.!?\n])",
        r"\b(?:drown(?:ed|ing)?|kill(?:ed|ing)?|end(?:ed|ing)? it for) (?:us both|both of us|all of us|us all)\b(?! (?:in|at|to|out)\b)",
        r"\b(?:going to|gonna|will|i'll|about to|plan to|want to) (?:take|swallow|down) (?:everything|all of it|the lot|all the (?:pills|tablets|"
        r"meds)) (?:in|from) (?:the|my) (?:medicine|meds|first aid|pill|bathroom) (?:box|cabinet|cupboard|drawer|tin|bag)\b",
        # the verb leads, so that the gate tries these only where "take ... pills", "overdose" or "end it" are said
        r"\b(?:i'm|im|i am|i will|i'll|ill|i've decided to|i have decided to|i plan to|i'm planning to|i'm ready to|im ready to|i am ready to) "
        r"(?:going to |gonna )? => take (?:all|every|the rest) (?:of )?(?:my |the )?(?:\w+ )?PILLS\b(?! (?:to|into) (?:the )?(?:pharmacy|"
        r"chemist|gp|doctor|hospital|review|appointment|clinic)| back| with me\b)",
        r"\b(?:i'm|im|i am|i will|i'll|ill|i've decided to|i have decided to|i plan to|i'm planning to|i'm ready to|im ready to|i am ready to) "
        r"(?:going to |gonna )? => (?:overdose|od)\b(?! on (?:chocolate|sugar|netflix|caffeine|coffee|cake)\b)",
        r"\b(?:i|i'm|im|i am) (?:plan|planning|intend|intending)[ ] => to (?:end it|end my life|kill myself|die)\b",
        r"\bi(?: will|'ll)[ ] => end it(?: all)?\b(?! (?:with|for|between|there|here|now and|if|on a)\b)",
        r"\bwalk(?:ing)? (?:into|in|out into|off into) (?:the )?(?:woods|forest|hills|moors|sea|snow|wilderness|mountains)\b[^.?!]{0,20}\b(?:until|"
        r"till|and never|and not) (?:i can't|i cant|i drop|i die|come back|i collapse)\b",
    ),
    # Resolve without saying to what: a plan beside a wish to die, and only a concern beside a day or a method
    # ("today's the day" is as often a new job).
    *_rules(
        Kind.RESOLVE,
        r"(?:^|[.!?\n] *)(?:it's|its|it is) decided\W*(?:$|[.!?\n])|\bnothing(?:'s| is) (?:going to|gonna) (?:change|stop) (?:my "
        r"mind|me)\b(?! about\b)",
        r"\b(?:if|when|before) i (?:actually |finally )?go through with it\b",
        r"\b(?:gonna|going to|just going to|about to) get it (?:all )?over with\b(?! (?:and|so|then) (?:go|get|have|relax|"
        r"enjoy))",
        r"\b(?:don't think i'm|not|i'm not|won't be|wont be) getting on (?:a|the|any) train\b(?![^.?!]{0,40}\b(?:strike|"
        r"cancel\w*|delay\w*|bus|replacement|missed|late|busy|packed|full)\b)",
        r"\b(?:building|build|working|work|plucking|pluck) up (?:the )?(?:courage|nerve)\W*(?:$|[.!?\n])",
        r"\b(?:\d+|that|those|these|they) (?:should|will|ought to) (?:do it|do the job|be enough)\W*(?:$|[.!?\n])",
        r"\b(?:going to|gonna|about to|i'll|i will) (?:finally )?(?:stop|no longer) be(?:ing)? a (?:burden|problem) (?:on|to|"
        r"for) (?:everyone|anyone|you all|my family|them)\b",
        r"\b(?:tonight|today|tomorrow)(?:'s| is) it\b",
        r"\b(?:going to|gonna|about to) finish (?:it|it all|things)\b(?! (?:off|later|tomorrow|this week|by|before|after))",
        r"\b(?:know|knows) what i (?:have|need|got) to do\W*(?:$|[.!?\n])",
        r"\bthe (?:night|day) i do it\b|\b(?:i'm|im|i am|i'll|i will|i) (?:do|doing) it (?:tonight|today|tomorrow|this weekend)\b",
        r"\b(?:tonight|today|tomorrow|this weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:'s| is) "
        r"(?:when|the (?:day|night))\b(?! (?:of|for|to|we|you|they|the|my|our|he|she|that|it|everyone))",
        r"\bwhen i (?:do|finally do) it\b",
        # a bare decision: "I've decided to go back to work" says what
        r"\b(?:i've|ive|i have) (?:decided|made (?:my|the) (?:decision|choice)|made up my mind|made my mind up)\b(?! (?:to|that|on|"
        r"what|"
        r"which|not|against|i|we|it's|its|he|she|about|for|with)\b)",
        r"\b(?:going to|gonna|about to) do it\b",
        r"\b(?:i'm|im|i am)[ ] => \b(?:doing|going to do|gonna do) it\b",
        r"\b(?:i've|ive|i have) (?:chosen|picked|set) (?:the|a|my) (?:date|day)\b(?! (?:for|of|to))",
        r"\b(?:set|chosen|picked|got) a (?:date|day|time) to\b",
        r"\bthis is (?:the|my) last (?:time|day|night|message|post)\b(?! (?:at|of|before|for|in|on|i|we|you|tomorrow|"
        r"today|this))",
        r"\b(?:have|got) (?:it|everything) (?:all )?planned\b(?! (?:for|out))",
        r"\b(?:tonight|today|tomorrow)(?: is|'s) the (?:night|day)\b",
        r"\b(?:going to|gonna|will|i'll|gna) do it (?:properly|right) this time\b",
        r"\b(?:i'm|im|i am) (?:so |finally |totally |completely )?ready to (?:kill myself|end (?:it|my life|it all)|leave this world)\b",
    ),
    *_rules(
        Kind.MEANS,
        r"\b(?:got|have) the means\b",
        r"\b(?:PILLS|rope|noose|guns?|shotguns?|handgun|firearms?|pistol|rifles?|blade|razor|knife|bridge|ledge|roof|tracks|train|"
        r"carbon monoxide|exhaust|overdose|jump(?:ing)? off|hang(?:ing)? SELF|belt|bleach|cliff|car park|"
        r"multi-?storey|river|wall|traffic|oncoming|sea|ocean)\b",
        r"\b(?:in front of|under) (?:a|the) (?:bus|lorry|truck|train|car|van)\b",
        r"\b(?:driving|drive|drove|crash\w*|swerv\w*|steer\w*) (?:\w+ )?(?:into|off) (?:a |the )?(?:tree|wall|lorry|truck|"
        r"bridge|river|oncoming|barrier|road)\b",
        r"\bjump(?:ing)? (?:out of|out|from|off) (?:the|a|my) (?:window|balcony)\b",
        r"\b(?:medicine|meds|pill|tablet|first aid) (?:box|cabinet|cupboard|drawer|tin|bag)\b",
    ),
    *_rules(
        Kind.TIMEFRAME,
        r"\bon my birthday\b",
        r"\bon (?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
        r"nov\w*|dec\w*)\b",
        # "I'm safe right now" is the opposite of a timeframe
        r"(?<!safe )(?<!okay )(?<!ok )(?<!fine )\b(?:tonight|tonights|today|tomorrow|this weekend|this week|next week|right now|soon|"
        r"after (?:the|my) (?:funeral|"
        r"birthday|holidays)|before (?:christmas|morning)|by (?:friday|monday|morning)|monday|tuesday|wednesday|"
        r"thursday|friday|saturday|sunday)\b",
        r"\bon (?:our|his|her|my) (?:wedding )?anniversary\b",
        r"\b(?:this (?:evening|afternoon)|in (?:an|one|two|a few|\d+) (?:hours?|minutes?|mins?)|at midnight|after (?:dinner|tea|work|my shift|the "
        r"kids (?:are|go) (?:in bed|to bed|to sleep))|by (?:the weekend|the end of (?:the|this) (?:day|week))|(?:when|once) (?:the kids|everyone|"
        r"they|he|she)(?:'s|'re| are| is| go| goes)? (?:in bed|asleep|to bed|to sleep))\b",
    ),
    *_rules(
        Kind.PREPARATION,
        r"\bgas (?:is )?(?:on|turned on)\b[^.?!]{0,40}\b(?:windows|doors?) (?:are |is )?(?:shut|closed|sealed|taped)\b",
        r"\b(?:hotel|motel|b&b)\b[^\n]{0,40}\ball (?:my|the) (?:tablets|pills|meds|medication)\b",
        r"\b(?:dressing gown cord|cord|rope|ligature)\b[^\n]{0,40}\b(?:top of the stairs|banister|loft hatch|door handle|hook)\b|"
        r"\b(?:top of the stairs|banister|loft hatch)\b[^\n]{0,40}\b(?:dressing gown cord|cord|rope|ligature)\b",
        r"\b(?:hiding|saving|hoarding|stockpiling|keeping) (?:my |the )?(?:tablets|pills|meds|them)\b[^.?!]{0,30}\b(?:instead of "
        r"taking|saving them up)\b",
        r"\b(?:locked|lock) (?:the|my) (?:door|bathroom|bedroom)\b[^\n]{0,40}\b(?:got|have|holding) (?:the|a|my) (?:knife|blade|"
        r"razor|rope|pills|tablets|gun)\b(?! out\b)",
        r"\bwaiting for (?:the )?(?:fast|non-?stop\w*|express) (?:one|train)\b(?! to\b)",
        r"\b(?:chemist|pharmac\w*|shops?|supermarkets?)\b[^.?!]{0,40}\bto get enough\b|\b(?:different|several|two|three|\d+) "
        r"(?:chemists|pharmacies|shops)\b[^.?!]{0,40}\b(?:paracetamol|tablets|pills|enough)\b",
        r"\b(?:bought|purchased|got|ordered)\b[^.?!]{0,20}\b(?:rope|noose|ligature)\b[^\n]{0,60}\b(?:location|place|spot|tree|"
        r"beam|where)\b|\bidentified (?:a|the) (?:suitable |good |right )?(?:location|place|spot)\b(?=[^\n]{0,60}\b(?:rope|"
        r"noose|jump|pills|end it)\b)",
        r"\b(?:drawn up|drew up|filled|prepared) (?:enough|all the|all my) (?:insulin|morphine|syringes?)\b",
        r"\b(?:looked up|checked|worked out|know|found out)\b[^.?!]{0,40}\btrain(?:s)? times?\b[^\n]{0,60}\b(?:fast|non-?stop\w*|"
        r"express)\b[^\n]{0,30}\b(?:doesn't|doesnt|don't|dont) stop\b",
        r"\b(?:worked out|know|figured out|counted) how many (?:i'd |i would |i )?need\b(?! for\b)[^.?!]{0,40}\b(?:got|have) "
        r"(?:more than|enough|that many)\b",
        r"\b(?:tied|tying|tie|set up|hung) (?:up )?(?:the |a |my )?rope\b(?=[^.?!]{0,40}\b(?:sitting with|looking at|ready|"
        r"banister|beam|loft|hook|stairs)\b)(?![^.?!]{0,40}\b(?:swing|kids|boat|trailer|tent|washing)\b)",
        r"\b(?:rope|noose|hose ?pipe)\b[^\n]{0,40}\b(?:parked up|in the woods|somewhere quiet|where no one)|\b(?:parked up|in "
        r"the woods|somewhere quiet)\b[^\n]{0,40}\b(?:rope|noose|hose ?pipe)\b",
        # looking up how much of a drug would kill, said without the end ("how many paracetamol it takes")
        r"\b(?:looking|looked|look|googl\w*|search\w*|research\w*|checking|checked|working|worked) (?:up |out )?how "
        r"(?:many|much) (?:of )?(?:my |the |these |those )?ANY_PILLS (?:it )?(?:takes|would take|it'd take)"
        r"(?=\s*(?:[.!?,\n]|$|to (?:die|kill|end|od|overdose)))",
        r"\bway to (?:go|die|end it|kill SELF) without (?:\w+ ){0,3}(?:knowing|noticing|finding out|suspecting|seeing)\b",
        r"\b(?:cliff|bridge|train|pills|rope|gun|overdose|hanging|jumping) or (?:the )?(?:cliff|bridge|train|pills|rope|gun|"
        r"overdose|hanging|jumping)\b[^.?!]{0,30}\bwhich\b",
        r"\b(?:detergent|chemical) suicide\b",
        r"\b(?:mix|mixing|combine|combining)\b[^.?!]{0,30}\bto kill (?:oneself|SELF|yourself)\b",
        r"\bsodium nitri(?:te|de)\b",
        r"\b(?:so |really |this )?close to (?:downing|taking|swallowing|necking)\b(?=[^.?!]{0,40}\b(?:pills|tablets|meds|them all|"
        r"the lot|everything|whole (?:box|bottle|pack))\b)|\bclose to overdosing\b",
        r"\bif i (?:down|take|swallow|neck|took|downed|swallowed)\b[^.?!]{0,40}\bPILLS\b[^.?!]{0,30}\bwould (?:it|that|they) "
        r"(?:take me|kill me|be enough|work|do it)\b|\b(?:is|are) (?:this|these|that|those) enough (?:pills|tablets)\b",
        r"\b(?:saved|saving|save) (?:up )?(?:\w+ )?(?:money )?for (?:my|the) (?:suicide|method)\b|\bmethod (?:of suicide )?i(?:'ve)? "
        r"(?:chose|chosen|picked|decided on)\b",
        r"\b(?:tie|tied|tying|make|made|making|bought|got) (?:a |the |my )?noose\b",
        r"\b(?:need|want|know|tell me|looking for|find|have to find|consider) (?:an? |the |another |a different )?(?:effective|"
        r"painless|reliable|quick|easy|foolproof|sure|another|different)(?: and (?:effective|painless|quick|easy|reliable))? "
        r"method\b(?! (?:for|of|to (?:learn|revise|study|get|make)))",
        r"\b(?:least painful|most painless|painless) way to (?:go|die|do it|end it)\b",
        r"\bhow (?:much|many) (?:\w+ ){0,2}(?:PILLS|pills) (?:will|would|does) it take\b",
        r"\bhow (?:easy|hard|quick|painful|long) is it to (?:DIE|overdose|od|kill SELF|kill yourself|bleed out|drown|hang)",
        r"\b(?:easiest|quickest|fastest|surest|best|easy|quick|painless)(?: and (?:easiest|quickest|fastest|easy|quick|painless))? "
        r"(?:way )?to (?:kill (?:SELF|yourself|urself|ones ?self|oneself)|(?:take|commit|do) suicide)\b",
        r"\b(?:option|place|spot|bridge|building|cliff) (?:\w+ ){0,3}(?:for suicide|to (?:jump off|jump from|die|kill SELF|end it))\b(?! (?:into "
        r"the|in the|for (?:a |the )?swim))",
        r"\b(?:find|need|looking for|want|research\w*) (?:a |the )?(?:method|way) (?:that|which|to) (?:leaves no trace|won't hurt|"
        r"wont hurt|is painless|doesn't hurt|doesnt hurt|won't fail|wont fail)\b",
        r"\b(?:quick|quickest|easy|easiest|painless|fast|best|effective|reliable) suicide methods?\b",
        r"(?<!old )(?<!brave )(?<!strong )(?<!lucky )\b(?:enough|sufficient) to (?:od|overdose|kill me|not wake up)\b",
        r"\b(?:planning|plan|planned) (?:a |our |my )?(?:double |joint )?suicide\b(?! (?:prevention|awareness|training|talk))",
        r"\bwhat (?:would|will|does) (?:an |a )?(?:overdose|od) (?:of|on) (?:\w+ ){1,2}do\b",
        r"\b(?:commit suicide|kill SELF|die|end it) (?:the )?(?:easiest|quickest|most painless|least painful) way\b",
        r"\bwould (?:a |the |my )?(?:(?:whole )?(?:bottle|box|packet|pack|strip|tub)s? of )?(?:\w+ ){0,2}PILLS (?:do it|be enough|"
        r"kill me)\b",
        r"\b(?:the )?method (?:and|to|&) the (?:date|day|time)\b",
        r"\bhow (?:painful|painless|quick|long|bad) is (?:hanging|drowning|overdosing|an overdose|bleeding out|jumping)\b|\bis "
        r"(?:hanging|drowning|overdosing) a (?:painless|quick|good) way\b",
        r"\bis (?:hanging|drowning|overdosing|od'?ing|jumping|bleeding out) (?:too |very |really )?(?:painful|quick|fast|"
        r"painless)\b",
        r"\b(?:mix\w*|make|making|create|creating)\b[^.?!]{0,40}\bhydrogen sul(?:f|ph)ide\b|\bhydrogen sul(?:f|ph)ide\b"
        r"[^.?!]{0,40}\b(?:mix\w*|make|making|create|how)\b",
        r"\benough (?:of )?(?:my |the )?(?:\w+ )?(?:PILLS|insulin)\b[^.?!]{0,20}\bto (?:do it|end it|die|kill SELF|not wake up|"
        r"finish it)\b",
        r"\b(?:fastest|quickest|most painless|least painful)\b[^.?!]{0,40}\bhow many (?:\w+ )?(?:you'd|you would|i'd|i would|"
        r"it would|would it|do you|you|i) (?:need|take)\b(?! for (?:a|an|my|the|your)\b)(?![^.?!]{0,40}\b(?:calpol|"
        r"headache|migraine|period pain|toothache)\b)",
        r"\bhow long (?:it takes|does it take|would it take|it would take) to (?:bleed out|die|drown|suffocate|hang|starve to "
        r"death)\b",
        r"\b(?:PILLS|vodka|rope|noose|knife|blades?|razors?)\b[^.?!]{0,30}\b(?:are|is) (?:all )?(?:on the (?:table|bed|side)|"
        r"laid out|lined up|in front of me)\b[^\n]{0,60}\b(?:courage|nerve|ready|waiting|staring)\b",
        r"\bcounting (?:out )?(?:the |my |all my |all the )?PILLS\b(?![^.?!]{0,40}\b(?:dosette|pill ?box|organi[sz]er|"
        r"for the week|blister|pharmacy|chemist|weekly)\b)",
        r"\bholding (?:the |a |my )?(?:\w+ )?(?:of )?(?:pills|tablets|blades?|razor|knife|rope|gun)\b",
        r"\b(?:got|have|taken|took|getting) (?:my|the) (?:blades?|razors?) out\b(?![^\n]{0,60}\b(?:veg|prep|cook\w*|roast|chop\w*|"
        r"kitchen|carv\w*|dinner|tea|lunch|crafts?|stanley|lino|carpet|box\w*|cardboard|shav\w*|beard|legs)\b)",
        r"\b(?:gun|rifle|shotgun)\b[^\n]{0,60}\bknow where (?:the|he keeps the|she keeps the) (?:key|keys|ammo|bullets)\b",
        r"\b(?:came up with|thought of|worked out|listed|made a list of) (?:\d+|two|three|four|five|a few|some|several|different) ways (?:i could|"
        r"i can|to) (?:go|die|do it|end it)\b",
        r"\b(?:picking up|collecting) (?:a|the) (?:gun|rifle|shotgun|rope)\b",
        r"\b(?:shotgun|rifle|pistol|gun|pills|tablets|blades?|razors?|rope|noose|knife)\b[^.?!]{0,30}\b(?:in front of me|"
        r"on my lap|in my lap|next to me on the bed)\b",
        r"\b(?:ordered|bought|buying|got|getting|picked up|have) (?:the |some |a )?(?:helium|exit bag|bullets|"
        r"antifreeze|weedkiller|paraquat)\b(?![^.?!]{0,30}\b(?:balloons?|party|birthday|garden|weeds|car))",
        r"\b(?:kept|keeping|saved|saving|stored|hidden|hid|hoarded|stockpiled|collecting) (?:all |up )?(?:of )?(?:my |the |"
        r"these |those )?(?:\w+ )?ANY_PILLS\b[^.?!]{0,30}\b(?:for (?:weeks|months|ages|a while)|enough)\b",
        r"\bPILLS\b[^\n]{0,60}\b(?:have|got) (?:over|more than|nearly|almost|about) \d{2,}\b",
        r"\b(?:saving|saved|stockpil\w*|hoard\w*|collect\w*|stash\w*|bought|buying|got) (?:up )?(?:all )?"
        # medication got as everyone on it gets it: "got all my meds sorted for the week"
        r"(?:my |some |enough |a |the )?(?:PILLS\b(?! (?:\w+ )?(?:sorted|organi[sz]ed|in (?:the|my|a) (?:dosette|pill ?box|"
        r"organi[sz]er|blister)|from the (?:pharmacy|chemist|gp|surgery)|(?:re)?filled|delivered|for the (?:week|month)"
        r"|on repeat)\b)|rope|noose|gun|razor ?blades?)\b"
        r"(?![^.?!]{0,20}\bfor (?:the|my|a|our) (?:dog|dogs|"
        r"cat|washing|tent|boat|swing|climbing|garden|kids|toy|camping)\b)",
        r"\b(?:research\w*|look\w* up|googl\w*|search\w*) (?:how (?:to|many|much)|ways to|the best way to)"
        r"[^.?!]{0,40}\b(?:die|kill|overdose|od|hang|lethal|fatal|painless)",
        r"\bhow (?:many|much) (?:of )?(?:my |the |these |those )?(?:\w+ )?(?:PILLS|mg|grams|units)\b[^.?!]{0,30}"
        r"\b(?:to (?:die|kill|od|overdose)|(?:is|would be|it would take) (?:lethal|fatal|enough)|would (?:kill|be lethal))",
        r"\b(?:lethal|fatal) (?:dose|way|method|amount)\b(?![^.?!]{0,30}\b(?:dogs?|cats?|pets?|pupp(?:y|ies)|kittens?|horses?)\b)",
        r"\b(?:least painful|most painless|painless|quickest|easiest) (?:method|way) of (?:death|dying|suicide)\b",
        r"\b(?:drop|fall|jump|height|storey|story|floors?)\b[^.?!]{0,20}\benough to kill\b",
        r"\b(?:most painless|least painless|painless) (?:way|method) to (?:die|go|end it|kill (?:SELF|yourself|urself))\b",
        r"\b(?:easiest|quickest|fastest|best|surest) (?:way|method) to (?:DIE|kill SELF|end it|end my life|overdose|od)\b",
        r"(?<!your )\b(?:PILLS|rope|noose) (?:are |is |r )?(?:all )?(?:saved|stockpiled|stashed|hidden|ready|counted out)\b"
        r"(?! (?:at|to (?:collect|pick up|be collected)|for (?:collection|the week|next week|my (?:holiday|trip))|in (?:the|my) (?:dosette|organi[sz]er|"
        r"pill ?box)))",
        r"\b(?:pills|tablets|blades?|razors?|rope|noose|gun|knife)\b[^.?!]{0,20}\b(?:in my (?:hand|lap)|"
        r"lined up|counted out|laid out|in front of me)\b(?![^.?!]{0,30}\b(?:dosette|pill ?box|organi[sz]er|for the week)\b)",
        r"\b(?:rope|noose|blades?|razors?|gun) (?:are |is )?ready\b",
        r"\b(?:rope|noose|pills|tablets|blade|gun)\b[^.?!\n]{0,60}\b(?:know|picked|found|chosen) (?:which|the|a) (?:tree|"
        r"bridge|spot|place|beam|building)\b",
        r"\b(?:counted|counting) (?:out )?(?:all )?(?:my |the )?PILLS\b[^\n]{0,30}\benough\b(?! (?:to last|for (?:the|a) "
        r"(?:week|month)|until|till))",
        r"\bhose(?:pipe)?\b[^\n]{0,60}\bexhaust\b(?![^\n]{0,40}\b(?:dryer|vent|hoover|vacuum|hood|fix\w*|repair\w*|mechanic)\b)"
        r"|\bhose(?:pipe)? (?:and|&) (?:some |the |duct |gaffer )*tape\b[^.?!]{0,30}\bin (?:the|my) (?:boot|car)\b",
        r"\bloaded (?:the|my|dad's|his|a) (?:shot)?gun\b(?![^\n]{0,80}\b(?:fox\w*|hens?|chickens?|pigeons?|crows?|rabbits?|deer|"
        r"pheasants?|clay|clays|range|shoot(?:ing)? (?:club|day)|season|vermin|rats?|for the \w+)\b)",
        r"\b(?:got|have|saved|stored|collected|kept|stockpiled) (?:\w+ ){0,3}enough\b[^.?!]{0,30}\bto (?:not|never) wake(?: up)?\b",
        r"\b(?:saving|saved|stockpil\w*|hoard\w*|stash\w*) (?:up )?(?:all )?(?:of )?(?:my |the )?\w+\x27s (?:old |spare |leftover )?ANY_PILLS\b"
        r"(?! (?:for|to give|to take back|to return|in case)\b)",
        r"\b(?:i'm|im|i am|sitting|sat|standing|stood) (?:\w+ ){0,6}with (?:my |the |a |(?:my )?\w+\x27s )(?:shotgun|gun|rifle|pistol)\b"
        r"(?![^\n]{0,80}\b(?:fox\w*|hens?|chickens?|pigeons?|crows?|rabbits?|deer|pheasants?|clay|clays|range|shoot(?:ing)? (?:club|day)|"
        r"season|vermin|rats?|licen[cs]e|cleaning|clean it)\b)",
        r"\b(?:hotel|b&b|motel|airbnb)\b[^\n]{0,60}\btold (?:everyone|them|my \w+|people) (?:i'm|im|i am|i was|i'd be) (?:away|at|on|going|"
        r"staying|working)\b(?![^\n]{0,60}\b(?:surprise|anniversary|birthday|party|propos\w*|hen|stag|affair)\b)",
        r"\blocked myself in (?:the |my |a )?(?:\w+ )?(?:toilets?|bathroom|loo|room|bedroom|car|shed|garage)\b[^.?!]{0,20}\bwith (?:my |a |the )?"
        r"(?:compass|blade|knife|razor|pills|tablets|rope|belt|scissors|sharpener)\b",
        r"\b(?:tied|tying|taped|taping) (?:a |the )?plastic bag\b(?! (?:to|on|for|of|with|full|round the))|\b(?:plastic )?bag (?:over|round|"
        r"around) my head\b",
        r"\b(?:started|running|turned on|left on|switched on) the (?:car|engine)\b[^.?!]{0,20}\bin (?:the|a|my) garage\b[^.?!]{0,30}\b(?:shut|"
        r"closed|locked|pulled down) (?:the )?(?:door|doors|garage)\bNOT_WARMING",
        r"\bone (?:last|final) (?:big )?(?:shot|hit|bag|fix)\b[^.?!]{0,40}\b(?:done|over|end|never|gone|goodbye)\b(?![^\n]{0,60}\b(?:rehab|"
        r"detox|clean|quit\w*|recovery|treatment)\b)",
        r"\b(?:chosen|picked|decided on|found|worked out|set) (?:the|a) (?:spot|place|location|date|day|time|method|way)\b(?! for)[^.?!]{0,15}\band "
        r"(?:the|a) (?:time|date|day|place|spot|method)\b(?! (?:for|of) (?:the|our|a|my) (?:\w+ )?(?:picnic|party|meeting|wedding|trip|walk|"
        r"meet ?up|reunion|bbq|barbecue)\b)",
        r"\b(?:collecting|saving|stockpiling|hoarding|stashing|collected|saved) (?:them|these|it|those) (?:up )?(?:since|for) (?:\w+ ){0,2}(?:months?|"
        r"weeks?|january|february|march|april|may|june|july|august|september|october|november|december|ages|the summer|christmas)\b"
        r"(?=[^\n]{0,60}\b(?:tonight|today|tomorrow|the night|the day|enough)\b)",
        r"\bwith (?:all of )?(?:them|the pills|the tablets|it all|all of it) inside me\b",
    ),
    *_rules(
        Kind.GOODBYE,
        r"\bmake sure (?:they|she|he|the kids|my kids|my children) know (?:that )?i love (?:them|her|him)\b|\bi love my (?:kids|"
        r"children|family|wife|husband)\b[^.?!]{0,30}\bmake sure (?:they|she|he) knows?\b",
        r"\bif (?:anyone|someone|somebody) finds (?:this|me)\b(?! (?:useful|helpful|interesting|funny|hard)\b)",
        r"\b(?:tonight|today|tomorrow) (?:will be|is going to be|is) my (?:last|final) (?:night|day)\b(?! (?:shift|at|in|of|before|"
        r"on|here|with|as)\b)",
        r"\b(?:this is where|here's where|here is where) my (?:story|journey|life) ends\b(?! for (?:tonight|today|now)\b)",
        r"\bwhoever finds (?:this|me)\b(?! (?:wallet|phone|bag|purse|keys?|card|dog|cat|scarf|coat)\b)(?![^.?!]{0,30}\b(?:recipe|"
        r"helpful|useful|helps|thread|post|later|future|tip)\w*)",
        r"\bthis is it\b[^\n]{0,60}\b(?:goodbye|bye|farewell)\b(?![^\n]{0,40}\b(?:house|flat|home|job|school|team|uni|office|car|"
        r"holiday|season|course)\b)",
        r"\b(?:suffered|had) (?:too much|enough)\W+(?:goodbye|bye)\b",
        r"\bthanks? (?:you )?for (?:all )?(?:of )?(?:your|the) help but (?:it )?(?:wasn't|wasnt|isn't|isnt) enough\b",
        r"\b(?:i'm|im|i am) (?:so )?done\W+(?:goodbye|bye)\b(?! for now)",
        r"\b(?:final|last) good ?bye (?:message|text|letter|note|post)\b",
        r"\bthis is my (?:suicide |last |final )?note\W*(?:$|[.!?\n])",
        r"\b(?:started|been|am|i'm) writing (?:my )?(?:notes|letters|goodbyes)\b[^\n]{0,80}\b(?:closure|goodbye|people|"
        r"everyone|family|important)\b",
        r"\bnot (?:planning on|planning to|intending to|going to|gonna) (?:be )?coming back\b(?! (?:to|for|until|till|here|"
        r"there|after)\b)",
        r"\b(?:today|tonight|tomorrow) (?:is|will be|'s) my (?:last|final) (?:\w+ )?day\b(?! (?:at|of|in|on|off|before|with|"
        r"as|working|here|for)\b)(?![^\n]{0,40}\b(?:then|off to|start\w*|new job|holiday|leave|maternity|retir\w*|uni|"
        r"college|school|work)\b)",
        r"\b(?:put|tucked|kissed|hugged|said goodnight to|read to) (?:the kids|my kids|the children|my children|the baby|my baby|"
        r"my son|my daughter|them|him|her) (?:\w+ ){0,3}for the (?:very )?last time\b(?! (?:in|at|before|this|as)\b)",
        r"\bif i'm not (?:\w+ ){0,3}(?:tomorrow|tonight|on \w+|next week)\b[^.?!]{0,20}\byou'll (?:all )?know why\b",
        r"\b(?:sorted|checked|made sure of|set up|arranged|paid up) (?:out )?(?:the |my )?life insurance\b[^.?!]{0,30}\bso "
        r"(?:they|she|he|the kids|my family|everyone)(?:'ll| will| are| would|'d)? (?:be )?(?:ok|okay|alright|all right|fine|"
        r"looked after|provided for|covered)\b",
        r"\b(?:won't|wont|will not) (?:be )?hear(?:ing)? from me again\b(?! (?:until|till|til|for|before|this|today|tonight|"
        r"after))",
        r"\bleft (?:\w+ )?letters (?:on|in|under|by) (?:the|my) \w+ for (?:them|the kids|my kids|the children|everyone|"
        r"my (?:family|husband|wife|partner|parents|mum|mom|dad))\b(?![^.?!]{0,30}\b(?:santa|father christmas|tooth fairy|"
        r"postman|school|teacher)\b)",
        r"\b(?:left|written down|wrote down)\b[^.?!]{0,30}\b(?:passwords|pin numbers|bank details|account details|logins?)\b"
        r"[^.?!]{0,40}\bfor (?:my|the)\b"
        r"(?![^\n]{0,60}\b(?:in case i (?:lose|forget|get locked)|locked out|forget(?:ful)?|new phone|lose my phone)\b)",
        r"\b(?:gave|given|left|showed|handed) (?:my|the) (?:suicide )?note\b",
        r"\bsay(?:ing)? goodbye (?:to (?:people|everyone|them) )?without (?:drawing|raising|causing) suspicion\b",
        r"\b(?:don't|dont|do not) (?:plan on|intend on|intend to|plan to|expect to) (?:turning|reaching|seeing|making it to|"
        r"being here (?:for|at)) (?:\d+\b|my (?:\d+\w* )?birthday|christmas|next year|the new year)",
        r"\b(?:don't|dont|do not) (?:be sad|cry|grieve) (?:for|over) me\b",
        r"\b(?:don't|dont|do not|no one|nobody|noone) (?:try to |come |go |bother )?(?:find|look for|looking for|"
        r"search for|come after|trying to find) me\b(?! (?:at|in|on)\b)(?![^.?!]{0,40}\b(?:i'm|im|i'll be|i will be) (?:off|"
        r"away|at|in|working|sick|on holiday)\b)",
        r"\bthis is (?:my )?goodbye\b",
        r"\b(?:goodbye|bye|farewell) (?:forever|cruel world|world)\b|\bfarewell (?:everyone|all)\b",
        # "bye all" is how every meeting ends; it is a goodbye only beside thanks-for-everything, love or sorry
        r"\b(?:goodbye|bye) (?:everyone|all|guys|all of you|y'all)\b[^\n]{0,80}\b(?:love you all|i love you|"
        r"thank you for (?:everything|trying|being there)|i'm sorry|forgive me|for the last time)",
        r"\b(?:love you all|i love you|thank you for (?:everything|trying)|i'm sorry|forgive me)\b[^\n]{0,80}\b"
        r"(?:goodbye|bye) (?:everyone|all|guys|all of you|y'all)\b",
        r"\b(?:sorry for everything|forgive me|i'm so sorry|i'm sorry)\b[^\n]{0,60}\b(?:goodbye|farewell)\b"
        r"(?! for now)",
        r"\bby the time (?:you|anyone|someone) (?:read|reads|see|sees|find) this\b",
        r"\b(?:wrote|written|writing|left|leaving|finished) (?:a |my |the )?(?:suicide )?(?:notes?|letters?) "
        r"(?:to|for) (?:everyone|my (?:family|kids|children|wife|husband|parents|mum|mom|dad))(?![^.?!]{0,40}\b(?:thanks?|"
        r"thank you|birthdays?|christmas|santa|party|wedding|invit\w*|postcards?|camp|holiday|trip|18th|21st|future|"
        r"graduation|open (?:on|when|in))\b)",
        r"\b(?:wrote|written|writing|finished|left) my (?:last |final |suicide )?note\b",
        r"\b(?:wrote|written|writing) (?:my |the |some )?(?:goodbye|farewell) (?:notes?|letters?)",
        r"\b(?:i've|ive|i have|i) (?:said|written) my goodbyes\b(?! to (?:my )?(?:nan|gran|grandad|grandpa|"
        r"grandma|him|her|them|dad|mum|mom))(?! to (?:the|my|our) (?:old )?(?:house|flat|home|office|job|team|ward|school|class|"
        r"colleagues|street|garden|car))",
        r"\bput(?:ting)? my affairs in order\b",
        r"\b(?:sorry|forgive me) for (?:everything|what i'm about to do|leaving)\b.{0,60}\b(?:goodbye|love you all|bye)",
        r"\b(?:tell|take care of) [^.?!]{0,30}\bfor me when i'm gone\b",
        r"\b(?:last|final) (?:message|goodbye|words)\b(?! (?:before|for|of|until|till|in|on|about))(?![^\n]{0,40}\b(?:off to "
        r"bed|bedtime|going to (?:bed|sleep)|off to sleep|night night|see you (?:all )?tomorrow|speak tomorrow)\b)",
        r"\blast time (?:you'll|you will|anyone will|you|anyone) (?:hear from|see|hears from) me\b(?! (?:about|on|re|regarding|"
        r"until|till|for|before|this|in)\b)",
        r"\b(?:sorry|i love you|decided|goodbye)\b[^\n]{0,60}\bplease (?:don't|do not) (?:be sad|be angry|be cross|be mad|be "
        r"upset|blame yourself|cry|miss me)\b",
        r"\bplease (?:don't|do not) blame yourself\b",
        r"\bplease tell (?:my )?(?:\w+ )?(?:son|daughter|mum|mom|dad|kids|wife|husband|family|partner|parents) (?:that )?"
        r"(?:i'm|im|i am) sorry\b",
        r"\bthis is the end (?:for me|of me|of the road for me)\b",
        r"\b(?:nobody|no one|noone) will find me (?:in time|until)\b",
        r"\b(?:wrote|written|writing|left|finished) (?:a |my |the )?suicide (?:note|letter)\b",
        r"\bthe last time (?:i'll|i will|ill) (?:post|write|be on|message)\b(?! (?:before|for|until|till|about|this))",
        r"\bnot your fault\b[^\n]{0,60}\b(?:goodbye|farewell|love you)\b|\b(?:goodbye|farewell)\b[^\n]{0,60}\bnot your "
        r"fault\b",
        r"\b(?:kept|keeping) me (?:going|alive|here) (?:longer than|this long|as long as)\b",
        r"\bthis (?:is|will be|'ll be) (?:the|my) (?:last|final) (?:message|post)\b(?! (?:before|for|of|until|till|in|on|about))",
        r"\b(?:i'll|i will|ill) be (?:gone|dead) (?:by|before) (?:morning|tomorrow|tonight|the weekend)\b",
        r"\btell (?:my )?(?:\w+ )?(?:mum|mom|dad|kids|children|son|daughter|wife|husband|partner|family|sister|"
        r"brother|parents|boys|girls) (?:that )?(?:i love (?:her|him|them)|(?:i'?m|i am) sorry\b(?! (?:i|for (?:missing|being late|not)|about|we)\b))\b",
        r"\b(?:tonight|today|tomorrow|soon)\b[^.?!]{0,20}\bi (?:finally )?(?:get|find|will get|'ll get) (?:some )?peace\W*$",
        r"\b(?:the |my )letters (?:are|have been|are all) (?:written|done|finished|sealed|addressed)\b(?![^\n]{0,60}\b(?:christmas|cards?|"
        r"santa|job|applications?|cover|council|complaint|school|mp|thank|references?|appeal)\b)",
        r"\b(?:said|saying|say) (?:my )?goodbyes? to \w+ without (?:her|him|them|anyone) (?:knowing|realising|realizing)\b",
        r"\b(?:don't|dont|do not|no need to|you won't need to|you wont need to) (?:worry|fret) about me (?:after|from|past) (?:today|tonight|"
        r"tomorrow|this weekend|now on)\b",
        r"(?:^|[.!?\n] *)(?:it'll|it will|everything will|it's all going to|it's going to) (?:all )?be (?:over|done|finished) (?:by|before) "
        r"(?:morning|tomorrow|tonight|the morning|sunrise|dawn)\W*$",
        r"\bif (?:you|u) (?:don't|dont|do not) hear from me\b[^.?!]{0,30}\b(?:you(?:'ll)? know why|assume the worst|i'm gone|i'll be gone|"
        r"it's done|it worked)\b",
        r"\b(?:make sure|can someone|could someone|please|someone (?:needs to|will have to|has to)) (?:someone |somebody )?(?:feeds?|looks? after|"
        r"takes? care of|walks?) (?:my|the) (?:cat|dog|pets?|rabbit|fish|budgie)s? (?:after|from) (?:this week|tonight|today|tomorrow|this "
        r"weekend|now on|i'm gone)\b",
        r"\bhope (?:you all|everyone|you guys|y'all|all of you) (?:\w+ )?(?:have|live|get) (?:good|happy|great|wonderful|long|nice|"
        r"beautiful) lives\b",
        r"(?:^|[.!?\n] *)(?:goodbye|bye|so long|farewell|(?:i'm|im|i am) saying goodbye)(?: (?:everyone|all|guys|all of you|world|"
        r"friends))?\W+(?:i'm sorry|im sorry|sorry|i can't do this|i cant do this|it's time|its time|don't blame|dont blame|i love you|"
        r"love you)\b(?![^\n]{0,60}\b(?:missed|see you|next (?:week|time|session|month)|new year|christmas|holiday|back (?:on|in|next)|"
        r"moving|leaving the group|new job|stepping down)\b)",
        r"\b(?:nobody|no one|noone|no-one) (?:will|'ll|is going to|would) (?:ever )?find me\b[^.?!]{0,20}\b(?:where i'm going|when i'm gone|in "
        r"time|until it's too late|this time)\b(?![^\n]{0,40}\b(?:off[- ]grid|camping|holiday|lol|haha|festival|retreat)\b)",
        r"\b(?:switching|turning|putting|switched|turned) (?:my )?phone off\b[^.?!]{0,30}\b(?:for good|forever|for the last time)\b(?![^\n]{0,40}"
        r"\b(?:new (?:number|phone)|detox|holiday|weekend|social media|instagram|tiktok)\b)",
    ),
    *_rules(
        Kind.FINALITY,
        r"\b(?:which of my (?:things|stuff)|what of mine) (?:go|goes) to (?:who|whom)\b|\bnobody knows where i am\b",
        r"\b(?:won't|wont|will not|not going to) be (?:posting|on here|around here|writing|messaging) (?:again|anymore|any more)\b"
        r"(?! (?:until|till|over|for|this|before|after)\b)",
        r"\b(?:i'm|im|i am) not coming (?:back|home)\b(?! (?:to|until|till|for|after|from|here|in|tonight|today|this|late)\b)",
        r"\bsaying goodbye to (?:people|everyone|my (?:family|friends|kids)) in my head\b",
        r"\b(?:written|wrote|writing) to (?:my|the) (?:kids|children|family|son|daughter|wife|husband|parents)\b(?![^.?!]{0,30}"
        r"\b(?:christmas|birthday|school|holiday|teacher|council|about)\w*)",
        r"\bsee (?:you|you all|u|you guys|everyone) on the other side\b(?! of\b)",
        r"\b(?:won't|wont|will not) be a (?:burden|problem) (?:for|to) (?:anyone|anybody|you|everyone)\b(?! (?:at|in|on|during|"
        r"there|if)\b)",
        r"\bsorted (?:out )?(?:the |all the |my )?(?:paperwork|papers|finances|money)(?: for (?:my )?(?:wife|husband|partner|"
        r"kids|children|family))?\b[^.?!]{0,10}\bso (?:she|he|they|the kids)(?:'ll| will) be (?:ok|okay|fine|alright|looked "
        r"after)\b",
        r"(?:^|[.!?\n] *)(?:my )?last (?:post|message)\W*(?:$|[.!?\n])",
        r"\bpaid (?:the |my )?rent (?:up |in advance )(?:for|until|till)\b|\bpaid (?:the |my )?(?:rent|bills) (?:up )?(?:for|"
        r"until) (?:the next|a few|\d+|two|three|six) months\b",
        r"\b(?:won't|wont|will not|not going to|don't|dont) (?:have|need|be able to)\b[^.?!]{0,40}\bwhere i'?m going\b",
        r"\bfor whoever (?:comes|finds|gets here)\b(?! (?:to|in|first|next|along|early|late|round)\b)",
        r"\blabell?ed (?:with |by )?who (?:it's|its|it is|they're) for\b|\b(?:list|note) of (?:who|people) to (?:call|ring|"
        r"contact|tell) (?:after|when)\b",
        r"\b(?:passwords?|pin (?:numbers?|codes?)|bank details|login details|account details)\b[^.?!]{0,50}\b(?:for|to) (?:my )?"
        r"(?:\w+ )?(?:sister|brother|mum|mom|dad|wife|husband|partner|son|daughter|kids|family|whoever)\b"
        r"(?![^\n]{0,60}\b(?:in case i (?:lose|forget|get locked)|locked out|forget(?:ful)?|new phone|lose my phone)\b)",
        r"\b(?:signing|logging|clocking) off (?:for good|for the (?:last|final) time|forever)\b(?! (?:from|on)\b)"
        r"|\b(?:won't|wont|will not|not going to) be (?:on|in) here (?:anymore|any more|again|after (?:tonight|today))\b"
        r"|\b(?:the )?last thing i(?:'ll)? (?:write|post|say) (?:here|on here|to you)\b(?! about\b)"
        r"|\bsay (?:bye|goodbye) properly\b",
        r"\b(?:sorted|worked out|decided|written down|chosen|picked) (?:out )?who (?:gets|is getting|will get|should get|can "
        r"have) (?:what|my)\b",
        r"\b(?:wrote|written|writing|finished writing) (?:everyone|each of them|all of them|my (?:kids|family|children)) "
        r"(?:a )?(?:letter|letters|note|notes)\b(?![^.?!]{0,30}\b(?:christmas|birthday|thank|card|holiday|18th|21st|"
        r"graduation|wedding|future)\w*)",
        r"\b(?:life insurance|policy|my will)\b[^.?!]{0,30}\b(?:sorted|in place|paid up|up to date)\b[^.?!]{0,40}\b(?:kids|"
        r"family|children|they|she|he|wife|husband) (?:will|'ll) be (?:ok|okay|fine|alright|looked after|provided for)\b",
        # setting things right with everyone, as if for the last time
        r"\b(?:ringing|calling|messaging|texting|contacting) (?:round |around )?(?:old |all my )?(?:friends|everyone|people|"
        r"family)\b[^.?!]{0,30}\bto (?:say (?:sorry|goodbye)|make amends|apologi[sz]e)\b(?![^.?!]{0,15}\b(?:can't|cant|won't|wont|"
        r"make it|party|late|missing)\b)",
        r"\b(?:leave|leaving|put|putting|make|making) things right with (?:everyone|everybody|all of you)\b",
        r"\b(?:won't|wont|will not) have me (?:to \w+ (?:around|about) )?(?:anymore|any more|much longer|for (?:much )?long(?:er)?)\b",
        r"\b(?:i'll|i will) soon be (?:gone|at peace|out of (?:your|the|everyone's) way)\b|\bsoon i(?:'ll| will) be (?:gone|"
        r"at peace|out of (?:your|the|everyone's) way)\b|\b(?:i'll|i will) be gone soon\b(?! (?:on|to|for)\b)",
        r"\b(?:won't|wont|will not|never) (?:be )?(?:seeing|see) (?:you|any of you|you all|you guys|you lot|u) again\b"
        r"(?! (?:until|till|before|for|this|next|at|in|after|on|when)\b)",
        r"\b(?:it'll|it will|it's going to) (?:all )?be (?:over )?soon\b(?![^.?!]{0,30}\b(?:due|born|baby|holiday|christmas|"
        r"results?|exam|appointment|op|operation|surgery)\b)",
        r"\b(?:going for|going on|taking|on) my (?:last|final) (?:drive|walk|swim|ride)\b(?! (?:of|before|on|in|at|with|for|until|"
        r"till|along|round|around|to|up|down)\b)",
        r"\b(?:after|once) i go\b(?! (?:to|on|out|back|in|into|away|home|shopping|abroad|for|under|through|up|down|over|round|"
        r"there|here|and|with|off|back)\b)",
        r"\b(?:wrote|written|writing|posted|made|recorded) my (?:last|final) (?:entry|journal entry|diary entry|post|video|"
        r"message|page)\b(?! (?:of|for|about|on|to)\b)(?! in (?:the|this|my) (?:course|module|series|challenge|portfolio|"
        r"group|chat))",
        r"\b(?:won't|wont|will not|not going to) be (?:here|around|alive) when\b(?![^.?!]{0,40}\b(?:i'll be|i will be|i'm|at "
        r"work|working|out|away)\b)",
        r"\barranged for (?:\w+ ){1,3}to (?:collect|pick up|have|take) (?:the kids|the children|my kids|the dog|the cat)\b",
        r"\b(?:i'm|im|i am) not staying\b(?! (?:for|long|late|over|the night|at|in|with))",
        r"\bput (?:the baby|the kids|him|her|them) (?:down )?(?:somewhere )?safe\b",
        r"\b(?:no one|nobody|noone) (?:will|'ll) (?:have to|need to) (?:deal with|worry about|look after|put up with) me\b"
        r"(?! (?:when|while|for|on|at|in|this|next|during|over|until|till|tomorrow|today|tonight)\b)",
        r"\b(?:no one|nobody|noone) (?:has|needs|will have|'ll have) to (?:deal with|worry about|clean up|sort out|put up with) "
        r"(?:me|my (?:mess|shit|crap|problems))\b(?![^.?!]{0,40}\b(?:cleaner|tidy|tidied|cleaned|lol|haha)\b)",
        r"\b(?:sorted|worked|written|decided) (?:out )?who gets what\b",
        r"\b(?:won't|wont|will not|not going to) (?:be )?need(?:ing)? (?:it|them|any of (?:it|this|them)|these|those)\b"
        r"[^.?!]{0,30}\bwhere i'm going\b",
        r"\bif (?:you|anyone|you all) (?:don't|dont|do not) hear from me\b(?![^.?!]{0,30}\b(?:i'm|im|i'll be|i will be) "
        r"(?:at|in|on|out|away|busy)\b)(?![^.?!]{0,40}\b(?:probably|asleep|busy|signal|battery|phone|holiday|wifi|internet|"
        r"means i'm|it's because i'm)\b)",
        r"\bcancell?ed (?:all )?my (?:appointments|therapy|sessions|treatment|hospital appointments)\b",
        r"\b(?:there's|there is|theres) no (?:need|point) (?:for|in) (?:them|it|any of (?:it|them)) (?:anymore|any more)\b",
        r"\b(?:won't|wont|will not|not going to) be (?:around|here) to (?:see|say|watch|celebrate|meet|know|hear|tell)\b",
        r"\b(?:sorted|planned|paid for|arranged|organised|organized) (?:out )?my (?:own )?funeral\b",
        r"\b(?:it's|its|it is) (?:my time to go|about that time)\W*(?:$|[.!?\n])",
        r"\b(?:it's|its|it is)[ ] => time(?=\W*[.!?\n])",
        r"\b(?:not|won't|wont) (?:gonna |going to )?be (?:around|here|there)\b[^\n]{0,40}\bor ever\b",
        r"\b(?:made|making|sorted) arrangements for (?:the|my) (?:dog|cat|pets?|kids|children|boys|girls|rabbit|funeral)\b"
        r"(?![^.?!]{0,30}\b(?:while|when we're|holiday|away|trip|weekend away)\b)",
        r"\b(?:wrote|written|writing|finished) (?:the|my|all the|all my) (?:letters|notes)\b",
        r"\b(?:letters?|notes?) (?:are|is) (?:on|in|under) (?:the|my) (?:table|bed|desk|drawer|side|kitchen|pillow)\b",
        r"\b(?:my )?affairs (?:are |all )?(?:sorted|in order|settled)\b",
        r"\b(?:won't|wont|will not|not going to|not gonna) (?:(?:be )?need(?:ing)? (?:it|them|her|him|these|those|this|that|any of "
        r"(?:it|this|them))|"
        r"be (?:here|around) (?:much longer|anymore|any more|for long)|be coming back\b)",
        r"\b(?:when|after|once) i'm (?:gone|dead|not here)\b(?! (?:on|to|for|away|out|abroad|back|and you)\b)",
        r"\b(?:you|they|everyone) (?:won't|wont) (?:have to|need to) (?:worry|deal) (?:about|with) me\b",
        r"\b(?:not|won't|wont|not going to|will not) be a (?:burden|problem) (?:much longer|for long|anymore|any more)\b",
        r"\b(?:won't|wont|will not) be (?:here|around) after (?:tonight|today|tomorrow|this weekend)\b",
        r"\b(?:not going to|won't|wont|will not) be (?:here|around|alive) (?:tomorrow|by (?:morning|tomorrow))\b",
        r"\bif (?:anything|something) (?:happens|should happen) to me\b",
        r"\b(?:just )?want(?:ed)? to say (?:thank you|thanks|sorry|goodbye) (?:before|one last|for everything)\b",
        r"\b(?:deleted|deactivated|closed) (?:all )?my (?:accounts|social media|instagram|facebook|profiles?)\b",
        r"\bsaid goodbye to (?:my )?(?:friends|family|everyone|the kids)\b",
        r"\b(?:look after|take care of|raise) (?:him|her|them) better than i (?:could|can|ever could)\b",
        r"\bleft (?:instructions|letters|notes|everything) for (?:the kids|my kids|my family|everyone|my (?:husband|wife|"
        r"partner))\b",
        r"\b(?:won't|wont|not going to) (?:make it|be (?:here|around|alive)) (?:to|for|until|till|past|through) "
        r"(?:christmas|my birthday|the weekend|tomorrow|next week|new year)\b",
        r"\b(?:i've|ive|i have) made sure of (?:that|it)\b",
        r"\bso it (?:doesn't|won't|wont) matter\b|\bnothing (?:matters|will matter) (?:now|anymore|soon)\b",
        r"\b(?:updated|made|wrote|written|sorted|finished|changed) (?:out )?my will\b",
        r"\b(?:it\x27s|its|it is) time\W*$",
        r"\bbefore i go\b(?! (?:to|on|out|back|in|into|away|home|shopping|abroad|for|under|through))",
        r"\b(?:paid off|cancelled|canceled|closed) (?:all )?my (?:debts|accounts|phone|contracts?|subscriptions)\b",
        r"\bhow much (?:you(?: all| guys)?|this group) (?:meant|has meant|have meant) to me\b",
        r"\b(?:don't|dont|do not) think (?:i'll|ill|i will|i'm going to|im going to|i'm gonna|im gonna) (?:make it|be (?:here|around|"
        r"alive)) (?:to|for|until|till|past|through) (?:christmas|my birthday|the weekend|next week|new year|spring|summer)\b"
        r"(?! (?:dinner|lunch|party|do|market|fair|meal|service|concert|play|show|meeting|group|drinks)\b)",
        r"\b(?:it's|its|this is|tonight is) my last night\W*(?:$|[.,!?\n])(?![^\n]{0,60}\b(?:uni|holiday|flight|mov\w*|home tomorrow|"
        r"shift|job|course|placement|hotel|hospital|ward|rehab|discharg\w*|single|trip|off to)\b)",
        r"\b(?:won't|wont|will not|not going to) (?:be )?need(?:ing)? (?:the|this) (?:group|server|chat|support|help)(?: anymore| any more)?\b"
        r"(?![^\n]{0,60}\b(?:doing (?:so |really )?well|better now|recovered|thriving|graduat\w*)\b)",
        r"\bi (?:won't|wont|will not|may not|might not) (?:get|have) the chance\b(?! to (?:come|make it|be there|attend|join|see (?:the|it)|"
        r"go|watch|read|reply)\b)",
        r"\b(?:you|nobody|no one|noone|no-one|everyone)(?: won't| will not| wont| will never| won't ever| will)? (?:have|need) to (?:put up with|look after|"
        r"care for|see|hear from|bother with|think about) me\b(?!(?: again)? (?:when|while|for|on|at|in|this|next|during|over|until|till|tomorrow|"
        r"today|tonight)\b)(?!\W+(?:i'm|im|i am) (?:moving|going|off|away|leaving|back))",
        r"\b(?:won't|wont|will not|will never) (?:ever )?see me again\b(?! (?:until|till|before|for|this|next|at|in)\b)",
        r"\bmade sure (?:the|my) (?:dog|cat|pets?|kids|children|rabbit|horse)s? (?:will be|is|are|gets?|get) (?:looked after|taken care of|fed|"
        r"cared for|rehomed|okay|ok|alright)\b(?![^\n]{0,40}\b(?:while|when|holiday|away|trip|hospital|op|surgery|weekend|for the|if)\b)",
    ),
    # Soft signs: each alone is how people end any chat; together, or beside distress or a decision, a farewell.
    *_rules(
        Kind.FAREWELL,
        r"\bthank(?:s| you) (?:\w+ )?for (?:the|all the) (?:chats|talks|support|laughs) over the years\b",
        r"\b(?:just )?(?:need|needed|want|wanted) (?:someone|somebody|anyone) to know\b",
        r"\bthank(?:s| you) for being (?:so )?(?:kind|good|there|lovely) (?:to|for) me\b",
        r"(?:^|[.!?\n] *)sorry(?: (?:guys|all|everyone|everybody|mum|mom|x+))?\W*$",
        r"\bthank you (?:\w+ )?for being my (?:only )?(?:happiness|light|safe place|reason|only friends?)\b",
        r"\bthank you (?:all )?for being my (?:people|person|family|friends|tribe|village)\b",
        r"\bwant(?:s|ed)? to say goodbye\b|\b(?:writing|here|posting|messaging) to say goodbye\b",
        r"\b(?:you've|you have|you guys have|you all have|you lot have) been the (?:only|best) (?:good )?thing\b",
        r"\b(?:it's|its|it has) been (?:lovely|nice|an honour|a pleasure|good) knowing (?:you|u|everyone|you all|all of you)\b",
        r"\bthanks? (?:you )?for putting up with me\b",
        r"\b(?:want|wanted) (?:you all|you|everyone|you guys) to know\b[^.?!]{0,30}\b(?:grateful|love|thankful|not your fault|"
        r"sorry)",
        r"\b(?:i'm|im|i am) (?:so |really )?sorry(?: for (?:everything|all of (?:it|this)))?(?=\W*(?:$|and\b|[.!?\n]))",
        # a goodbye that is the last thing said
        r"(?:^|[.!?\n] *)(?:goodbye|bye)(?: (?:everyone|all|guys|all of you|y'all|world|reddit|discord))?\W*$",
        r"\btell (?:everyone|them all|the group|them|my \w+) (?:thanks|thank you|i said bye|goodbye|i love (?:them|him|her)|i'm sorry)\b",
        r"\blove (?:you|ya|u) (?:all|guys|lot|lots|so much)\b",
        r"\b(?:thank you|thanks|ty) (?:all |so much )?for everything\b",
        r"\b(?:you|u)(?: lot| guys| all)? (?:were|have been|'ve been) (?:so |very |really )?(?:good|kind|amazing|lovely|"
        r"the best) to me\b",
        r"\b(?:wasn't|isn't|is not|was not|not) (?:anyone's|anybody's|your|you're|ur|her|his|their) fault\b",
        r"\bthank(?:s| you) (?:\w+ )?for (?:trying|everything you (?:did|have done|'ve done)) (?:with|for) me\b",
        r"\blove to (?:all of )?(?:you|you all|everyone)\b|\b(?:grateful|thankful) for (?:you all|all of you|every one of you)\b",
        r"\b(?:i'm|im|i am) (?:so |really )?sorry\W*$",
        r"\b(?:look after|take care of) (?:the kids|the children|mum|mom|dad|my \w+|each other|yourselves)\b(?: for me)?",
        r"\b(?:wanted|want|needed) to say (?:sorry|goodbye|thank you|thanks) first\b",
        r"\bthank(?:s| you)? (?:\w+ )?(?:you|you all|this group|everyone|the group|you guys|you lot) for trying\b(?: to help(?: me)?)?",
        r"\b(?:messaged|texted|called|rang|phoned|wrote to|emailed) (?:\w+ ){1,3}to say (?:goodbye|bye|sorry)\b(?![^\n]{0,40}\b(?:before "
        r"(?:she|he|they) (?:passed|died|went)|moving|leaving|emigrat\w*|going (?:back|home)|flight)\b)",
    ),
    *_rules(
        Kind.SETTLED,
        r"\bone way\W*$",
        r"\b(?:leaving|left|leave) my phone (?:at home|behind)\b|\bone way ticket\b",
        r"\b(?:i'm|im|i am) (?:completely |totally )?at peace with it\b",
        r"\b(?:i'm|im|i am) not telling anyone(?: else)?\W*$|\bnot telling anyone else\b",
        r"(?:\b(?:it's|its) (?:so|really|very) high (?:up )?here\b|\b(?:a |such a )?long way down\b)(?![^.?!]{0,40}\b(?:view|"
        r"fireworks|sunset|sunrise|photos?|pics?|beautiful|gorgeous|amazing|lovely|scared of heights)\b)",
        r"\b(?:it's|its|everything's|everything is) (?:all )?sorted now\b",
        r"\b(?:it's|its|it is|everything's|everything is) all (?:written down|in the (?:drawer|envelope|folder|box)|on the "
        r"(?:table|desk))\b",
        r"\b(?:the )?last thing (?:to do|left to do|i (?:need|needed|had|have) to do)\b",
        r"\bnothing (?:else )?left to (?:sort|do|organi[sz]e|arrange|say|tidy)\W*(?:$|[.!?\n])",
        r"\b(?:got|have|with) (?:everything|what) i need\b(?! (?:for|from|to)\b)|\b(?:got|have) everything ready\b(?! for\b)",
        r"\b(?:it would|it'd|would) be so easy\b|\bso easy to (?:just )?(?:jump|step|let go|fall|go|end it)\b",
        r"\b(?:i'm|im|i am) (?:done|finished|tired of) fighting\b(?! (?:with|about|over|for|against))",
        r"\b(?:you|u|they|everyone|she|he) (?:deserved?|deserve) (?:so much )?better\b",
        r"\b(?:it's|its|everything's|everything is) (?:all )?in (?:order|place)(?: now)?\b",
        r"\b(?:i've|ive|i have) said (?:what i (?:needed|wanted|had) to say|my goodbyes)\b(?! to (?:the|my|our) (?:old )?(?:house|"
        r"flat|home|office|job|team|ward|school|class|colleagues|street|garden|car))",
        r"\bnothing (?:left|more) to do(?: now)?\W*$",
        r"\b(?:i will|i'll|ill) (?:finally )?(?:find|be at|get) (?:peace|relief|rest)\b",
        r"\b(?:it's|its|it is|it'll be) (?:better|easier) (?:for everyone )?this way\b",
        r"\b(?:i'm|im|i am|i feel|feeling|feels?) (?:so |strangely |weirdly )?(?:calm|at peace|peaceful) (?:now|finally|"
        r"at last|about it)\b|\bat peace with (?:my|the|this) (?:decision|choice)\b",
        r"\b(?:made|making) my peace with (?:it|this|everything|my decision)\b|\b(?:made|making) peace with (?:everything|my "
        r"decision)\b",
        r"\b(?:i'm|im|i am) (?:finally |completely )?(?:calm|at peace)(?: now| finally| at last)?\W*$",
        r"\bthis is it (?:for me|now)\b",
        r"\b(?:i'm|im|i am) (?:so )?sorry for (?:everything|being (?:a burden|like this|such a))\b|\bsorry for everything\b",
        r"\b(?:i'm|im|i am) where i need to be\b",
        r"\b(?:not|no longer) (?:scared|afraid|frightened) (?:anymore|any more|now)\b",
        r"\b(?:i'm|im|i am) ready (?:now|to go)\b|\b(?:i'm|im|i am) ready\W*$",
        r"\b(?:sorted|sorting) (?:everything|it all) out\b|\bsorted out everything\b",
        r"\b(?:don't|dont|do not) think (?:i'm|im|i am|i'll|ill|i will) (?:be )?coming (?:back )?(?:down|back)\b(?! (?:to|for|until|till|from|with|here|there)\b)",
        r"\b(?:i'm|im|i am) not turning back\W*$",
        r"\bmy last (?:drink|smoke|cigarette|fag|meal|cup of tea|coffee|spliff)\b(?! (?:was|ever|before|for|in|of|on|\d)\b)"
        r"(?![^\n]{0,60}\b(?:sober|quit\w*|stop(?:ped|ping)?|days?|weeks?|months?|years?|ago|dry|chip|milestone)\b)",
        r"\bnot coming (?:home|back)\W*$",
        r"\b(?:log(?:ging)? on|come on|coming on|check(?:ing)? in|pop(?:ping)? in|post(?:ing)?) (?:here )?one (?:more|last) time\b"
        r"(?! (?:before|to (?:say (?:thanks|thank you)|ask)|about)\b)",
        r"\bcalm\b[^.?!]{0,20}\bnow (?:that )?i(?:'ve| have) decided\b(?! (?:to|on|what|which|where|that|about)\b)",
        r"\b(?:walked|run|ran|snuck|sneaked|got|slipped) out of (?:the|my) (?:unit|ward|hospital|a&e|crisis house|psych ward|home)\b"
        r"(?![^\n]{0,40}\b(?:discharg\w*|allowed|leave|pass|visit|appointment|with (?:the|my) (?:nurse|doctor))\b)",
        r"\bdropped (?:off )?the kids (?:off )?(?:at|with) \w+\x27s\b(?=[^\n]{0,40}\bnothing (?:else )?left\b)",
    ),
    *_rules(
        Kind.PLACE,
        r"\b(?:getting|taking|catching|on) (?:the |a )?(?:train|bus) to (?:the )?(?:beachy head|cliffs?)\b",
        r"\b(?:i'm|im|i am) (?:\w+ )?(?:on|at) the (?:\d+(?:st|nd|rd|th)|top) floor\b(?=[^\n]{0,60}\b(?:jump|window|edge|"
        r"balcony)\b)|\b(?:jump|window|edge|balcony)\b[^\n]{0,60}\b(?:on|at) the (?:\d+(?:st|nd|rd|th)|top) floor\b",
        r"\b(?:go|going|went|been going) (?:there|up there|to the (?:cliff|bridge|edge|top)) (?:\w+ ){0,3}(?:to|and) look (?:down|"
        r"over)\b",
        r"\b(?:walking|heading|driving|going|on my way|driven|drove|walked|gone|come) (?:up |down |over )?(?:to|towards) (?:the|a) "
        r"PLACES\b",
        r"\blooking (?:down )?at the (?:water|drop|edge|river|sea|tracks|trains|traffic)\b",
        r"\b(?:i'm|im|i am) (?:going|heading|driving|walking|off) (?:to|down to|up to) (?:the|a) PLACES\b",
        r"\b(?:writing this|typing this|messaging|texting) from (?:the |a )?(?:\w+ ){0,2}PLACES\b",
        r"\b(?:i'm|im|i am|sitting|sat|standing|stood|parked|waiting|been sat|been sitting) (?:\w+ ){0,3}(?:on|at|by|up on|on "
        r"top of|in) (?:the |a )?(?:top of (?:the|a) )?PLACES\b",
        r"(?:^|[.!?\n] *)(?:on|at|up on|on top of) (?:the |a )?(?:top of (?:the|a) )?PLACES\b",
        r"\b(?<!about )(?<!of )(?:i'm|im|i am|standing|stood|walking|wading|waded|walked|sat|sitting) (?:\w+ ){0,2}(?:in|into) the (?:sea|"
        r"ocean|river|lake|loch|water)\b",
        r"\b(?:currently|right now|just got to|just arrived at|just reached|made it to|i'm here) (?:at |on |by |to )?(?:the |a )?(?:top of (?:the|a) )?"
        r"PLACES\b",
    ),
    *_rules(
        Kind.GIVEAWAY,
        r"\bleft (?:the|my) (?:dog|cat|pets?) with\b(?![^.?!]{0,30}\b(?:while|holiday|weekend|for the|when|vet|groomer|"
        r"kennels?)\b)",
        r"\b(?:should|might as well|may as well) have (?:it|them) now\b(?! (?:that|because|since|she's|he's|she is|he is|in|on|"
        r"by)\b)",
        r"\b(?:the |my )?(?:cat|dog|pets?|rabbit|bird)(?: is| are|'s) going to (?:my |a )?\w+\b(?![^.?!]{0,30}\b(?:while|holiday|"
        r"weekend|for the|when|vet|groomer|kennels?)\b)",
        r"\b(?:anyone|anybody|who) wants? my (?:plants|books|clothes|things|stuff|records|games|guitar|bike|car|jewel\w*|"
        r"furniture)\b",
        r"\b(?:giving|give|gave|handing|hand) (?:my )?(?:\w+'s )?(?:ring|watch|necklace|jewel\w*|medals?) (?:back )?to\b",
        r"\b(?:all|everything|my stuff|my things)\b[^.?!]{0,40}\blabell?ed (?:with |by )?who (?:it's|its|it is|they're) for\b",
        r"\b(?:cleared|emptied) (?:out )?(?:my|the) (?:flat|room|house|place|bedroom)\b(?![^\n]{0,60}\b(?:mov\w*|new (?:place|flat|"
        r"house|home)|landlord|deposit|inspection|tenants?|sold|renovat\w*|decorat\w*|spring clean\w*|charity shop|tip|dump|"
        r"make room|baby|nursery|cot|guests?)\b)",
        r"\b(?:gave|given|giving|handed) (?:the|our|my) (?:dog|cat|pet|rabbit|bird|budgie)s? (?:away )?to\b(?![^.?!]{0,40}"
        r"\b(?:while|holiday|weekend|for the (?:day|week|night)|walk|vet|groomer|kennels?|trip|away)\b)",
        r"\b(?:gets|is having|can have|will have|'s having|is getting) my (?:car|records|guitar|jewel\w*|things|stuff|books|"
        r"clothes|savings|games|collection|bike|watch|ring)\b|\b(?:gets|can have|will have|is getting) the (?:savings|money in my "
        r"account)\b(?![^.?!]{0,40}\b(?:will|inherit\w*)\b)",
        r"\b(?:giving|given|gave) (?:everything|it all|all my stuff|all my things) away\b(?![^.?!]{0,40}\b(?:moved|moving|move|"
        r"emigrat\w*|downsiz\w*|clear\w* out)\b)",
        r"\bsigned (?:everything|it all|the house|my (?:house|flat|car|savings)) over to\b",
        r"\b(?:giv(?:ing|e|en)|gave) (?:away )?(?:all )?(?:of )?my (?:cat|dog|pet|things|stuff|belongings|clothes|books|"
        r"guitar|games|plants|jewel\w*|savings|bird|rabbit)\b(?! (?:\w+ )?to (?:the )?(?:charity|goodwill|oxfam|"
        r"hospice|food ?bank|shelter|church))(?![^.?!]{0,40}\b(?:moved|moving|move|emigrat\w*|downsiz\w*|clear\w* out|learning|"
        r"birthday|christmas|present|gift|upgrad\w*|new one|outgrown)\b)",
        r"\b(?:rehom\w*|found a (?:new )?home for) (?:my |the )?(?:cat|dog|pet|rabbit|bird)",
        r"\b(?:giving|given|gave) (?:away )?(?:all )?(?:of )?my (?:stuff|things|belongings|possessions)\b(?![^.?!]{0,40}\b(?:moved|"
        r"moving|move|emigrat\w*|downsiz\w*|clear\w* out)\b)",
        r"\bplease (?:look after|take care of) my (?:kids|children|babies|cat|dog|pets?|family|boys|girls)\b",
        r"\b(?:look after|take care of|mind) my (?:cat|dog|pet|kids|children|rabbit|bird)\b[^.?!]{0,15}\bfor me\b"
        r"(?! (?:while|this|next|on|when i'm away|tomorrow|tonight))",
    ),
    *_rules(
        Kind.ATTEMPT,
        r"\bPILLS\b[^\n]{0,60}\b(?:i've|ive|i have) (?:already )?taken (?:some|a few|loads|lots|half|most|a handful)\b",
        r"\b(?:blade|razor|knife)\b[^.?!]{0,20}\b(?:on|against|to) my (?:wrist|arm|throat|neck|skin)\b",
        r"\b(?:i've|ive|i have|i|just) (?:just )?(?:drank|drunk|swallowed) (?:a |some |the |half a )?(?:bottle of |cup of |glass of )?"
        r"(?:bleach|antifreeze|weedkiller|drain cleaner|white spirit)\b",
        r"\b(?:taken|took|swallowed) (?:about |like )?half\b(?=[^\n]{0,40}\b(?:rest|more|the lot)\b)|\b(?:it's|its) done\b[^\n]{0,30}"
        r"\b(?:i've|ive|i have) (?:just )?taken (?:them|it|the lot|everything)\b",
        r"\b(?:jumped|walked|went) (?:in|into) (?:the )?(?:canal|river|sea|lake|reservoir)\b(?![^.?!]{0,30}\b(?:swim\w*|paddle|"
        r"dip|lido|fun|kids|dog|wetsuit)\b)",
        r"\b(?:on|at) the (?:railway line|train line|tracks|level crossing)\b[^\n]{0,40}\btrain (?:is )?(?:due|coming|in \d+)\b",
        r"\btied (?:something|a (?:belt|rope|cord|scarf|ligature|tie|lead)) (?:round|around) my neck\b(?=[^\n]{0,40}\b(?:see what|"
        r"how it|felt like|tight|couldn't breathe|pass out)\b)",
        r"\b(?:taken|took|swallowed|had|done) (?:the )?first (?:handful|few (?:pills|tablets)|lot of (?:pills|tablets)|half)\b",
        r"\b(?:almost|nearly) (?:shot|hanged|hung|overdosed|od'd) (?:SELF|me)\b(?! in the (?:foot|leg)| laughing)|\bpulled "
        r"the trigger\b"
        r"(?![^.?!]{0,30}\b(?:on (?:the|a|my) (?:deal|decision|holiday|purchase|house|job)|finally booked)\b)",
        r"\b(?:gun|shotgun|pistol|rifle) (?:to|against|in|under) my (?:head|chin|mouth|temple)\b",
        r"\bi(?:'ve| have)? (?:put|got|tied|pulled) (?:a )?(?:plastic )?bag over my head\b",
        r"\b(?:taken|took|swallowed) everything (?:in|from) the (?:cupboard|cabinet|drawer)\b(?! (?:to|out|down|off|and put)\b)",
        r"\b(?:belt|rope|cord|ligature|noose|flex|cable)s? (?:is |'s )?(?:round|around|over|tied to|tied round) (?:the |a |my )?"
        r"(?:door ?handle|banisters?|bannisters?|beam|loft hatch|hook|wardrobe (?:rail|door)|curtain pole|light fitting|"
        r"stair ?rail)\b(?! (?:to (?:keep|hold|stop|tie)|so)\b)",
        r"\b(?:stopped|skipping|skipped|not taking|stopped taking)\b[^.?!]{0,20}\b(?:insulin|anti-rejection|"
        r"immunosuppressants?)\b[^.?!]{0,30}\bon purpose\b",
        r"\b(?:feel|feeling|can feel) (?:the |them |it )?(?:drugs|pills|tablets|meds|it|them) (?:taking effect|working|kicking in)\b",
        r"\b(?:taken|took|had|swallowed) enough (?:this time|to (?:die|not wake up|do it|end it))\b",
        r"\b(?:i |i've |ive |just )?(?:took|taken|swallowed|necked|downed) them all\b(?! (?:to|out|for|on|with|home|back|"
        r"swimming|shopping|round|into|in)\b)",
        r"\btaking (?:loads|lots|a load|a lot|too many|a handful|a bunch) of (?:\w+ ){0,2}PILLS\b",
        r"\b(?:swallowed|necked|downed|taken) (?:the (?:whole )?lot|every last one|all of them|the rest of them|the whole "
        r"(?:box|packet|pack|bottle|tub|strip))\b(?! (?:of (?:washing|shopping|work|cake|sweets|chocolate|biscuits|food)|to|"
        r"off|out|home|back)\b)",
        r"\b(?:took|taken|used|shot up|injected|had|did|overdosed|od'd|swallowed|drank)\b[^.?!]{0,40}\b(?:more|extra|double|"
        r"too much|too many|the lot|everything|DRUGS|PILLS)\b[^.?!]{0,30}\bon purpose\b",
        r"\b(?:on|climbed|climbing|over to|standing on) the (?:wrong side|other side) of the (?:railings?|barrier|parapet|"
        r"balcony|bridge)\b",
        r"\b(?:i'm|im|i am) (?:walking|sitting|lying|laying|standing) (?:down |along |on |in the middle of )(?:the )?(?:train |"
        r"railway )?(?:tracks|railway line|motorway)\b(?! of\b)",
        r"\b(?:bath|bathtub|tub)\b[^.?!]{0,40}\b(?:hairdryer|hair dryer|toaster|heater|radio)\b",
        r"\b(?:tied|tying|hung|fixed|attached|knotted) (?:the |a |my )?(?:rope|noose|belt|cord|ligature|scarf) (?:to|round|"
        r"around|on|over|from) (?:the |a |my )?(?:banisters?|bannisters?|beam|door|tree|hook|loft hatch|rail|stairs|"
        r"curtain pole|wardrobe|light fitting|(?:chin|pull)[- ]?up bar|door ?frame|clothes rail|shower rail|bunk bed|pipe)\b",
        # more than a dose, however it is put: "necked my whole prescription", "swallowed about 30 of my citalopram"
        r"\b(?:took|taken|swallowed|necked|downed|drank|drunk|had|ate|eaten|overdosed on)\b[^.?!]{0,25}?\bDOSE\b"
        r"[^.?!]{0,30}?\bANY_PILLS\b(?! (?:this morning|today|on time|with (?:food|breakfast|lunch|dinner|tea)|as prescribed|"
        r"like (?:the|my) (?:nurse|doctor|gp)))",
        # "took all my tablets", "necked every pill I had", "swallowed all of mum's tablets"
        r"\b(?:took|taken|swallowed|necked|downed|had)\b (?:\w+ )?(?:all|every(?: single| last)?) (?:of )?(?:the |my |her |his |their |"
        r"\w+\x27s )?(?:\w+ ){0,2}?ANY_PILLS\bNOT_ROUTINE",
        r"\b(?:took|taken|swallowed|necked|downed)\b[^.?!]{0,30}\bANY_PILLS\b[^.?!]{0,20}\b(?:at once|in one go|all together|"
        r"at the same time)\b",
        r"\b(?:took|taken|swallowed|ate|necked|downed) everything (?:in|from) (?:the|my) (?:medicine|bathroom|first aid) "
        r"(?:box|cabinet|cupboard|drawer|bag)\b",
        r"\bcharcoal\b[^.?!]{0,40}\b(?:bathroom|bedroom|tent|in the car|taped|sealed|lit)\b",
        r"\b(?:sitting|sat|standing|stood|climbed|climbing|leaning|hanging) (?:on|over|onto|up on|off) (?:the |a )?(?:\w+ )?"
        r"(?:railings?|parapet|balcony (?:rail|railing|edge)|wrong side of)\b(?![^\n]{0,40}\b(?:ball|frisbee|dog|kids?|to get|to fetch|"
        r"shortcut|football|park keeper|keys)\b)",
        r"\bwaiting for (?:the|a) (?:fast|express|next|non-stop) (?:one|train)\b[^.?!]{0,20}\b(?:doesn't|doesnt|does not|"
        r"won't|wont) stop\b",
        r"\b(?:i|i've|ive|just|already|and) (?:just |already )?(?:took|taken|swallowed|downed|had|injected) (?:like |about |"
        r"around |maybe |over |at least )?(?:all |every |"
        r"a (?:bunch|handful|bottle|box|load|lot) of |\d+ |too many |the whole (?:bottle|pack|box) of |my whole )"
        r"(?:of )?(?:my |the |those )?(?:\w+ )?PILLS\bNOT_ROUTINE",
        # "overdosed on chocolate" is not; "overdosed on my meds", "on something" and plain "overdosed" are
        r"(?:\b(?:i|i've|ive|just) (?:overdosed|od\x27d|oded)\b|\bi'm (?:overdosing|oding|od\x27ing)\b|(?:^|[.!?\n] *)(?:overdosed|"
        r"od\x27d|oded)\b)(?! on (?!(?:[\w']+ ){0,3}(?:ANY_PILLS|DRUGS|heroin|coke|cocaine|gear|spice|something|them|it|everything|"
        r"what|all)\b))",
        r"\b(?:took|taken|had|done) an (?:overdose|overdoes|overdos|od)\b",
        # an attempt told as the past ("I tried to kill myself before") is ideation; see the IDEATION rules
        r"\b(?:tried|attempted|trying) to (?:kill SELF|end (?:it|my life)|overdose|od|hang SELF|take my (?:own )?life|commit "
        r"suicide)\b"
        r"(?! (?:\w+ ){0,3}(?:before|once|in the past|years ago|when i was))",
        r"\b(?:standing|sitting|stood) (?:on|at) (?:the |a )?(?:edge|ledge|tracks|cliff)" + _NOT_FURNITURE,
        r"\b(?:noose|rope) (?:is )?(?:ready|around my neck|tied|set up)\b",
        r"\b(?:slit|cut) my (?:wrists?|throat)\b",
        r"\b(?:it's|its) (?:started|kicking in|working)\b.{0,40}\b(?:pills|sleepy|drowsy|goodbye)",
        r"\b(?:sleepy|drowsy|dizzy|woozy|sick) from (?:the|all the|all those|my) (?:\w+ )?PILLS\b",
        r"\bPILLS (?:are|is) (?:kicking in|starting to work)\b(?![^.?!]{0,30}\b(?:hay ?fever|headache|pain|allerg\w*|"
        r"migraine|can breathe|finally|cold|period|back)\b)",
        r"\b(?:took|taken|swallowed|downed|necked|had)\b[^.?!]{0,30}\b(?:a |two |three |\d+ )?(?:strips?|packets?|"
        r"packs?|box|boxes|blisters?|tubs?|bottles?|handful|bunch) of (?:\w+ )?PILLS\b",
        r"\b(?:knife|blade|razor|gun) (?:to|against) my (?:wrist|throat|head|neck|arm|skin|temple)\b",
        r"\b(?:whole|entire) (?:pack|packet|box|bottle|strip)s? of (?:\w+ )?PILLS\b[^.?!]{0,40}\b(?:swallowed|took|taken|"
        r"downed)\b",
        r"\b(?:tried|attempted|trying) to (?:kill|hang|drown|shoot|poison|overdose) (?:himself|herself|themselves|themself)\b"
        r"|\bcut (?:him|her|them) down\b",
        r"\b(?:i'm|im|i am) (?:\w+ ){0,5}with (?:a|the|my) (?:blade|razor|knife|noose|rope|gun)\b",
        # a bridge, a roof or a platform is also where people eat lunch, fix gutters and wait for the train to work
        r"\b(?:sat|sitting|standing|stood) (?:on|at|by) (?:the|a) (?:\w+ )?(?:edge|ledge|bridge|roof|tracks|cliff|platform|"
        r"railway)\b" + _NOT_FURNITURE + r"(?![^.?!]{0,30}\b(?:having|eating|lunch|waiting for (?:the|my|a) (?:train|bus|"
        r"lift)|to work|reading|"
        r"fixing|cleaning|with (?:the|my) (?:kids|dog|family|friends))\b)",
        r"\b(?:i'm|im|i am) (?:\w+ )?(?:on|at) (?:the|a) (?:ledge|railing|tracks|railway line|edge of (?:the|a) "
        r"(?:roof|bridge|cliff|platform|building))\b",
        r"\b(?:i'm|im|i am) (?:sat|sitting|standing|lying|holding)\b[^.?!]{0,40}\bwith (?:a|the|my) (?:blade|razor|"
        r"knife|noose|rope|gun)\b",
        r"\b(?:belt|rope|cord|noose|ligature) (?:around|round) (?:his|her|their|my) neck\b|\b(?:tied|tying|tightened|"
        r"tightening|pulled) (?:a |the |my )?scarf (?:tight |tightly )?(?:around|round) (?:his|her|their|my) neck\b",
        r"\b(?:i've|ive|i have|i) (?:just )?done something (?:really )?(?:stupid|bad)\b",
        r"\b(?:i've|ive|i have|i just) taken something\b(?! for)",
        r"\btoo late\b[^\n]{0,40}\b(?:already )?(?:done it|taken (?:them|it)|took (?:them|it))\b",
        r"\b(?:feel|feeling|can feel) the (?:pills|tablets) (?:working|kicking in)\b",
        r"\b(?:car|garage)\b[^.?!]{0,30}\bhose(?:pipe)?\b|\bhose(?:pipe)?\b[^.?!]{0,30}\b(?:car|exhaust|window)\b",
        r"\b(?:garage|shed)\b[^.?!]{0,40}\b(?:car|engine|motor) (?:is )?(?:running|on)\bNOT_WARMING",
        r"\b(?:i'm|im|i am) (?:\w+ )?(?:at|on) (?:the )?(?:top of (?:the|a) )?(?:multi[- ]?storey|car park roof|cliff ?top|"
        r"cliff edge|viaduct|train tracks|railway tracks|railway line)\b(?![^.?!]{0,40}\b(?:space|parking|parked|park up|"
        r"ticket|shopping|level \d|floor \d|walk|view|picnic|sunset|dog)\b)",
        r"\bno (?:way|turning|going) back\b[^\n]{0,40}\b(?:taken|took|swallowed|done it)\b|\b(?:taken|took|swallowed) "
        r"(?:them|it)\b[^\n]{0,40}\bno (?:way|turning|going) back\b",
        r"\b(?:garage|shed)\b[^.?!]{0,40}\bengine (?:is )?(?:running|on)\bNOT_WARMING|\bengine (?:running|on)\b[^.?!]{0,30}"
        r"\b(?:garage|shed)\bNOT_WARMING|\bhose\b[^.?!]{0,20}\bexhaust\b",
        r"\b(?:stopped|stopping|not) (?:eating and drinking|eating or drinking|drinking or eating|eating and drinking anything)\b[^\n]{0,60}\b(?:be "
        r"over|end it|die|won't be long|not long now|let (?:it|nature) (?:happen|take))\b",
    ),
    *_rules(
        Kind.SELF_HARM,
        r"\bback to (?:cutting|self[- ]?harming|burning myself|hurting myself)\b",
        r"\b(?:relapsed|slipped|gave in) and (?:cut|burned|burnt|hurt myself|self harmed|self-harmed)\b",
        r"\b(?:punch(?:ed|ing)?|hit(?:ting)?|bang(?:ed|ing)?) (?:the |a )?(?:walls?|my head)\b[^.?!]{0,40}\b(?:till|until) (?:it|they|"
        r"my \w+) (?:split|bled|bleeds?|broke|bruised)",
        r"\b(?:ended|wound|winded) up (?:cutting|burning|scratching|hurting) (?:myself|SELF|again)?\b|\bbroke (?:my )?\d+ "
        r"(?:days?|weeks?|months?) (?:free|clean|streak)\b|\bfelt (?:so )?good to cut\b",
        r"\btrying (?:so hard |really hard |my best )?not to (?:cut|self harm|sh|burn SELF|hurt SELF)\b(?! (?:in|at|the|my "
        r"(?:hair|finger))\b)",
        r"\b(?:taking|took|take|been taking) (?:more|extra|double|too many)\b[^.?!]{0,50}\bto (?:feel numb|numb|not feel|escape|"
        r"knock SELF out|black out|switch off)\b",
        r"\b(?:slapp\w*|hitting|hit|punch\w*|scratch\w*|bit|biting) (?:my|myself)(?: own)? (?:face|head|arms?|legs?)\b"
        r"[^.?!]{0,20}\b(?:over and over|again and again|until|till|repeatedly|so hard)\b",
        r"\b(?:hitting|hit|punching|bruising|scratching|scratched|hurting|burning|pinching) my (?:legs?|arms?|thighs?|stomach|"
        r"head|face|wrists?|skin)\b[^.?!]{0,40}\b(?:so (?:that )?(?:the )?(?:bruises|marks|scars) (?:don't|won't|dont|wont) "
        r"show|on purpose|to feel|until|till|with (?:a|my) (?:hairbrush|belt|fist|nails|razor|blade|compass|lighter))",
        r"\b(?:scratch\w*|pick\w*|rubb\w*|scrubb\w*)\b[^.?!]{0,30}\b(?:until|till|til) (?:it's|its|they're|theyre|it is|they "
        r"are|they were|it was) (?:raw|bleeding|bloody)\b",
        r"\b(?:fight|fighting|struggle|struggling|trying hard|trying) not to (?:hurt|harm|cut|burn) (?:myself|SELF)\b",
        r"\b(?:bang|banging|banged|hitting|hit) my head (?:on|against|off) (?:the )?(?:wall|floor|door|desk)\b",
        r"\bto punish (?:myself|SELF)\b",
        r"\b(?:using|used|use) (?:a |my |the )?(?:compass|razor|blade|sharpener|knife|scissors|lighter|pin|needle|glass) "
        r"to (?:cut|scratch|burn|hurt|carve) (?:myself|SELF|my (?:arms?|legs?|wrists?|skin|thighs?|stomach|hands?))\b",
        r"\b(?:pull\w*|pick\w*|scratch\w*|bit|bite|biting|bitten|peel\w*|rubb\w*|scrubb\w*)\b[^.?!]{0,30}\b(?:until|till|til) "
        r"(?:it|they|i) (?:bled|bleeds|bleed|was bleeding|were bleeding|were raw|was raw)\b(?<!bites until they bleed)"
        r"(?<!bite until it bleeds)",
        r"\b(?:cut|cutting|cuts|burn|burned|burnt|burning|hurt|hurting|hit|hitting|scratch\w*|punch\w*|harm\w*) "
        r"SELF\b(?! (?:out|off|from|on (?:the|a|my) (?:oven|iron|kettle|pan|tray|stove|hob|radiator|hair straighteners|"
        r"straighteners|curling)|cooking|ironing|shaving))",
        r"\bself[- ]?harm\w*\b",
        r"\b(?:relapsed|relapse) (?:on|with|into) (?:sh|self[- ]?harm|cutting)\b",
        r"\bsh (?:again|urges|relapse|scars|clean)\b",
        r"\b(?:sh\x27ing|shing|sh\x27d|sh-ing|sh-ed)\b",
        r"\b(?:cutting|cut|burning|burned) again\b|\b(?:cutting|cut|burning|burned) my (?:arms?|wrists?|legs?|thighs?|skin|stomach)\b"
        r"NOT_ACCIDENT",
        r"\bfresh (?:cuts|scars|wounds)\b",
        r"\b(?:scratching|cutting|burning|picking|hitting) (?:at )?my (?:arms?|legs?|skin|wrists?|thighs?) (?:again|raw)\b",
        r"\b(?:i'm|im|i am) (?:cutting|burning|scratching) (?:right now|now|again|tonight|myself)\b",
        r"\b(?:i've|ive|i have) been (?:cutting|burning|scratching)\b(?! (?:down|back|out|the|my hair|carbs|costs|it|"
        r"them|corners|onions|veg))",
        r"\b(?:burn|burns|burned|burnt|burning|cut|cuts|cutting) (?:my (?:skin|arms?|legs?|wrists?|thighs?|hands?)|"
        r"SELF) with (?:a |the )?(?:cigarettes?|lighter|razor|blade|knife|scissors|compass|iron)\b",
        r"\bstarv(?:ing|ed|e) SELF\b|\bmak(?:e|es|ing) SELF (?:sick|throw up|vomit)\b|\bpurg(?:e|ed|ing)\b(?! (?:the|my|our) )",
        r"\b(?:urge|urges|want|wanting|need|needed|have|going|gonna) to (?:cut\b(?! (?:down|back|out|off|it|the|my hair|"
        r"some|costs|ties|class|corners|carbs|sugar|them|him|her|through|in|up|a|an|\w+ hair))|hurt SELF|self harm|"
        r"burn SELF)",
        r"\bi (?:cut|burned|burnt) (?:tonight|today|last night|again|this morning)\b|\b(?:covered in|full of) (?:cuts|"
        r"scars|burns)\b",
        r"\b(?:scratch|pick|bit|bite|bang|hit|punch)\w* (?:at )?my (?:arms?|legs?|skin|wrists?|head|face) (?:until|"
        r"till|til) (?:they|it) (?:bleed|bled|bruise)",
        r"\b(?:punch|hit|bang)\w* (?:walls?|things|my head)\b[^.?!]{0,20}\b(?:until|till|til) (?:my )?(?:knuckles|"
        r"hands?|head|it|they) (?:bleed|bled|bruise|break)",
        r"\bpull(?:ing|ed)? (?:my |out my )?hair out\b[^.?!]{0,40}\b(?:bald|patch|patches|bleed\w*|can't stop|cant stop|scalp)\b|\bbald "
        r"(?:patch|patches|spots?)\b[^.?!]{0,30}\bpull(?:ing|ed)? (?:my |out my )?hair\b",
        r"\b(?:hitting|punching|hurting|scratching|biting|banging|bashing) my(?:self| head| arms?| legs?| face)\b[^.?!]{0,30}\bwhen (?:it gets|i get|"
        r"things get|i'm|im|i feel)\b|\b(?:hitting|banging|bashing) my head (?:against|on|off) (?:the )?(?:walls?|floor|doors?)\b(?! by accident)",
        r"\b(?:cut|cutting|slashed|slashing|sliced|slicing|burn(?:ed|t|ing)|carv(?:ed|ing)|gouged|stabbed|stabbing) (?:into )?(?:myself|my (?:own )?"
        r"(?:wrists?|arms?|thighs?|legs?|stomach|belly|hips?|skin|chest|ankles?|forearms?|upper arms?))\bNOT_ACCIDENT",
        r"\bi(?:'m| am| keep| kept| started| still| have been|'ve been)? (?:been )?(?:cutting|self[- ]?harming|sh-ing|shing)\b(?! (?:the|my hair|his|her|"
        r"back|down|out|corners|it fine|costs|onions?|wood|paper|fabric|grass|hedge|carbs|sugar|cheese|bread|cake|the cord|ties|people off|"
        r"myself off|class|school|work|out|up|through|in|a |an |some|them|their|our)\b)(?! my (?!(?:wrists?|arms?|legs?|thighs?|skin|"
        r"stomach|hips?|chest|body)\b))",
    ),
    *_rules(
        Kind.SELF_HARM_SEVERE,
        r"\b(?:skin|flesh)(?:'s| is) (?:coming|peeling|hanging) off\b|\b(?:burned|burnt|cut|hurt) (?:myself|SELF) (?:really |so |"
        r"quite |very )?badly\b",
        r"\b(?:gonna|going to|want to|will|i'll) (?:cut |go )?deeper\b",
        r"\b(?:cut|went) (?:way |much |far |a lot )?deeper than (?:i meant|i wanted|i planned|usual|normal|before|ever)\b"
        r"(?![^.?!]{0,15}\b(?:into|through|in) (?:the|a|that|this)\b)|"
        r"\b(?:cut|went) (?:really |so |very |too )?deep\b|\bgaping\b|\bblood (?:everywhere|all over)\b",
        r"\b(?:won't|wont|can't|cant) stop (?:the )?bleeding\b(?![^.?!]{0,40}\b(?:period|nose|gums|tooth|lip)\b)",
    ),
    *_rules(
        Kind.ABUSE,
        r"\bthreaten\w* to (?:post|share|send|leak) (?:my |private |intimate |nude |naked )*(?:photos|pics|pictures|videos|nudes)\b"
        r"|\b(?:know|knows) where (?:i|we) live\b(?! now\b)|\bmakes? me do (?:things|stuff|sexual things) i (?:don't|dont|"
        r"didn't|didnt) want to\b",
        r"\b(?:forcing|forced|force|making) me (?:to )?(?:marry|get married)\b|\bforced marriage\b",
        r"\b(?:carer|care worker|cleaner|lodger|neighbour)\b[^.?!]{0,30}\b(?:using|used|taking|taken|took|stealing|stole) (?:her|"
        r"his|their) (?:bank card|card|money|savings|pension|pin|cash)\b",
        r"\bbruises? (?:she|he|they) (?:won't|wont|can't|cant|refuses? to|doesn't|doesnt) explain\b",
        r"\b(?:uncle|grandad|grandpa|step-?dad|dad|father|brother|cousin|babysitter|coach|teacher|neighbour)\b[^.?!]{0,20}"
        r"\b(?:touches|touched|touching) (?:her|him|them)\b(?! (?:up|base|on the shoulder|hair|shoulder|arm|hand|face|back|"
        r"cheek)\b)",
        r"\b(?:think|thinking|thought|thoughts) (?:about|of) (?:putting a pillow over|smothering|suffocating|strangling|hurting|"
        r"harming|hitting|shaking) (?:her|him|them|my (?:mum|mom|dad|son|daughter|husband|wife))\b",
        r"\b(?:comes|came|coming|keeps coming|come) into my (?:room|bed|bedroom) at night\b(?=[^.?!]{0,60}\b(?:don't know who "
        r"to tell|can't tell|cant tell|touch\w*|scared|afraid|makes me|secret|don't like it|hate it)\b)"
        r"|\b(?:being|been|was|is) groomed\b",
        r"\bleaves? (?:me|him|her|them|mum|mom|dad) (?:in (?:wet|soiled|dirty) (?:sheets|pads?|clothes|bed)|without (?:food|"
        r"water|(?:my|his|her|their) meds))\b",
        r"\b(?:boyfriend|girlfriend|partner|husband|wife|ex)\b[^.?!]{0,60}\b(?:scared|frightened|terrified|afraid) of "
        r"(?:him|her|them)\b",
        r"\b(?:makes|made|forces|forced) me (?:to )?sleep (?:on the floor|in the car|outside)\b|\b(?:he|she|they) (?:\w+ )?"
        r"(?:takes|took|hides|hid|smashed|smashes) my (?:phone|keys|bank card|passport)\b[^.?!]{0,40}\b(?:so i can't|so i cant|"
        r"when i|won't let|wont let|every night|at night)\b",
        r"\b(?:girlfriend|boyfriend|wife|husband|partner|ex)\b[^.?!]{0,20}\b(?:punched|hit|slapped|kicked|strangled|choked|beat|"
        r"beats|hits) (?:him|her|them)\b",
        r"\b(?:threaten\w*|make sure|says?|said|told me)\b[^.?!]{0,30}\b(?:i'll |i will |i'd |i would )?never see (?:the|my|our) "
        r"(?:kids|children|baby|son|daughter) again\b",
        # care that harms: rough handling by carers, and neglect
        r"\b(?:carers?|care workers?|care staff|staff|care home)\b[^\n]{0,80}\b(?:unexplained bruis\w*|bruis\w* (?:on|round|"
        r"around) (?:his|her|their) (?:upper )?(?:arms?|wrists?|neck|face|thighs?)|hit (?:him|her|them|my)|slapp\w*|pinch\w*|"
        r"rough with|rough handl\w*|manhandl\w*|locked (?:him|her|them) in)\b(?![^\n]{0,60}\b(?:fell|fall|tripped|slipped)\b)",
        r"\b(?:didn't|didnt|haven't|havent|hasn't|hasnt|weren't|werent|not|never) (?:been )?(?:turn(?:ed|ing)?|reposition\w*) "
        r"(?:her|him|them|my \w+)\b[^\n]{0,60}\bpressure (?:sore|ulcer|damage)",
        r"\b(?:he|she|they|ex)\b[^.?!]{0,40}\b(?:knows|found out|has found out|worked out|found) where (?:i|we) (?:live|work|"
        r"am staying|are staying|moved to)\b",
        r"\b(?:hits|beats|kicks|punches|slaps|chokes|strangles|hurts) (?:my (?:mum|mom|sister|brother|son|daughter|wife|husband|"
        r"nan|gran)|mum|mom|the kids|the baby)\b",
        r"\b(?:keeps|kept|always|been) waiting (?:for me )?(?:by|outside|at) my (?:car|house|door|work|flat)\b|\b(?:keeps|kept|"
        r"been) following me\b(?! (?:around|round|about) (?:the house|the kitchen|everywhere))",
        r"\bmakes? me (?:ask (?:for )?permission|account for every|hand over|give (?:him|her) my)\b",
        r"\b(?:i|i've|and|then) (?:just )?(?:hit|slapped|smacked|pushed|shook|grabbed|hurt|kicked) (?:him|her|my (?:\w+ )?(?:dad|"
        r"mum|mom|son|daughter|husband|wife|baby|child|kid|toddler|nan|gran|grandad))\b(?!'s)(?! (?:head|face|knee|elbow|arm|leg|foot|hand|nose|chin|mouth|bum|back|with a (?:pillow|"
        r"balloon|toy)|feelings|to|into|forward|along|by accident|accidentally)\b)",
        r"\bbullied\b[^.?!]{0,40}\bbruises?\b|\bbruises?\b[^.?!]{0,40}\bbullied\b",
        r"\btaking (?:her|his|their|my) (?:benefits|pension|money|wages|bank card)\b",
        r"\b(?:hits|beats|kicks|punches|slaps|chokes|strangles) (?:him|her|them)\b(?! (?:back|first|with a (?:pillow|balloon|"
        r"toy)))|\bhides? (?:the|his|her|my) bruises\b",
        r"\b(?:carer|care worker|caregiver|son|daughter|nephew|niece|neighbour|brother|sister)\b[^.?!]{0,30}\b(?:taking|"
        r"stealing|took|stole|helping (?:him|her)self to) (?:money|cash) (?:from|out of)\b",
        r"\b(?:leave|left|leaves|leaving) (?:her|him|them|my \w+) (?:in (?:wet|dirty|soiled) (?:pads|sheets|clothes)|without "
        r"(?:food|water|a drink|her meds|his meds))\b|\b(?:bed|pressure) sores\b",
        r"\b(?:keeps|kept|has been|he|she|they) (?:coming|comes|came) into my (?:room|bed|bedroom) (?:at night|when)\b",
        r"\b(?:keeps|kept|been) (?:turning up|showing up|waiting outside|sitting outside)\b[^.?!]{0,30}"
        r"\b(?:my|work|house|school)\b|\bfollow(?:ing|ed|s)? me (?:home|to work)\b",
        r"\blocks? (?:me|her|him|them) (?:in|inside) (?:the|my|a|our|her|his) (?:house|room|flat|bedroom|bathroom|home)\b",
        r"\b(?:he|she|my (?:husband|wife|partner|boyfriend|girlfriend|bf|gf|ex))\b[^.?!]{0,20}\b(?:tracks|tracking|"
        r"monitors|checks|reads|goes through|controls)\b[^.?!]{0,10}\b(?:my )?(?:location|phone|messages|texts|emails|"
        r"bank|spending|money)\b(?! (?:to (?:me|us|the group|the kids)|out loud|aloud|for me)\b)",
        r"\b(?:goes mad|kicks off|loses it|goes crazy|screams at me) (?:if|when) (?:i'm|im|i am|i) (?:\w+ ){0,2}(?:late|"
        r"out|talk to|see|spend)\b",
        r"\b(?:carer|caregiver|care worker|staff)\b[^.?!]{0,40}\b(?:doesn't|doesnt|won't|wont|refuses to|didn't|didnt) "
        r"(?:give|let) me (?:my )?(?:food|meals?|meds|medication|water|drink|eat)\b",
        r"\b(?:he|she|they|KIN|ex|stepdad|stepmom|stepfather|stepmother)(?:'s|'d)? (?:\w+ ){0,2} => \b(?!push\w* me (?:to|into|forward|along)\b)(?:hit|"
        r"hits|hitting|beat|beats|beating|chok\w+|strangl\w+|punch\w*|slap\w*|kick\w*|push\w*|shov\w*|rap\w*|molest\w*|touch\w*|pin|pins|pinned|"
        r"pinning|restrain\w*|spat at|spits at|drag\w*|bit|bites|"
        r"threaten\w*|hurt|hurts|hurting|abus\w*|locked|lock|forced|grab\w*|throttl\w*) (?:me|my)\b(?! at (?:chess|cards|"
        r"scrabble|monopoly|uno|pool|darts|tennis|golf|football|games?|it|everything|\w+ing)\b)(?![^.?!]{0,40}\b(?:by accident|"
        r"accidentally|by mistake|tickl\w*|play fight\w*|wrestl\w*)\b)",
        r"\b(?:he|she|they|KIN|ex|stepdad|stepmom)(?:'s|'d|'ve)? (?:\w+ ){0,2} => \b(?:threw|throws|throwing|thrown) (?:\w+ ){0,2}at "
        r"(?:me|my head)\b",
        r"\b(?:i'm|im|i am|i feel|feel) (?:not safe|unsafe|scared|afraid|terrified|frightened) (?:at home|to go home|"
        r"of (?:him|her|my \w+))",
        r"\b(?:abusive|abused|abusing|domestic (?:violence|abuse)|dv)\b|\b(?:raped|sexually assaulted|molested)\b",
        r"\b(?:hands?|arm|belt|rope) (?:around|round|on) my (?:neck|throat)\b",
        r"\b(?:forces|forcing|forced|makes|made|pressures|pressured) me (?:to )?(?:have sex|sleep with|do sexual)\b",
        r"\bbeing (?:hurt|hit|beaten|abused|attacked) (?:at home|by (?:my|him|her))\b",
        r"\b(?:gets|is|becomes|turns|got) (?:really |very )?violent\b",
        r"\b(?:won't|wont|doesn't|doesnt|don't|will not|never) let me (?:see (?:my )?(?:friends|family|mum|mom|dad|"
        r"parents)|have (?:any )?(?:money|my (?:own )?phone)|work|leave the house)\b",
        r"\b(?:he|she|they|KIN|ex)(?:'s)? (?:\w+ ){0,2} => (?:takes|took|controls|keeps) (?:all )?my (?:bank cards?|"
        r"cards|money|wages|benefits|passport)\b",
        r"\b(?:he|she|they|KIN|ex)(?:'s)? (?:\w+ ){0,2} => (?:smashed|destroyed|hid|took away) my (?:phone|car keys|"
        r"passport|keys)\b",
        r"\b(?:if i (?:leave|go|tell)|threaten\w* to)\b[^.?!]{0,30}\btake (?:the|my) (?:baby|kids|children)\b",
        r"\bif i (?:ever )?(?:leave|go|tell)\b[^.?!]{0,40}\b(?:hurt|kill|find|come after) me\b",
        r"\b(?:afraid|scared|terrified|frightened) (?:that )?(?:he|she|they)(?:'ll| will|'s going to| is going to|'s gonna|"
        r" might| could) (?:hurt|hit|attack) me\b",
        r"\b(?:he|she|they)(?:'ll| will|'d| would|'s going to| is going to) (?:find|hunt|come after|come for) (?:me|us)\b",
        r"\b(?:afraid|scared|terrified|frightened|worried) (?:that )?(?:he|she|they)(?:'ll| will|'s going to| is going to|"
        r" might| could) (?:hurt|hit|harm|take) (?:the kids|my kids|the children|the baby|my son|my daughter)\b",
        r"\b(?:he|she|they) (?:won't|wont|doesn't|doesnt|don't) let me (?:leave|see|go out|have money|call)",
        r"\b(?:carer|caregiver|care worker|support worker|care home staff|nurse)s? (?:\w+ )?(?:shouts? at|hits?|slaps?|pinch(?:es)?|"
        r"hurts?|threatens?|swears? at|takes? my money|steals? from|locks? me in)\b|\bleaves? me (?:in my (?:chair|bed)|without (?:food|"
        r"water|my meds|my medication|a drink)) (?:all day|all night|for hours|for days)\b",
        r"\b(?:my )?ex(?:-\w+)?(?:'s| is| keeps| has been| was| kept) (?:\w+ ){0,2}(?:parked|waiting|sat|sitting|standing|hanging around|"
        r"turning up|showing up|outside)\b(?: \w+){0,2} ?outside\b(?![^\n]{0,60}\b(?:drop\w*|pick\w* up|collect\w*|kids off|civil|handover|"
        r"hand over|amicabl\w*)\b)",
        r"\b(?:i'm|im|i am) (?:so |really |genuinely )?(?:scared|afraid|terrified|frightened) of (?:my (?:son|daughter|husband|wife|partner|"
        r"boyfriend|girlfriend|dad|mum|mom|father|mother|stepdad|stepmum|brother|ex|carer)(?!'s)|him|her)\b(?! (?:getting|being|"
        r"leaving|losing|finding out|dying|going|catching|hurting himself|hurting herself|relapsing|moving))",
        r"\b(?:scared|afraid|terrified|frightened|worried) (?:that )?i(?:'m| am|'ll| will| might| could) (?:going to |gonna )?(?:hurt|hit|"
        r"harm|kill|lash out at|snap and hurt) (?:her|him|them|the baby|the kids|my \w+|mum|dad)\b(?! (?:feelings|by|if i (?:tell|say)))",
        r"\b(?:grab|grabbed|grabbing|shove|shoved|push|pushed|pinch|pinched|slap|slapped|smack|smacked|squeeze|squeezed) (?:his|her|their) "
        r"(?:arms?|wrists?|hands?|face)\b[^.?!]{0,20}\b(?:too hard|so hard|hard enough)\b",
        r"\b(?:boyfriend|girlfriend|partner|husband|wife|stepdad|stepfather|stepmum|stepmother|uncle|dad|daddy|father|mummy|mum|mom|"
        r"mommy|mother|grandad|babysitter|coach|teacher|carer) (?:hurts|hits|beats|smacks|kicks|burns|chokes|punches|slaps) (?:her|him|"
        r"them|me|us)\b(?! (?:back|at (?:tennis|chess|cards|games)|in (?:a|the) game))",
        r"\b(?:said|says|threatened|threatens|told me)\b[^.?!]{0,20}\b(?:he'd|she'd|he would|she would|he'll|she'll|he will|she will|they'd|"
        r"they'll) (?:take|keep) (?:the kids|my kids|the children|my children|the baby|my baby)\b",
        r"\b(?:voices?|a voice)\b[^.?!]{0,30}\b(?:telling|tell|tells|told|saying|says) me to (?:hurt|harm|kill|stab|attack) (?:him|her|them|"
        r"my (?:\w+ )?(?:son|daughter|husband|wife|partner|mum|mom|dad|kids|children|neighbour|flatmate)|people|someone)\b",
    ),
    *_rules(
        Kind.ABUSE_DANGER,
        r"\b(?:he's|he has|she's|she has) got (?:the|my|our) (?:baby|kids|children|son|daughter)\b[^\n]{0,60}\b(?:hurt|kill|harm)\b",
        r"\bnext time (?:he|she|they)(?:'ll| will)? (?:won't|wont|will not) stop\b|\bnext time (?:he'll|she'll|he will|she will) "
        r"(?:kill|finish)\b",
        r"\b(?:coming|come|going to come|gonna come) (?:round|over|back)\b[^.?!]{0,30}\bto finish (?:what (?:he|she|they) started|"
        r"me off|the job)\b|\b(?:gets?|getting) rid of me for good\b",
        r"\blocked (?:us|me|the kids|the children) in\b(?! (?:the car|by accident|accidentally))(?![^.?!]{0,30}\b(?:by "
        r"accident|accidentally|lol|haha)\b)",
        r"\b(?:following|followed) me\b[^\n]{0,40}\b(?:still|right) behind me\b",
        r"\b(?:psychotic|hearing voices|paranoid|manic|delusional)\b[^\n]{0,60}\b(?:knife|gun|weapon|blade|axe|hammer)\b|"
        r"\b(?:knife|gun|weapon|blade|axe|hammer)\b[^\n]{0,60}\b(?:psychotic|voices|demons|paranoid)\b",
        r"\b(?:punching|kicking|smashing|banging on|kicking in) (?:the )?(?:door|doors|walls?|windows?|furniture)\b[^\n]{0,80}"
        r"\b(?:hiding|scared|terrified|screaming|crying)\b|\b(?:hiding|scared|terrified)\b[^\n]{0,80}\b(?:punching|kicking|"
        r"smashing|banging on) (?:the )?(?:door|walls?|windows?)\b",
        r"\b(?:said|says|threatened|swore|swears|told me|screaming|shouting) (?:that )?(?:he|she|they)(?:'ll| will|'d| would|"
        r"'s going to| is going to) finish me(?: off)?(?=\s*(?:[.!?,\n]|$|if|when|tonight|this time|for good|and))"
        r"(?![^.?!\n]{0,40}(?:\blol\b|😂|🤣|\bhaha))|\b(?:he|she|they) threatened to finish me\b",
        r"\b(?:screaming|shouting|crying|begging) for help\b",
        r"\b(?:got|grabbed|had|held|holds|grabs|grabbing|holding) me by the (?:throat|neck)\b",
        r"\b(?<!put a )(?<!put the )(?<!put my )(?:pillow|hand|hands|bag) over my (?:face|mouth|nose)\b(?! to (?:block|muffle|"
        r"scream|cry|sleep|stop|keep)\b)|\buntil i (?:couldn't|could not|can't) breathe\b",
        r"\b(?:said|says|threatened|threatens|told me|keeps saying|screaming|shouting)\b[^.?!]{0,30}\b(?:going to|gonna|will|'ll) "
        r"kill (?:me|us|the kids|my \w+)\b(?! (?:when|if) (?:she|he|they) (?:sees|finds out|hears))(?! if i (?:ate|eat|touch|"
        r"forget|forgot|take|use|finish|ever|told|tell|say|said|spoil\w*|ruin\w*|broke|break|was late|am late|wore|lost|missed))(?![^.?!\n]{0,40}(?:\blol\b|😂|🤣|\bhaha))",
        r"\b(?:hitting|beating|attacking|strangling|choking|kicking|punching) (?:me|us|our \w+|my \w+|the kids|the baby)\b"
        r"[^.?!]{0,20}\b(?:right now|now)\b",
        r"\b(?:he's|she's|he has|she has) (?:just )?(?:pinned|cornered|trapped) me\b",
        r"\b(?:outside|at) (?:my|the) (?:house|door|flat|work|window|school)\b[^\n]{0,60}\b(?:restraining|non-molestation|"
        r"protection|protective) order\b|\b(?:restraining|non-molestation|protection|protective) order\b[^\n]{0,60}"
        r"\b(?:outside|at (?:my|the) (?:door|house|flat|window)|turned up|showed up|broke in|banging on)\b",
        # "he's going to kill me" alone is usually an idiom; said as a threat (below) it is danger
        r"\b(?:he|she|they|KIN|ex)(?:'s|'d|'ve)? (?:\w+ ){0,2} => (?:is|are|'s) (?:going to|gonna) hurt me\b",
        r"\b(?:he|she|they|KIN|ex)(?:'s|'d|'ve)? (?:(?!can |could |to )\w+ ){0,2} => \b(?:has|have|got|grabbed) a (?:gun|knife|"
        r"weapon)\b",
        r"\b(?:outside (?:my|the)|banging on (?:my|the)|breaking (?:my|the)|at (?:my|the)) (?:door|window)\b[^.?!]{0,30}\b(?:trying to|kick|break|"
        r"get in|screaming|shouting)|\b(?:trying to|going to) (?:get|break|kick the door) in\b|\bbreaking (?:in|the door"
        r" down)\b",
        r"\bthreaten\w* to kill me\b|\bthreaten\w* (?:me|us|him|her) with a (?:knife|gun|weapon|bat|hammer)\b",
        r"\b(?:afraid|scared|terrified|frightened) (?:that )?(?:he|she|they)(?:'ll| will|'s going to| is going to|'s gonna|"
        r" might| could) kill (?:me|us)\b",
        r"\b(?:screaming|shouting|yelling|saying|says|said|texted|swears?|swore) (?:that )?(?:he|she|they)(?:'ll| will|'d|"
        r" would|'s going to| is going to| are going to) (?:kill|hurt|stab|shoot|burn) (?:me|us|the kids)\b(?! if i (?:ate|eat|"
        r"touch|forget|forgot|take|use|finish|ever|told|tell|say|said|spoil\w*|ruin\w*|broke|break|was late|am late|wore|lost|"
        r"missed))(?![^.?!\n]{0,40}(?:\blol\b|😂|🤣|\bhaha))",
        r"\b(?:burn|set fire to) (?:the|my|our) (?:house|flat|place|home)(?: down)? with (?:me|us|the kids) in",
        r"\b(?:he|she|they)(?:'s| is| are) (?:\w+ )?(?:smashing|breaking|throwing) (?:things|everything|stuff|"
        r"the house)\b",
        r"\b(?:i'm|im|i am) hiding (?:in (?:the|my) (?:bathroom|bedroom|closet|cupboard|wardrobe|car)|from (?:him|her|"
        r"them|my (?:husband|partner|boyfriend|dad|father|ex)))\b",
        r"\b(?:turned up|showed up|is here|came round|outside|at the door)\b[^.?!]{0,20}\bwith a (?:knife|gun|weapon|"
        r"bat|hammer)\b",
        r"\b(?:he|she|they)(?:'s| is| are) (?:\w+ )?(?:strangling|choking|hitting|beating|attacking|kicking|punching|"
        r"stabbing) me\b",
        r"\b(?:locked|trapped) me (?:in|inside)\b(?![^.?!]{0,40}\b(?:by accident|accidentally|by mistake)\b)",
        r"\b(?:pulled|held|pointed|waved) (?:a |the )?(?:knife|gun|weapon) (?:on|at|to) me\b",
        r"\b(?:threaten\w*|going to|gonna|says he'll|said he'd|says she'll|said she'd) (?:\w+ ){0,6}with (?:the kids|my kids|"
        r"the children|the baby|me) in the car\b",
        r"\b(?:says|said|told me) (?:that )?i(?:'ll| will) never see (?:her|him|them|the kids|the baby) again\b",
        r"\b(?:drunk|high|been drinking) and driving\b|\bdrink driving with (?:the|my) (?:kids|baby|son|daughter)\b",
        r"\b(?:he|she|they|ex|KIN)(?:'s)? (?:\w+ ){0,2} => (?:broke|has broken|is breaking|broken) in\b",
        r"\b(?:he|she|they|ex|KIN)(?:'s)? (?:\w+ ){0,2} => just (?:kicked|punched|hit|stabbed|strangled|choked|beat|"
        r"attacked|pushed|threw) me\b",
        r"\b(?:he's|he has|she's|she has|he|she) (?:got|has|with|holding|carrying) (?:a |an |the |his |her )?(?:baseball )? => "
        r"\b(?:bat|knife|gun|hammer|crowbar|machete|axe|weapon)\b(?=[^\n]{0,80}\b(?:outside|at the door|kick\w*|bang\w*|threat\w*|"
        r"screaming|i've got the kids|hiding)\b)",
        r"\b(?:my ex|outside|at the door|kick\w* the door|bang\w* on the door)\b[^\n]{0,60}\b(?:he's|he has|she's|she has) (?:got|with|"
        r"holding|carrying) (?:a |an |the |his |her )?(?:baseball )? => \b(?:bat|knife|gun|hammer|crowbar|machete|axe|weapon)\b",
        r"\b(?:i|i've|he|she|he's|she's|he has|she has) (?:just )?(?:shook|shaken) (?:the|my|our) (?:baby|newborn|little one)\b(?!\x27)",
        r"\b(?:i|i've) (?:just )?(?:put|held|pressed|pushed) (?:a |the |my )?(?:pillow|hand|hands|cushion|blanket) over (?:his|her|their|the "
        r"baby\x27s|my \w+\x27s) (?:face|mouth|nose)\b",
        r"\b(?:scared|afraid|terrified|frightened|worried) (?:that )?i(?:'m| am|'ll| will| might| could) (?:going to |gonna )?(?:hurt|hit|"
        r"harm|kill|lash out at|snap and hurt) (?:her|him|them|the baby|the kids|my \w+|mum|dad)\b(?! (?:feelings|by|if i (?:tell|say)))"
        r"[^.?!]{0,20}\b(?:tonight|right now|now|today)\b",
        r"\b(?:he's|she's|he is|she is|they're|KIN(?:'s| is)|ex is) (?:strangling|choking|throttling|suffocating|beating|hitting|kicking|"
        r"attacking|punching) me\b(?! (?:at|in) (?:chess|cards|games?|tennis|fifa)\b)",
        r"\b(?:got|has|had|'s got) me locked (?:in|inside)\b",
        r"\b(?:he|she|they|KIN|ex)(?:'s| is| are|'re)? (?:trying to|going to|about to|gonna) (?:break|kick|smash) (?:the|my) (?:front |back "
        r"|bedroom |bathroom )?(?:door|window)s? (?:down|in)\b",
    ),
    *_rules(
        Kind.SUBSTANCE_EMERGENCY,
        r"\b(?:slurring|drowsy|unconscious|won't wake|collapsed)\b[^\n]{0,80}\b(?:taken|took|had) something\b",
        r"\b(?:done|did|had|taken|took|snorted) (?:a |some |too much )?(?:massive |big |few )?(?:lines?|coke|cocaine|speed|mdma|"
        r"ecstasy|molly|meth|crack|pills?)\b[^\n]{0,60}\b(?:heart (?:is )?(?:going crazy|racing|pounding|going mad)|chest "
        r"(?:hurts|pain|is tight)|can't breathe|cant breathe|overheating|fitting|collapsed)",
        r"\b(?:drink|i|she|he|we) (?:was|were|'ve been|have been|has been|got|'s been) spiked\b",
        r"\b(?:had|having|'s had|has had) a (?:fit|seizure)\b[^\n]{0,60}\b(?:coming off|stopped|quit|withdraw\w*|cold turkey|"
        r"detox\w*)\b|\b(?:coming off|stopped|quit|withdraw\w*|cold turkey|detox\w*)\b[^\n]{0,60}\b(?:had|having|'s had|has "
        r"had) a (?:fit|seizure)\b",
        r"\b(?:tolerance (?:is|'s) (?:gone|low|down)|lost my tolerance|no tolerance)\b[^\n]{0,60}\b(?:used|took|had|shot up|"
        r"injected|did) (?:my |the )?(?:usual|normal|old|same) (?:amount|dose|bag|hit)\b|\b(?:used|took|had|shot up|injected|did) "
        r"(?:my |the )?(?:usual|normal|old|same) (?:amount|dose|bag|hit)\b[^\n]{0,60}\b(?:tolerance|months clean|weeks clean|"
        r"years clean|clean for)\b",
        r"\b(?:used again|using again|shot up|injected|heroin|fentanyl|gear|oxy(?!gen)\w*|opioids?|xanax|benzos?|pills|methadone|"
        r"ketamine|ghb)\b[^.?!]{0,40}\b(?:i've|ive|i have|i) overdone it\b",
        r"\b(?:stopped|quit|stopping|coming off|off)\b[^\n]{0,30}\b(?:drinking|drink|alcohol|booze|benzos?)\b[^\n]{0,80}"
        r"\b(?:fit|fitting|"
        r"seizure|seeing things|hallucinating)\b",
        r"\b(?:taken|took|had) something\b[^\n]{0,60}\b(?:slurring|can't stand|cant stand|unconscious|won't wake|wont "
        r"wake|not making sense|collapsed|unresponsive|empty (?:packets|packs|boxes|bottles))\b",
        r"\bempty (?:blister packs?|pill (?:bottles|packets|boxes)|(?:packets|packs|boxes) of (?:\w+ )?PILLS)\b"
        r"|\bempty PILLS (?:packets|packs|boxes|bottles|blister packs?)\b",
        r"\bempty (?:packets|packs|boxes|bottles|blisters)\b[^\n]{0,60}\b(?:slurring|drowsy|can't wake|cant wake|won't wake|"
        r"unconscious|unresponsive|collapsed)\b|\b(?:slurring|drowsy|unconscious|unresponsive|collapsed)\b[^\n]{0,60}"
        r"\bempty (?:packets|packs|boxes|bottles|blisters)\b",
        r"\b(?:snoring|gurgling|breathing (?:is |is really |really )?(?:weird|funny|slow|shallow|strange|odd))\b[^\n]{0,60}"
        r"\b(?:heroin|fentanyl|opioids?|oxy(?!gen)\w*|methadone|xanax|benzos|pills|shot up|used|gear)\b",
        r"\b(?:heroin|fentanyl|opioids?|oxy(?!gen)\w*|methadone|xanax|benzos|shot up|gear)\b[^\n]{0,60}\b(?:snoring|gurgling|"
        r"(?:not|won't|wont|isn't|isnt) (?:waking|wake|breathing)|breathing (?:is )?(?:weird|funny|slow|shallow|strange))\b",
        r"\b(?:mixed|mixing|took|taken|taking|had|necked|downed|drank|drinking) [^.?!]{0,30}\bDRUGS\b[^.?!]{0,20}\b(?:and|with|on top of)\b"
        r"[^.?!]{0,30}\b(?:DRUGS|drinking|drunk|pills)\b",
        r"\b(?:he|she|they|KIN)(?:'s| is| are)? (?:\w+ ){0,2} => \b(?:overdosing|overdosed|od\x27ing|oding|od\x27d|oded)\b",
        r"\b(?:gave|give|giving|used|using|administer\w*|spray\w*|needed|need|had to use) (?:\w+ ){0,3}(?:narcan|"
        r"naloxone)\b|\b(?:narcan|naloxone) (?:isn't|didn't|not|wasn't|is not) work",
        r"\b(?:can't|cant|cannot|couldn't) wake (?:him|her|them)(?: up)?\b(?![^.?!\n]{0,50}\b(?:so|that|too|really) (?:tired|"
        r"exhausted|knackered|shattered)\b|[^.?!\n]{0,30}\b(?:fast|sound|deeply) asleep\b)",
        r"\b(?:drinking (?:all day|all night|heavily|a lot|since \w+|wine|vodka|beer|spirits)|drunk)\b[^.?!]{0,40}\b(?:took|"
        r"taken|swallowed|had)\b[^.?!]{0,20}\b(?:my |some |the )?(?:sleeping (?:pills|tablets)|xanax|benzos?|diazepam|"
        r"valium|oxy(?!gen)\w*|opioids?|codeine|tramadol|morphine|methadone|heroin|painkillers)\b",
        r"\b(?:lips|fingers|face) (?:are |is |turning |going |went )?(?:blue|grey|gray|purple)\bNOT_COLD",
        r"\bfentanyl\b[^.?!]{0,40}\b(?:in|laced)\b",
        r"\b(?:took|taken|had|done|dropped|swallowed) (?:some |a |two |\d+ )?(?:pills?|tablets?|pingers?|molly|mdma|"
        r"ecstasy|something)\b[^.?!]{0,60}\b(?:heart|chest)\b[^.?!]{0,20}\b(?:racing|pounding|going crazy|going mad|hurts|"
        r"beating)",
        r"\b(?:took|taken|used|done|injected) (?:way |far )?too (?:much|many)\b(?! (?:on|time|of (?:my|the) time|food|"
        r"cake|sugar|coffee|caffeine|to (?:drink|eat)|sun|work))",
        r"\b(?:took|taken|used|done|had|smoked|snorted|injected) (?:\w+ ){0,3}(?:and|now) (?:\w+ ){0,3}(?:heart|"
        r"chest) (?:is )?(?:racing|pounding|hurts)\b",
        r"\b(?:chest (?:hurts|pain|is tight)|can't breathe|cant breathe|heart(?:'s| is) (?:racing|pounding|going)|numb|can't feel|"
        r"cant feel|going dark|shaking|fitting)\b[^\n]{0,60}\bafter (?:taking )?(?:the|those|all the|all those) (?:pills|tablets)\b",
        r"\b(?:meth|crystal|speed|spice|mamba|coke|crack|ket|ketamine)\b[^\n]{0,60}\b(?:walls are moving|bugs|insects|crawling under my "
        r"skin|voices|hallucinat\w*|seeing things|paranoid)\b",
        r"\b(?:smoked|took|taken|had|done|did|snorted|injected|dropped) (?:some |a |too much )?(?:spice|mamba|DRUGS|ket|coke|pills|mdma|"
        r"molly|acid|gear)\b[^\n]{0,60}\b(?:heart(?:'s| is) (?:going (?:mental|crazy|mad|too fast)|racing|pounding)|can't (?:stand|breathe|"
        r"feel my|move)|collaps\w*|fitting|passing out|gone (?:blue|grey))\b",
        r"\b(?:pills?|mdma|molly|ecstasy|powder|mandy)\b[^\n]{0,60}\b(?:burning up|overheating|jaw (?:is )?(?:locked|clenched)|can't stop "
        r"shaking|cant stop shaking|fitting|collaps\w*)\b",
        r"\b(?:smoked|took|taken|had|done|did|snorted|injected|dropped|necked|drank|mixed)\b(?: \w+){0,4}? (?:spice|mamba|DRUGS|ket|coke|"
        r"cocaine|crack|pills|mdma|molly|acid|gear|heroin|xanax|fentanyl|meth)\b[^\n]{0,60}\b(?:heart(?:'s| is) (?:going (?:mental|crazy|"
        r"mad|too fast)|racing|pounding)|can't (?:stand|breathe|feel my|move)|collaps\w*|fitting|passing out|gone (?:blue|grey)|won't wake|"
        r"shaking and can't stop|can't stop shaking)\b",
    ),
    *_rules(
        Kind.RELAPSE,
        r"\b(?:drink|drinking|drank) (?:until|till|til) i (?:black|blacked|pass|passed) out\b",
        r"\b(?:thinking|thought|obsessing) (?:about|of) (?:the pub|the bar|the offy|the off licence|the bottle|my dealer)\b"
        r"(?= (?:a lot|all the time|constantly|every day|non ?stop|loads|again)\b)",
        r"\b(?:went|go|going) to (?:the|a)[ ] => (?:pub|bar|offy|off licence)\b[^.?!]{0,40}\b(?:near|smell|watch|look at)\b",
        r"\b(?:didn't|didnt|did not) (?:have|use|drink) (?:one|any)\b[^.?!]{0,20}\b(?:but|though) i wanted to\b",
        r"\b(?:taking|took|been taking|take) (?:more|extra|double) (?:of )?(?:my )?(?:\w+ )?(?:meds|medication|tablets|pills|"
        r"painkillers|pain meds) than (?:prescribed|i should|i'm meant to|the doctor said)\b",
        r"\b(?:thinking|think|thought|obsessing|fixated) (?:about|of) (?:a |having a |getting a |one )?(?:drink|drinking|"
        r"using|a hit|a line|a fix|gear|a bet|gambling)\b(?! (?:water|more water|less|the|a|my|it|this|that|an|some)\b)",
        r"\bmiss (?:the|being) (?:numb(?:ness)?|high|buzz|escape|drunk|wasted|out of it)\b",
        r"\b(?:scared|afraid|worried|terrified|think|feel like) (?:that )?(?:i'm|im|i am|i'll|i will|i might) (?:going to |"
        r"gonna )?(?:relapse|use again|drink again|slip)\b",
        r"\b(?:relapsed|relapsing|slipped|i slipped up)\b",
        r"\b(?:using|drinking|smoking|shooting up|picked up|used|drank|smoked) again\b",
        r"\b(?:can't|cant) stop (?:drinking|using)\b",
        r"\b(?:craving|cravings|urge to (?:use|drink))\b(?! (?:for )?(?:chocolate|sugar|sweets|cake|crisps|carbs|food|pizza|"
        r"chips|salt|coffee|a cuppa|tea|ice cream|sleep|a hug|company)\b)",
        r"\b(?:lost|lose) my (?:sobriety|clean time|clean date)\b",
        r"\b(?:thinking about|thought about|tempted to|close to|nearly|want to|wanting to) (?:pick(?:ing)? up|"
        r"drink(?:ing)?|us(?:e|ing)|get(?:ting)? (?:high|drunk|wasted|loaded)|scor(?:e|ing))(?: again)?"
        r"(?=\s*(?:[.!?,\n]|$|again|a drink|a bottle|today|tonight))",
        r"\b(?:thinking about|tempted to|want to|nearly) (?:go(?:ing)? to|went to) the (?:pub|bar|off licence|offie|"
        r"liquor store)\b|\b(?:call(?:ing)?|text(?:ing)?|ring(?:ing)?) my (?:old )?dealer\b",
        r"\bkeep looking at (?:it|the bottle)\b|\b(?:a|the) bottle (?:in|hidden in) (?:the|my) (?:cupboard|wardrobe|drawer|"
        r"car|bag)\b",
        r"\bdrinking (?:more|too much|a lot more)\b(?! (?:water|fluids|tea|coffee|juice|squash|milk)\b)|\b(?:stopped|quit) (?:going to|"
        r"attending) (?:meetings|group|therapy|"
        r"my meetings|aa|na)\b",
        r"\bhad (?:a few|some|a couple of|several|loads of) drinks\b|\bhad a (?:lapse|slip|relapse|drink\b(?! of))(?! with (?:the |my )?(?:biscuits|chocolate|diet|cake|food|sweets|"
        r"crisps|takeaway|eating|plan))|\bbought a (?:bottle|bag|gram)\b|\bdrinking (?:every|each) "
        r"(?:night|day)\b",
    ),
    *_rules(
        Kind.MEDICAL_NOW,
        r"\b(?:[12]\d|3[0-6]) (?:weeks|wks)\b[^\n]{0,40}\b(?:bleeding|waters)\b[^\n]{0,30}\b(?:cramp\w*|pain|contractions)\b",
        r"\b(?:speech|talking|words)\b[^.?!]{0,15}\b(?:went|gone|going|is|was) (?:funny|weird|strange|slurred|garbled|"
        r"jumbled)\b(?![^.?!]{0,40}\b(?:dentist|injection|numb|anaesthetic|drunk|tipsy|lol|haha)\b)|\bsuddenly (?:can't|cant|"
        r"couldn't|unable to) (?:lift|raise|move) (?:her|his|my|their) (?:arm|leg)\b",
        r"\b(?:fell|fallen) (?:in|into) (?:the )?(?:pool|water|river|sea|bath|pond|canal)\b[^.?!]{0,60}\b(?:under|drowsy|not "
        r"breathing|blue|unconscious|floppy)\b",
        r"\b(?:boiling|scalding|hot) (?:water|oil|kettle|tea|coffee)\b[^.?!]{0,60}\b(?:blistering|blistered|skin (?:peeling|came "
        r"off)|(?:whole|all (?:of )?(?:her|his|my)) (?:arm|leg|chest|back|hand|face))\b",
        r"\b(?:pregnant|\d+ weeks)\b[^\n]{0,80}\b(?:one side|left side|right side)\b[^\n]{0,40}\b(?:faint|dizzy|pass out|"
        r"shoulder)\b",
        r"\b(?:really |very |so |freezing )?cold and confused\b|\b(?:found|find) (?:him|her|them|dad|mum)\b[^.?!]{0,40}"
        r"\b(?:outside|in the garden|on the floor|in the street)\b[^\n]{0,60}\b(?:freezing|hypotherm\w*)\b",
        r"\b(?:after (?:his|her|my|their) insulin|having a hypo|gone hypo|in a hypo)\b[^\n]{0,60}\b(?:won't|wont|can't|cant|"
        r"refus\w*) (?:drink|eat|take|swallow)\b|\b(?:grey|gray|"
        r"clammy|sweaty|confused)\b[^\n]{0,30}\bafter (?:his|her|my|their) insulin\b",
        r"\b(?:save|protect) (?:her|him|the baby|them|us) from (?:the )?(?:devil|demons?|evil|satan|spirits)\b",
        # postpartum psychosis: a baby believed swapped or evil
        r"\b(?:baby|son|daughter)\b[^.?!]{0,20}\b(?:has been|was|got|been) (?:swapped|switched|replaced)\b(?! (?:to|onto|over|from|with)\b)|\bbaby (?:is|'s) "
        r"(?:evil|the devil|possessed|not (?:really )?(?:mine|hers|ours))\b",
        # a fever with rigors when the body cannot fight infection: neutropenic sepsis
        r"\b(?:chemo|neutropen\w*|transplant)\b[^\n]{0,80}\b(?:shaking|shivering|rigors|shivers|chills)\b[^\n]{0,80}\b(?:temp|"
        r"temperature|fever)\b(?![^.?!]{0,15}\b(?:3[0-7](?:\.\d)?|normal|fine|ok)\b)|\b(?:temp|temperature|fever)\b[^\n]{0,40}"
        r"\b(?:3[89]|40)(?:\.\d)?\b[^\n]{0,60}\b(?:shaking|shivering|rigors)\b[^\n]{0,80}\b(?:chemo|neutropen\w*|transplant)\b",
        # diabetic ketoacidosis, and a hypo past helping oneself
        r"\b(?:ketones|pear drops)\b[^\n]{0,60}\b(?:vomit\w*|being sick|been sick|throwing up|threw up)\b|\b(?:vomit\w*|"
        r"being sick|been sick|throwing up|threw up)\b[^\n]{0,60}\b(?:ketones|pear drops)\b",
        r"\b(?:having|had|in|going into|mid) a hypo\b[^.?!]{0,60}\b(?:can't|cant|won't|wont|unable to|not able to) (?:swallow|"
        r"eat|drink|take)|\bhypo\b[^.?!]{0,60}\b(?:going drowsy|very drowsy|really drowsy|passing out|passed out)\b",
        r"\bgrunting (?:with|on|at) (?:every|each) breath\b|\bsucking in (?:under|between|below) (?:his|her|the|their) ribs\b",
        # postpartum psychosis: a psychiatric emergency
        r"\bbaby (?:is|has been) (?:evil|possessed|the devil|swapped|been swapped)\b[^\n]{0,60}\b(?:needs? to be (?:saved|cleansed|"
        r"sent back)|has to (?:go|die)|get rid of)|\b(?:hasn't|not|haven't) slept\b[^\n]{0,80}\bbaby (?:is|has been) "
        r"(?:evil|possessed|the devil|swapped)\b",
        r"\b(?:son|daughter|toddler|baby|kid|child|little one|grandson|granddaughter|\d+ ?(?:yo|year old|month old))(?:'s| has)? "
        r"(?:just |may have |might have |possibly |has )?(?:ate|eaten|swallowed|chewed|got into|taken|took) (?:one|some|a few|"
        r"a couple|a handful|two|three|\d+) of (?:my|his|her|the|their) (?:\w+'s )?(?:\w+ )?(?:PILLS|batteries|magnets)\b",
        r"\b(?:son|daughter|toddler|baby|kid|child|little one|grandson|granddaughter|\d+ ?(?:yo|year old|month old))(?:'s| has)? "
        r"(?:just |may have |might have |possibly |has )?(?:ate|eaten|swallowed|chewed|got into) (?:a|an|some|my|the|his \w+'s|"
        r"her \w+'s) (?:\w+ )?(?:PILLS|button batter(?:y|ies)|magnets?|dishwasher (?:tablets?|pods?)|washing (?:pods?|tablets?|"
        r"capsules?)|bleach)\b",
        # missed dialysis and fluid on the lungs or a failing heart rhythm
        r"\b(?:missed|skipped|haven't had|not had)\b[^.?!]{0,30}\bdialysis\b[^\n]{0,80}\b(?:breathless|short of breath|"
        r"can't breathe|cant breathe|struggling to breathe|can't catch my breath|can't lie (?:down|flat)|chest (?:pain|is tight|"
        r"feels (?:tight|heavy))|palpitations|heart (?:is )?(?:racing|fluttering|skipping|pounding|going all over the place)|"
        r"legs? (?:feel |are |is )?(?:weak|heavy))",
        r"\bthunderclap\b|\bworst headache of (?:my|his|her|their) life\b",
        r"\bribs (?:are )?(?:sucking|pulling) in\b|\bnostrils flaring\b|\bgrunting (?:with|when|as) (?:she|he) breathes?\b",
        r"\b(?:gone|going) blind\b|\blost (?:the )?(?:sight|vision) in\b|\bsudden(?:ly)? (?:can't|cant) see\b",
        # stroke, sepsis, ectopic pregnancy, head injury, a baby's warning signs, bleeding that will not stop
        r"\b(?:face|mouth|smile) (?:has |is )?(?:gone |went )?(?:droopy|drooping|lopsided|dropped|fallen)\b",
        r"\bmottled\b|\bbreathing (?:really |very |so )?fast\b[^\n]{0,60}\b(?:surgery|op|chemo|infection|fever|temp|freezing|"
        r"shivering)\b",
        r"\b(?:pregnant|weeks|ectopic|missed (?:my )?period)\b[^\n]{0,80}\bshoulder[- ]?tip\b|\bshoulder[- ]?tip\b[^\n]{0,80}"
        r"\b(?:pregnant|weeks|ectopic)\b",
        r"\b(?:banged|bumped|hit|knocked) (?:his|her|my|their) head\b[^\n]{0,60}\b(?:vomiting|being sick|been sick|sleepy|"
        r"drowsy|confused|won't wake|unconscious)\b",
        r"\bsoft spot\b[^.?!]{0,20}\bbulging\b|\bbulging (?:soft spot|fontanelle)\b|\bhigh[- ]pitched (?:cry|crying|scream)",
        r"\b(?:bleeding|bleed|bleeds) (?:and )?(?:it )?(?:won't|wont|will not|doesn't|doesnt|isn't|isnt) stop\w*\b",
        r"\b(?:he|she|they|baby|KIN)(?:'s| is)? (?:\w+ ){0,3}(?:won't|wont|isn't|isnt|is not|not|doesn't|doesnt) (?:respond|"
        r"responding|rousing)\b(?! (?:to (?:texts|messages|emails|my texts|treatment|the (?:meds|medication|treatment))))",
        r"\bcollapsed (?:on|in) the (?:floor|kitchen|bathroom|street|toilet|stairs|hallway)\b",
        r"\b(?:hives|rash|swelling|swollen)\b[^\n]{0,60}\b(?:wheez\w*|can't breathe|cant breathe|struggling to breathe|throat)\b",
        r"\b(?:nuts?|peanuts?|allerg\w*|sting|shellfish)\b[^\n]{0,60}\b(?:lips|tongue|face|throat) (?:are |is |has |have |gone |"
        r"went |look |looks )?(?:huge|swollen|swelling|puffy|tight|closing)\b",
        r"\b(?:temp|temperature|fever)\b[^\n]{0,60}\b(?:confused|not making sense|hard to wake|mottled|floppy|limp|purple "
        r"(?:rash|spots))\b|\b(?:confused|not making sense|hard to wake|mottled|floppy|limp|purple (?:rash|spots))\b[^\n]{0,60}"
        r"\b(?:temp|temperature|fever)\b",
        r"\b(?:swallowed|swallow|ate|eaten|eat)\b[^.?!]{0,20}\b(?:a |some |one of (?:the|my) )?(?:button )?(?:battery|batteries|"
        r"magnets?|bleach|dishwasher tablets?|washing (?:pods?|capsules?|liquid)|detergent|drain cleaner)\b",
        r"\b(?:went|gone|going) (?:stiff|rigid)\b[^.?!]{0,40}\beyes (?:rolled|rolling)|\b(?:baby|newborn|child|son|daughter|"
        r"toddler|\d+ (?:week|month|year)s? old)\b[^.?!]{0,40}\b(?:had|having) a (?:fit|seizure|convulsion)\b(?! (?:review|clinic|nurse|"
        r"plan|meds|medication|diary|free|action plan|alarm|appointment|check)\b)",
        r"\b(?:\d+ (?:weeks|wks)|pregnant)\b[^\n]{0,80}\b(?:pain|cramps?)\b[^\n]{0,40}\b(?:won't|wont|doesn't|doesnt|not) "
        r"(?:stop|go away|ease)\b[^\n]{0,40}\bbleeding\b",
        r"\b(?:seizure|fit|fitting)\b[^\n]{0,60}\b(?:hasn't|hasnt|has not|not|isn't|isnt|won't|wont) (?:come|coming) "
        r"(?:round|around|to)\b|\b(?:seizure|fitting)\b[^.?!]{0,40}\b(?:\d+|five|ten) (?:minutes|mins)\b",
        r"\b(?:can't|cant|cannot|struggling to|hard to) breathe?\b(?! (?:through|out of) (?:my|the|his|her) nose)",
        r"\b(?:throat|tongue|lips|face|eyes) (?:is |are |feels? )?(?:closing|swelling|swollen|puffing|puffed|puffy|"
        r"blowing up)\b(?![^.?!]{0,30}\b(?:dentist|injection|filler|botox|numb|anaesthetic|crying|cried))",
        r"\b(?:sting|stung|peanuts?|nuts|allerg\w*)\b[^.?!\n]{0,60}\b(?:breath\w*|wheez\w*|swell\w*|puff\w*|hives|tight\w*|"
        r"closing)\b|"
        r"\b(?:breath\w*|wheez\w*|swell\w*|puff\w*)\b[^.?!\n]{0,60}\b(?:sting|stung|peanuts?|nuts)\b",
        r"\banaphyla\w*\b|\bepi ?pen\b",
        r"\b(?:having|just had|has just had|'s just had) a (?:seizure|stroke|heart attack|fit)\b|\bseizing\b",
        r"\bseizure (?:has been |is |that's )?(?:going on|going|lasting|lasted|won't stop|not stopping)\b",
        r"(?<!if i )(?<!if i just )\b(?:passed out|unconscious|unresponsive|not breathing|stopped breathing|barely breathing|barely "
        r"conscious|semi-?conscious|drifting in and out)\b",
        r"\b(?:he|she|they|KIN|baby|it) (?:just )? => \b(?:won't|wont) wake up\b(?! for (?:her|his|the|a|their) (?:feeds?|"
        r"bottle|nap))",
        r"\bchest (?:hurts|is hurting|is tight|feels tight|pains?)\b[^.?!]{0,40}\b(?:sweat\w*|sick|arm|jaw|dizzy|faint)\b",
        r"\b(?:isn't|isnt|is not|wasn't|aren't) breathing\b(?! (?:through (?:her|his|their|my) nose|properly through)\b)",
        r"\b(?:isn't|isnt|is not|not) responding\b(?! to)|\b(?:he|she|they|KIN|i|i've|just) (?:just )?collapsed\b(?! (?:in|with|"
        r"into) (?:laughter|giggles|fits|bed|a heap on the sofa))",
        r"\b(?:chest pain|crushing chest|pain in (?:my|his|her|their) chest|crushing pain)\b",
        r"\bsoak(?:ed|ing)? (?:through )?(?:a |my |the |\w+ )?(?:pads?|sheets|towels?|the bed)\b",
        r"\bbleeding (?:heavily|a lot|loads|so much|won't stop|wont stop|through)\b",
        r"\bbleeding\b[^.?!]{0,60}\b(?:pass(?:ing)? out|faint|light ?headed|dizzy|woozy)\b",
        r"\bclots? (?:the size of|as big as|bigger than)\b",
        r"\b(?:face|mouth) (?:is )?drooping\b|\bslurred speech\b",
        r"\b(?:ambulance|paramedics|911|999|112|000) (?:is|are) (?:on (?:the|their) way|coming)\b",
        r"(?:\bcoughing (?:up )?blood\b|\b(?:vomiting|throwing up|being sick with) blood\b)(?![^.?!]{0,30}\b(?:not (?:loads|much|a "
        r"lot)|a (?:little|bit|tiny bit)|streaks?|specks?|flecks?|tinged)\b)",
        r"\b(?:turning|going|gone|turned) (?:blue|grey|gray)\bNOT_COLD",
        r"\b(?:passing|passed) (?:\w+ )?clots\b|\b(?:feel|feeling|felt) faint\b[^.?!]{0,40}\b(?:bleed|blood|birth)"
        r"|\b(?:bleed|blood|birth)\w*\b[^.?!]{0,60}\b(?:feel|feeling) faint\b",
        r"\b(?:baby|newborn|\d+ (?:day|week)s? old)\b[^.?!]{0,80}\b(?:floppy|limp|(?:turning|gone|going|looks?|looking|"
        r"went|is) (?:\w+ )?blue|blue (?:lips|around)|not breathing|unresponsive)\b",
        r"\basthma attack\b|\b(?:inhaler|epi ?pen|reliever|nebuli[sz]er) (?:isn't|isnt|is not|not|wasn't) "
        r"(?:helping|working)\b",
        r"\b(?:sugar|glucose|bg|bm) (?:is |of |at |dropped to |down to )?[0-2]\.\d\b",
        r"\bspeech (?:is |'s )?slurr(?:ed|ing)\b|\bslurring (?:his|her|my|their) words\b",
        r"\bhit (?:his|her|my|their) head\b[^.?!]{0,60}\b(?:confused|being sick|vomiting|drowsy|unconscious|"
        r"knocked out|blacked out)",
        r"\b(?:call|ring|phone|get) (?:an |the )?(?:ambulance|911|999|112|000|paramedics)\b(?![^.?!]{0,20}\b(?:if|whenever|when) "
        r"(?:you|your|anyone|someone|somebody|u)\b)",
        r"\b(?:fallen|fell) (?:over |down )?and (?:can't|cannot|can not|couldn't) get (?:up|back up)\b",
        r"\bfoaming at the mouth\b",
        r"\b(?:is|'s|are|keeps) choking\b(?! me)|\bclutching (?:his|her|my|their) chest\b|\b(?:been|got|was) stabbed\b",
        r"\b(?:is|'s|are|still|keeps) fitting\b",
        r"\bcontractions\b[^.?!]{0,40}\b(?:2\d|3[0-6]) weeks\b|\b(?:2\d|3[0-6]) weeks\b[^.?!]{0,40}\bcontractions\b",
        r"\b(?:baby|bub)\b[^.?!]{0,30}\b(?:isn't|not|hasn't|stopped) (?:moving|moved|kicking)\b[^.?!]{0,40}\bbleed|"
        r"\bbleed\w*\b[^.?!]{0,40}\bbaby\b[^.?!]{0,30}\b(?:isn't|not|hasn't|stopped) (?:moving|moved|kicking)\b",
        r"\b(?:can't|cant|cannot) feel (?:one|the (?:left|right)) side\b|\b(?:one|left|right) side of (?:my|his|her) (?:face|"
        r"body) (?:is |has )?(?:gone )?(?:numb|weak|dropped|drooping)\b|\bwords (?:are )?(?:coming out wrong|jumbled|"
        r"muddled)\b",
        r"\b(?:sugar|glucose|meter|monitor|libre|dexcom)\b[^.?!]{0,25}\b(?:says|reads|reading|showing|shows) (?:hi|lo)\b",
        r"\b(?:diabetic|sugar|insulin|hypo)\b[^.?!]{0,60}\b(?:confused|not making sense|unresponsive|fitting)\b",
        r"\b(?:he's|she's|he is|she is|they're|they are) (?:not|isn't) making (?:any )?sense\b|\b(?:he|she|they) (?:isn't|"
        r"aren't|is not) making (?:any )?sense\b",
        r"\brash\b[^.?!]{0,40}\b(?:doesn't|does not|won't|didn't|not) (?:fade|go away when)\b|\b(?:glass|tumbler) test\b",
        r"\b(?:stiff neck|neck is stiff)\b[^\n]{0,60}\b(?:fever|light|rash|temperature)\b",
        r"\b(?:toddler|baby|son|daughter|kid|child|little one|boy|girl|\d+ ?(?:yo|year old|month old)) (?:\w+ ){0,2}(?:swallowed|"
        r"ate|has eaten|drank|drunk|got into) (?:some |a few |one of |all |a bottle of |half a bottle of |a box of |a packet of )?"
        r"(?:of )?(?:my |his |her |the |our )?(?:\w+ )?"
        r"(?:PILLS|medicine|calpol|bleach|batteries|battery|detergent|capsules?|button battery|(?:dishwasher|washing up|washing|"
        r"cleaning) (?:liquid|fluid|tablets?|pods?)|antifreeze|weedkiller|white spirit|nail varnish remover)\b",
        r"\b(?:worst|unbearable|severe|excruciating) (?:\w+ ){0,2}pain\b[^.?!]{0,60}\bpregnan|\bpregnan\w*\b[^.?!]{0,60}"
        r"\b(?:worst|unbearable|severe|excruciating) (?:\w+ ){0,2}pain\b",
        r"\b(?:waters?) (?:broke|have broken|has broken)\b[^.?!]{0,40}\b(?:[23]\d weeks|blood|green|brown)",
        r"(?<!took )(?<!taken )(?<!drew )(?<!draw )\b(?:a lot of|lots of|so much|loads of) blood\b",
        r"\b(?:lips|face|skin|tongue) (?:look|looks|looking|are|is|turning|going|gone|went)(?: \w+)? (?:blue|grey|gray)\bNOT_COLD",
        r"\b(?:told|said)(?: me| us)? (?:to )?go (?:straight )?to (?:a&e|a and e|the er|er|emergency|hospital) "
        r"(?:now|straight away|right away|immediately)?",
        r"\bsickle\b[^\n]{0,80}\bchest (?:hurts|pain|is tight|feels tight)\b|\bchest (?:hurts|pain|is tight|feels tight)\b[^\n]{0,80}\bsickle\b",
        r"\b(?:my|her) waters (?:have |had )?(?:gone|broken|broke|went|released)\b[^\n]{0,40}\b(?:green|brown|bloody|blood|smell\w*|"
        r"black)\b",
        r"\b(?:collapsed|passed out|fainted|keeled over)\b[^\n]{0,60}\b(?:breathing (?:funny|strange|weird|oddly|noisily|badly)|not "
        r"breathing|gasping|unresponsive|won't wake|can't wake|turned blue|gone blue|gone grey)\b",
        r"\b(?:ambulance|paramedics)(?:'s| is| are)? (?:on (?:its|the|their) way|coming|been called)\b(?![^\n]{0,40}\b(?:cover|standby|"
        r"stand-by|event|drill|training)\b)",
        r"\bcan see (?:the |some )?(?:fat|bone|tendon)\b(?! (?:density|scan|structure|broth|marrow))",
        r"\b(?:he|she|they|KIN|baby)(?:'s| has| have|'ve)? (?:just )?collapsed\b(?! (?:on|onto|in|into) (?:the |a |my |his |her )?(?:sofa|bed|couch|chair|"
        r"heap|armchair)\b| (?:laughing|with laughter|in (?:fits of )?laughter|in a heap|after (?:his|her|a) (?:run|workout|shift|walk)))",
        r"\b(?:tongue|throat|lips?|face|mouth)\b[^.?!]{0,20}\b(?:swollen|swelling|swelled|swelling up)\b[^.?!]{0,30}\b(?:can't|cant|cannot|"
        r"struggling to|unable to|won't let (?:him|her|me)) (?:swallow|breathe|talk|speak)\b|\bswollen (?:tongue|throat)\b[^.?!]{0,30}\b(?:can't|"
        r"cant|cannot|struggling to|unable to) (?:swallow|breathe)\b",
        r"\bsudden (?:weakness|numbness)\b[^.?!]{0,20}\b(?:one|left|right) (?:side|arm|leg)\b|\b(?:weakness|numbness) (?:in|down) (?:one|the "
        r"left|the right) (?:side|arm|leg)\b",
        r"\b(?:seizure|fit|convulsion)\b[^.?!]{0,20}\bfor the (?:very )?first time\b|\bfirst (?:ever )?(?:seizure|convulsion)\b(?![- ]?free)",
    ),
    *_rules(
        Kind.MEDICAL_FLAG,
        r"\b(?:can't|cant|cannot|unable to) (?:put|bear) (?:any )?weight on (?:her|his|my|their) (?:leg|hip|foot|ankle)\b",
        r"\blump\b[^.?!]{0,40}\b(?:breast|armpit|testicle|neck)\b[^\n]{0,60}\b(?:grown|growing|getting bigger|quickly|inverted|"
        r"bleeding|discharge)\b|\bnipple(?:'s| is| has)? (?:gone |become )?inverted\b",
        r"\b(?:peeing|pissing|weeing) blood\b",
        r"\brefus(?:ing|ed|es) (?:all |any )?(?:fluids|drinks|water|to drink)\b|\brefus(?:ing|ed|es) (?:all |any )?food and "
        r"(?:fluids|drink|drinks|water)\b",
        # spinal cord compression in cancer, and an infection spreading up a limb
        r"\b(?:chemo|cancer|tumou?r|myeloma|metast\w*)\b[^\n]{0,60}\bback pain\b[^\n]{0,60}\blegs? (?:feel |are |is |have gone "
        r"|gone )?(?:weak|numb|heavy|tingly|wobbly)\b",
        r"\bred (?:streaks?|lines?) (?:going |spreading |running )?(?:up|from)\b(?![^.?!]{0,40}\b(?:henna|tattoo|pen|marker|"
        r"paint|lol)\b)",
        r"\b(?:temp|temperature|fever)\b[^.?!]{0,30}\b(?:3[89]|40|10[1-4])(?:\.\d)?\b[^.?!]{0,40}\b(?:for (?:two|three|four|\d+) "
        r"days|barely (?:drinking|eating)|not drinking|won't drink)",
        r"\b(?:\d+|several|multiple|three|four|five|six|loads of) (?:seizures|fits)\b[^.?!]{0,20}\b(?:today|tonight|this "
        r"(?:morning|afternoon|evening)|in (?:a|an|one) (?:day|hour))\b",
        r"\b(?:on a bender|binge drinking|drinking (?:solidly|non-?stop|constantly))\b[^\n]{0,40}\b(?:\d+|two|three|four|five|"
        r"six|seven) days\b",
        r"\b(?:restricting|purging|bingeing and purging) again\b|\bmade (?:myself|SELF) sick\b(?! (?:with|from|worrying|laughing|"
        r"eating too|on)\b)",
        # delirium with an infection, mostly in older people
        r"\b(?:confused|delirious|not making sense)\b[^.?!]{0,40}\b(?:water infection|uti|chest infection|infection)\b|"
        r"\b(?:water infection|uti|chest infection)\b[^.?!]{0,40}\b(?:confused|delirious)\b",
        r"\bchemo\w*\b[^\n]{0,60}\b(?:hot and shivery|shivery|shivering|feverish|rigors|flu[- ]?like)\b(?![^.?!]{0,40}"
        r"\b(?:cold cap|scalp cooling|air con|freezing in)\b)",
        # an eating disorder at a dangerous stage
        r"\b(?:stopped eating|barely eating|not eating|refusing (?:to eat|food))\b[^.?!\n]{0,60}\b(?:lost (?:so much|loads of|a "
        r"lot of|\d+ ?(?:kg|kilos|stone|lbs|pounds)) (?:of )?weight|hiding food|making (?:herself|himself) sick|purging)\b",
        r"\bmaking (?:herself|himself|myself) sick after (?:meals|eating|dinner|tea|food|every meal)\b",
        # a transplanted organ that hurts or makes little urine: signs of rejection
        r"\b(?:new|transplant(?:ed)?|donor) (?:kidney|liver|lungs?|heart|pancreas)\b[^.?!]{0,30}\b(?:tender|sore|painful|hurts|"
        r"hurting|aching|swollen)\b|\bgraft\b[^.?!]{0,20}\b(?:tender|sore|painful)\b",
        r"\b(?:only|barely|hardly) (?:passed|done|had|produced) (?:a )?(?:tiny|little|small) (?:bit|amount) of (?:urine|wee|pee)\b"
        r"|\b(?:urine|wee) output (?:is |has )?(?:dropped|gone down|down|low|tiny)\b",
        # the first days off alcohol or benzodiazepines
        r"\b(?:stopped|quit|off|coming off|since i stopped)\b[^\n]{0,40}\b(?:drinking|drink|booze|alcohol|benzos?)\b(?! (?:coffee|"
        r"tea|fizzy|energy|diet|cola|coke|pop|caffeine|water|squash))[^\n]{0,80}(?<!stopped )(?<!no longer )(?<!not )"
        r"\b(?:shak(?:ing|es|y)|tremors?|sweat(?:ing|s)|heart racing)\b(?! (?:less|anymore|any more|(?:has|have) (?:stopped|"
        r"gone)|stopped|gone))",
        r"\bpressure (?:sore|ulcer)s?\b[^.?!]{0,30}\b(?:to the bone|grade (?:3|4|three|four)|category (?:3|4)|infected|black|"
        r"smells?)\b",
        r"\b(?:restrict\w*|starv\w*|not eat\w*|barely eat\w*|(?:[1-7]\d\d|under \d{3,4}) (?:calories|cals|kcal))\b[^.?!]{0,50}"
        r"\b(?:fainted|passed out|blacked out|collapsed)\b",
        r"\blost (?:\d+|a lot of|loads of) (?:stone|kg|kilos|lbs|pounds|weight)\b[^\n]{0,40}\bwithout (?:trying|dieting|meaning to)\b(?! (?:too |that |very |so )?hard| much)"
        r"(?![^\n]{0,40}\b(?:programme|program|plan|slimming|diet|group)\b)",
        r"\bblood in (?:my|his|her) (?:poo|stool|stools|urine|wee|pee|vomit|sick)\b",
        r"\b(?:baby|bump)(?:'s| has| is)? (?:stopped|not|isn't|hasn't been|been) moving\b(?! (?:house|home|in|out|around|about)\b)|"
        r"\b(?:fewer|less|reduced|no) (?:kicks|movements?)\b(?=[^\n]{0,60}\b(?:since|today|yesterday|all day|this morning)\b)",
        r"\b(?:i've|ive|i have|he's|she's|he has|she has|skin(?:'s| has| is)?|eyes (?:have|are)) (?:gone|turned|turning|going|"
        r"looking) (?:a bit |really |very |quite )?yellow\b",
        r"\b(?:sugars?|bgs?|blood sugar|levels?|glucose|bms?|readings?)\b (?:is |are |'s |at |of |were |was )?(?:2\d|3\d|hi|high)"
        r"(?:\.\d)?\b[^\n]{0,40}\bketones\b|\bketones\b[^\n]{0,40}\b(?:sugars?|bgs?|blood sugar|levels?|glucose|bms?)\b (?:is "
        r"|are |'s |at |of )?(?:2\d|3\d)(?:\.\d)?\b",
        r"\b(?:wound|scar|incision|stitches|cut)\b[^.?!]{0,30}\b(?:hot|leaking|oozing|pus|smells|opened up|gaping)\b",
        r"\b(?:tummy|belly|stomach) (?:is |has )?(?:gone )?(?:swollen|distended|bloated|hard)\b[^.?!]{0,40}\b(?:baby|days old|"
        r"weeks old|hasn't pooed|not pooed)\b|\b(?:baby|days old|weeks old|hasn't pooed|not pooed)\b[^.?!]{0,40}\b(?:tummy|"
        r"belly|stomach) (?:is |has )?(?:gone )?(?:swollen|distended|bloated|hard)\b",
        r"\bdiarrh?o?ea\b[^.?!]{0,30}\b(?:\d+|six|seven|eight|nine|ten) times\b",
        r"\b(?:shaking|shakes|sweating|tremor)\b[^.?!]{0,30}\bwhen i stop\b|\b(?:days|weeks) straight\b[^.?!]{0,40}\b(?:shaking|"
        r"shakes)\b",
        r"\b(?:2\d|3[0-6]) weeks\b[^.?!]{0,40}\b(?:period (?:type |like )?pains|tightenings|contractions|waters)\b",
        r"\bconfused\b[^.?!]{0,30}\b(?:breathless|short of breath|temperature|fever|drowsy|sleepy)\b|\b(?:breathless|short "
        r"of breath|temperature|fever|drowsy)\b[^.?!]{0,30}\bconfused\b",
        r"\b(?:fewer|less|no|hardly any|not many|dry) (?:wet )?nappies\b|\bnappies? (?:are |is |has been )?dry\b",
        r"\bmovements? (?:have |has )?(?:slowed|reduced|stopped|changed|gone quiet)\b",
        r"\b(?:headache|fever|temp|temperature|rash|light)\b[^\n]{0,60}\b(?:stiff neck|neck is stiff)\b|\b(?:stiff neck|neck "
        r"is stiff)\b[^\n]{0,60}\b(?:headache|fever|temp|temperature|rash|light)\b",
        r"\bfistula\b[^.?!]{0,30}\b(?:stopped buzzing|no buzz|not buzzing|can't feel the buzz|stopped working|no thrill)\b",
        r"\b(?:picc|line|port|hickman|catheter)\b[^.?!]{0,30}\b(?:red|sore|swollen|oozing|hot|pus)\b",
        r"\bchest pains?\b[^.?!]{0,40}\b(?:when i walk|walking|uphill|stairs|exercise|on exertion|on and off|all week|for days|"
        r"every day)\b",
        r"\b(?:put on|gained) (?:\d+|two|three) (?:kilos?|kg|pounds|lbs) in (?:\d+|two|three|a couple of) days\b",
        r"\b(?:he's|she's|i'm|skin|eyes) (?:is |are |gone |have gone |has gone |went |look |looks |going |turned |turning )?(?:really |very |quite |so |a bit "
        r"|all )?(?:yellow|jaundiced)\b(?! (?:top|dress|jumper|coat|shirt|card|paint))",
        r"\b(?:withdrawing|coming off|stopped|quit)\b[^.?!]{0,30}\b(?:benzos?|diazepam|xanax|alcohol|drinking|valium|"
        r"clonazepam|lorazepam)\b[^.?!]{0,30}\bcold turkey\b|\bcold turkey\b[^.?!]{0,30}\b(?:benzos?|diazepam|xanax|"
        r"alcohol|drinking)\b",
        r"\bketones\b[^.?!]{0,20}\b(?:1\.[5-9]|[2-9](?:\.\d)?|high)\b|\b(?:pear drops|fruity breath|breath smells (?:like )?"
        r"(?:pear drops|nail varnish|fruity|sweet))\b",
        r"\b(?:(?:[1-9]|1[0-2]) (?:week|wk)s? old|newborn)\b[^.?!]{0,40}\b(?:temp|temperature|fever)\b[^.?!]{0,15}"
        r"\b3[89](?:\.\d)?\b",
        r"\b(?:says|saying|thinks|convinced|believes) (?:that )?(?:people|everyone|the neighbours|the government|someone|they)"
        r"(?:'re| are)? (?:(?:trying to|out to|going to) (?:poison|kill|get|hurt|watch|follow)\b|(?:poisoning|spying on|"
        r"following) (?:him|her|me|them|his|her|my)\b)",
        r"\bthinks? (?:people|someone|they|everyone) (?:are|is) (?:watching|following|listening to) (?:her|him|me)\b"
        r"(?=[^\n]{0,60}\b(?:tv|telly|phone|walls|radio|cameras?))(?![^\n]{0,80}\b(?:dementia|team know|known|managed)\b)",
        r"\b(?:hasn't|hasnt|haven't|havent|not) slept (?:for |in )?(?:\d+|two|three|four|five|several) (?:days|nights)\b[^\n]{0,80}"
        r"\b(?:spent|spending|manic|racing|talking (?:really |so )?fast)\b|\bbipolar\b[^\n]{0,60}\b(?:hasn't|hasnt) slept\b",
        r"\b(?:barely|hardly|not) eating\b[^.?!\n]{0,60}\b(?:faint\w*|passing out|passed out|dizzy)\b",
        r"\bchest\b[^\n]{0,60}\b(?:left )?arm (?:feels |is |has gone |gone )?(?:heavy|numb|tingly|weak|hurts|aching)\b",
        r"\b(?:new |a )?lump\b[^.?!]{0,40}\b(?:getting bigger|growing|bigger)\b|\bnight sweats\b[^.?!]{0,40}\b(?:back|again|lump|"
        r"weight|fever)\b|\b(?:lump|weight loss)\b[^.?!]{0,40}\bnight sweats\b",
        r"\b(?:vomit\w*|throw\w* up|threw up|coughing up|coughed up|sick) (?:up )?(?:some )?blood\b|\bblood in (?:my|his|her) "
        r"(?:sick|vomit)\b",
        r"\bcalf\b[^.?!]{0,40}\b(?:swollen|hot|red|painful|hurts|tender)\b",
        r"\b(?:barely|hardly|not|hasn't|hasnt|won't|wont) (?:fed|feeding|eaten|eating|drinking|taking (?:a |any )?(?:feeds?|"
        r"bottles?|milk))\b[^.?!]{0,40}\b(?:sleepy|drowsy|floppy|lethargic|hard to wake)\b",
        r"\b(?:sugar|bg|bgl|glucose|levels?|bm)\b[^.?!]{0,20}\b(?:over|above|at|of|is|been|hit|'s|s) (?:2\d|3\d)(?:\.\d)?\b"
        r"(?! (?:units|years|mins|minutes|weeks|days|carbs|grams|g\b))",
        r"\b(?:faint|fainted|fainting|pass(?:ed)? out|black(?:ed)? out|go dizzy) (?:when|every time|whenever|each time) i "
        r"(?:stand|get up)\b",
        r"\b(?:can't|cant|haven't|havent|not|didn't|didnt) (?:felt|feel|feeling) (?:the |my )?(?:baby|her|him) (?:move|moving|"
        r"kick\w*)\b"
        r"|\bbaby (?:hasn't|hasnt|has not|isn't|isnt|not|hasnt been|hasn't been) (?:moved|moving|kicked|kicking)\b",
        r"\b(?:stoma|colostomy|ileostomy|bag)\b[^.?!]{0,30}\b(?:no output|not (?:working|had any output)|"
        r"(?:hasn't|hasnt|has not) (?:had any output|worked|done anything|been working))\b",
        r"\b(?:creatinine|rejection (?:signs|markers))\b[^.?!]{0,20}\b(?:up|high|rising|raised|climbing)\b",
        r"\b(?:fever|temperature|temp)\b(?:[^.?!]|\.(?=\d)){0,60}\b(?:chemo|neutropen\w*|transplant|"
        r"immunocompromised)\b",
        r"\bAFTERCARE\b(?:[^.?!]|\.(?=\d)){0,50}\b(?:fever|temperature|temp|38\.\d|39|shivering|rigors)\b",
        r"\b(?:chemo|neutropen\w*|transplant)\b(?:[^.?!]|\.(?=\d)){0,60}\b(?:fever|(?:a|high) (?:temperature|temp)"
        r"(?! (?:of|is|was) 3[0-7](?:\.\d)?\b)|38\.\d|"
        r"39|101|102|103|(?:temperature|temp)(?:'s| is| of)? (?:3[89]|10[0-4]))\b",
        r"\b(?:missed|skipped|skipping|stopped|quit|ran out of|run out of|not taking|haven't taken|can't afford) "
        r"(?:\w+ ){0,4}(?:dialysis|insulin|anti[- ]?rejection|transplant meds|immunosuppress\w*|tacrolimus|prograf|"
        r"cyclosporin\w*|mycophenolate|cellcept|steroids|hydrocortisone|epilepsy meds|keppra|lamotrigine)\b(?! pump| bus| "
        r"transport| taxi| lift| pick ?up)(?![^.?!]{0,40}\bmade it\b)(?![^\n]{0,80}\b(?:rescheduled|rebooked|unit was (?:closed|shut)|"
        r"made (?:it|them) up|swapped)\b)"
        r"(?![^.?!]{0,40}\b(?:as|like) (?:the|my) (?:nurse|doctor|gp|team|consultant) (?:said|told me|advised))",
        r"\bstoma\b[^.?!]{0,40}\b(?:bleeding|purple|black|dark|swollen|not working|stopped working)\b",
        r"\bchest (?:tightness|tight|pains?)\b[^.?!]{0,50}\b(?:chemo|transplant|AFTERCARE|since (?:the )?birth)",
        r"\bblood (?:sugar|glucose) (?:is |of )?(?:[3-9]\d\d|over 300|under [3-5]\d|really (?:high|low))\b",
        r"\b(?:severe|worst) (?:headache|headaches)\b[^.?!]{0,40}\b(?:pregnan|postpartum|blurr|vision)",
        r"\b(?:(?:really )?bad|awful|pounding|splitting|severe) headache\b[^\n]{0,60}\b(?:[23]\d (?:weeks|wks)|pregnan\w*)\b|\b(?:[23]\d (?:weeks|wks)|pregnan\w*)\b[^\n]{0,60}\b(?:(?:really )?bad|awful|pounding|splitting|"
        r"severe) headache\b",
        r"\b(?:itching|itchy)\b[^.?!]{0,40}\b(?:hands and feet|palms|soles)\b[^\n]{0,60}|\b(?:[23]\d (?:weeks|wks)|pregnan\w*)"
        r"\b[^\n]{0,40}\b(?:itching|itchy)\b[^.?!]{0,40}\b(?:hands|feet|palms|soles)\b",
        r"\blithium\b[^\n]{0,60}\b(?:sick|vomit\w*|confused|shaky|shaking|diarrh\w*|unsteady)\b|\b(?:sick|vomit\w*|confused|"
        r"shaky|unsteady)\b[^\n]{0,60}\blithium\b",
        r"\b(?:pregnant|\d+ weeks)\b[^\n]{0,60}\b(?:pain|cramp\w*) (?:on|in|down) (?:one|my (?:left|right)|the (?:left|right)) "
        r"side\b",
        r"\b(?:postpartum|after birth|since (?:the )?birth)\b[^.?!]{0,50}\b(?:fever|bleeding|chest pain|swollen leg)",
        r"\b(?:baby|newborn|\d+ (?:day|week|month)s? old)\b[^.?!]{0,40}\b(?:not feeding|won't feed|not interested in feeding|"
        r"(?:hasn't|hasnt|not) (?:fed|been feeding|feeding) properly|"
        r"fever|temperature|vomiting|lethargic|"
        r"really sleepy|hard to wake|rash|jaundice\w*|won't wake|not waking)\b",
        r"\b(?:wound|incision|scar|stitches|site|line|port|picc)\b[^.?!]{0,30}\b(?:oozing|pus|infected|weeping|"
        r"opening up|burst)\b",
        r"\b(?:haven't|havent|hasn't|hasnt|not) (?:peed|weed|urinated|had a wee|passed urine)\b",
        r"\b(?:hasn't|hasnt|haven't|havent|no) (?:had )?(?:a )?wet (?:nappy|nappies|diapers?)\b",
        r"\b(?:calf|leg|ankle)\b[^.?!]{0,20}\b(?:swollen|hot|red)\b[^.?!]{0,40}\b(?:birth|postpartum|c-section|surgery|"
        r"pregnan|flight)",
        r"\b(?:baby|bub) (?:hasn't|hasnt|has not|isn't|isnt|is not|not) (?:been )?(?:moved|moving|kicked|kicking)\b"
        r"|\breduced (?:fetal |foetal )?movements?\b",
        r"\b(?:headache|vision|seeing spots|swelling)\b[^.?!]{0,50}\b(?:postpartum|post partum|pregnant|after "
        r"(?:the )?birth|since (?:the )?birth)|\b(?:postpartum|post partum|pregnant)\b[^.?!]{0,50}\b(?:headache|"
        r"blurr\w* vision|seeing spots)",
        r"\b(?:can't|cant|couldn't|unable to|not been able to|haven't been able to) keep (?:any |anything )?"
        r"(?:\w+ ){0,4}down\b",
        r"\bpotassium (?:is |was |of |at )?(?:[6-9]\.\d|[6-9])\b",
        r"\b(?:2\d|3\d|4[0-2]) weeks\b[^.?!]{0,60}\b(?:headache|flashing lights|blurr\w*|seeing spots|swollen|swelling|"
        r"swelled|bleeding)",
        r"\bdialysis\b[^.?!]{0,50}\b(?:missed|skipped|haven't been|not been)\b",
        r"\b(?:hasn't|hasnt|haven't|havent|not) (?:eaten or drunk|drunk anything|had a drink|had anything to drink)\b",
        r"\b(?:urine|pee|wee)(?:'s| has| is)? (?![^.?!]{0,60}\b(?:water|drink\w*|dehydrat\w*|beetroot|asparagus|vitamins?)\b)(?:has gone |is |gone |looks |went )?(?:really |very )?(?:dark|brown|red|bloody|cola)\b",
        r"\b(?:having|had|have) an? (?:bad |severe |serious )?allergic reaction\b(?![^.?!]{0,40}\b(?:years|ages|months|"
        r"once) ago\b|[^.?!]{0,40}\b(?:as a (?:kid|child|baby)|when i was)\b)",
        r"\b(?:feel like i'm|feel like i am|going to|gonna|about to) (?:pass out|faint|black out)\b(?! (?:from|of|with) "
        r"(?:boredom|tiredness|exhaustion|laughing|laughter|hunger|excitement))",
        r"\bpregnant\b[^.?!]{0,30}\bbleeding\b|\bbleeding\b[^.?!]{0,30}\bpregnant\b",
        r"\b(?:fever|temperature)\b[^.?!]{0,30}\brash\b|\brash\b[^.?!]{0,30}\b(?:fever|temperature)\b",
        r"\b(?:sugar|sugars|glucose) (?:is |are |'s )?(?:really|very|dangerously|super|so) (?:low|high)\b",
        r"\b(?:legs?|ankles?)\b[^.?!]{0,30}\bswollen\b[^.?!]{0,30}\b(?:breathless|short of breath|can't breathe)\b",
        r"\bsunken (?:soft spot|fontanelle|eyes)\b",
        r"\b(?:child|son|daughter|baby|toddler|kid|little one)\b[^.?!]{0,30}\b(?:really |very )?(?:drowsy|lethargic)\b"
        r"[^.?!]{0,20}\b(?:hard to wake|won't wake|floppy|not responding)\b|\bhard to wake\b",
        r"\bketones (?:are |is )?(?:high|over|above|moderate|large|[1-9])\b",
        r"\b(?:haven't|havent|not|didn't|didnt|couldn't|can't|cant|won't|wont) (?:been to|go to|gone to|make it to|get to|"
        r"attend|get (?:transport|a lift) to|face going to) (?:my )?dialysis\b(?![^.?!]{0,40}\b(?:moved|rebooked|fitted me in|"
        r"went later|instead)\b)",
        r"\b(?:stitches|wound|incision|scar) (?:have |has |is |are )?(?:come |coming |burst |split |pulled )?"
        r"(?:open|apart)\b",
        r"\b(?:sats|oxygen|o2|spo2|saturation)(?: levels?)? (?:are|is|at|of|down to|dropped to|reading|keep dropping to)? ?(?:[6-8]\d)"
        r"(?:%| percent)?(?! (?:is|are) (?:normal|usual|fine)| for me)(?![^.?!]{0,40}\b(?:normal for|usual for|my target|target)\b)\b",
        r"\b(?:stopped eating|not eating|haven't eaten|havent eaten|barely eating|down to (?:one|an?|half an?) \w+ a day)\b[^\n]{0,60}"
        r"\b(?:heart (?:keeps )?(?:flutter\w*|racing|pounding|skipping|missing beats)|faint\w*|passed out|black(?:ed|ing) out|"
        r"chest pains?)\b",
        r"\b(?:in|having|going into|into) a sickle (?:cell )?crisis\b",
        r"\b(?:drink\w*|wine|vodka|beer|cider|alcohol|booze|spirits|lager)\b[^\n]{0,80}\b(?:shaking|the shakes|tremors?|trembling|"
        r"sweats)\b[^.?!]{0,20}\b(?:in the mornings?|every morning|when i wake|first thing|without a drink|till i have a drink)\b",
        r"\b(?:cuts?|wounds?|incision|scar|stitches|burns?)\b[^.?!]{0,40}\b(?:red and hot|hot and red|pus|oozing|infected|red streaks?)\b"
        r"(?! (?:free|as (?:the|my) (?:nurse|doctor) said))",
        r"\b(?:soft spot|fontanelle)\b[^.?!]{0,20}\b(?:sunken|sunk|dipped|bulging|swollen)\b",
        r"\b(?:hallucinat\w*|seeing things|delirious)\b[^\n]{0,60}\b(?:since|after) (?:they |the doctor |the gp |the hospital |he |she |i )?"
        r"(?:changed|started|upped|increased|switched|doubled) (?:his |her |my |the )?(?:\w+\x27s )?(?:\w+ ){0,2}(?:meds|medication|tablets|"
        r"pills|dose)\b",
        # fluid coming back: weight gained in days beside swollen ankles or failing kidneys or heart
        r"\b(?:put on|gained) (?:\d+(?:\.\d+)? ?(?:kg|kilos?|lbs?|pounds)|(?:a|two|three) (?:kilos?|pounds)) in (?:a|one|two|three|\d+) "
        r"days?\b(?=[^\n]{0,80}\b(?:heart failure|ankles?|legs|swollen|swelling|breathless|fluid|kidney|dialysis)\b)",
        r"\b(?:heart failure|ankles?|swollen|swelling|breathless|fluid|kidney|dialysis)\b[^\n]{0,80}\b(?:put on|gained) (?:\d+(?:\.\d+)? "
        r"?(?:kg|kilos?|lbs?|pounds)|(?:a|two|three) (?:kilos?|pounds)) in (?:a|one|two|three|\d+) days?\b",
        r"\bbmi (?:is |of |at |down to |dropped to |now )?(?:1[0-5]|[5-9])(?:\.\d)?\b",
        r"\b(?:haven't|havent|not|didn't|hasn't|hasnt) (?:eaten|had anything to eat|had any food) (?:anything |a thing )?(?:in|for) "
        r"(?:\d+|four|five|six|seven|eight|nine|ten|a|over a|more than a) (?:days|weeks|week)\b",
        r"\bno (?:wee|pee|urine|wet nappy|wet nappies)\b[^.?!]{0,15}\b(?:for|in|since)\b|\b(?:hasn't|haven't|hasnt|havent|not) (?:weed|peed|"
        r"had a wee|passed urine)\b[^.?!]{0,10}\b(?:for|in|since|all day)\b",
        r"\b(?:really bad|severe|terrible|agonising|agonizing|awful) (?:tummy|stomach|abdominal|belly) pain\b[^.?!]{0,30}\b(?:vomit\w*|being "
        r"sick|throwing up|fever)\b",
        r"\bheadache\b[^.?!]{0,40}\b(?:blurred|blurry|double|loss of|lost|losing) (?:vision|sight)\b|\b(?:blurred|blurry|double) vision\b"
        r"[^.?!]{0,40}\bheadache\b",
        r"\bblack (?:poo|stools?|tarry stools?)\b(?![^\n]{0,60}\b(?:iron|bismuth|pepto|liquorice|licorice|blueberr\w*)\b)",
    ),
    *_rules(
        Kind.POSTPARTUM_HARM,
        r"\bhearing (?:the baby|her|him|my baby) cry(?:ing)?\b[^.?!]{0,40}\b(?:asleep|not crying|isn't crying|when (?:she|he) "
        r"(?:isn't|is not|'s not))",
        r"\b(?:want|wanting|urge) to (?:throw|drop|shake|smother|suffocate|hurt) (?:the baby|my baby|her|him)\b(?=[^\n]{0,60}"
        r"\b(?:baby|help)\b)",
        r"\b(?:i'm|im|i am) (?:a )?danger to (?:my|the) (?:baby|son|daughter|kids|children|little one)\b",
        r"\b(?:picturing|imagining|keep thinking about|can't stop thinking about|cant stop thinking about)\b[^.?!]{0,40}"
        r"(?:\bholding (?:her|him|them) under\b|\b(?:smother\w*|drown\w*|suffocat\w*|dropping|shaking) (?:the baby|my baby|her|"
        r"him|my (?:son|daughter)|them)\b)",
        r"\b(?:the |my )?baby (?:is|has been) (?:evil|possessed|the devil|not mine|swapped|been swapped)\b",
        r"\b(?:hurt|harm|drown|smother|shake|shook|suffocat\w*|throw) (?:the|my|our) (?:baby|newborn|son|daughter)\b",
        r"\b(?:intrusive thoughts|thoughts) (?:about|of) (?:hurting|harming|something happening to) (?:the|my) baby",
        r"\b(?:thought|thoughts|urge|urges|image|images|imagine|imagining|picture) (?:of |about )?(?:dropping|"
        r"drowning|hurting|harming|smothering|shaking|throwing|suffocating|stabbing|leaving) (?:the|my|our) "
        r"(?:baby|newborn)\b(?!(?: \w+){0,3} (?:with|at) )",
        r"\b(?:baby|newborn|kids?|children)\b[^.?!]{0,30}\bbetter off without me\b",
        r"\b(?:baby|kids?|children)\b[^.?!]{0,30}\b(?:better (?:off )?|fine |ok |okay |alright )(?:with (?:someone else|another (?:mum|mom|mother|"
        r"family)|(?:her|his|their) (?:dad|father|mum|mom|mother|nan|gran)(?![^.?!]{0,30}\b(?:weekend|tonight|while|for now|"
        r"for the (?:day|week|night)|today|tomorrow)\b))|if i)",
        r"\b(?:thinking about|thoughts of|urge to|imagin\w*|picture|picturing|(?:flashes|images|visions) of) (?:smothering|"
        r"drowning|suffocating|"
        r"shaking|dropping) (?:her|him|them|the baby|my baby)\b",
        r"\b(?:scared|afraid|terrified|worried) (?:that )?i(?:'ll| will|'m going to| might| could) (?:hurt|harm|drop|"
        r"shake|smother) (?:the|my) baby\b",
        r"\b(?:scared|afraid|terrified|worried) (?:that )?i(?:'ll| will|'m going to| might| could) (?:shake|smother|"
        r"drop) (?:her|him)\b",
        r"\b(?:had (?:the|a|our) baby|gave birth|giving birth|since the birth|postpartum)\b[^.?!]{0,80}\b(?:confused|saying strange "
        r"things|not making sense|paranoid|seeing things|manic)\b",
        r"\b(?:hearing|heard) (?:voices|things)\b|\bseeing things that aren't there\b",
        r"\b(?:imagin\w*|picture|picturing|thoughts? of|thinking (?:about|of)|keep seeing) (?:myself )?(?:putting|dropping|drowning|throwing|"
        r"letting go of|smothering|shaking|hurting|harming|killing|suffocating) (?:the|my) (?:baby|newborn|little one)\b(?![^.?!]{0,30}\b(?:to bed|down for|cot|nap)\b)",
        r"\b(?:voices?|a voice)\b[^.?!]{0,30}\b(?:telling|tell|tells|told|saying|says) me to (?:hurt|harm|kill|drown|smother|shake|drop) (?:him|"
        r"her|them|the baby|my baby|my son|my daughter|the kids)\b(?=[^\n]{0,80}\b(?:baby|birth|born|newborn|postnatal|since having)\b)|"
        r"\b(?:baby|birth|born|newborn|postnatal|since having)\b[^\n]{0,80}\b(?:voices?|a voice)\b[^.?!]{0,30}\b(?:telling|tell|tells|told|"
        r"saying|says) me to (?:hurt|harm|kill|drown|smother|shake|drop) (?:him|her|them|the baby|my baby)\b",
    ),
    *_rules(
        Kind.POSTPARTUM,
        r"\bshouldn't have had (?:her|him|a baby|the baby|kids|children)\b|\bnot cut out (?:for|to be) (?:this|a mum|a mother|"
        r"motherhood|being a (?:mum|parent))\b",
        r"\b(?:don't|dont|do not|can't|cant) (?:feel )?(?:bonded|bond|a bond|connected|any connection|any love) (?:to|with|for) "
        r"(?:my|the|her|him) (?:baby|son|daughter|little one)\b",
        r"\b(?:never|not|don't|dont|can't|cant|won't|wont) (?:going to )?bond(?:ed|ing)? with (?:him|her|the baby|my baby)\b",
        r"\bfeel (?:nothing|numb|no (?:love|bond|connection)) (?:when i (?:hold|look at|feed) (?:her|him|the baby|my baby)|"
        r"for (?:her|him|the baby|my baby))\b",
        r"\b(?:can't|cant|don't|dont|struggling to|finding it hard to) (?:bond|connect|feel anything for|love) (?:with )?"
        r"(?:my|the) (?:baby|newborn)\b",
        r"\b(?:feel|feeling|felt) nothing (?:for|towards) (?:my|the|her|him) (?:baby|newborn|son|daughter)\b",
        r"\bregret (?:having|becoming) (?:my|the|a) (?:baby|mum|mom|mother|child)\b",
        r"\b(?:postpartum|post partum) (?:depression|rage|anxiety|psychosis|ocd|blues)\b|\bppd\b|\bppa\b",
        r"\b(?:terrible|bad|awful|failure as a|failing as a|worst) (?:mum|mom|mother)\b",
        r"\b(?:nightmares|flashbacks) (?:about|of) (?:the|my) (?:birth|labour|labor|delivery)\b|\bbirth trauma\b"
        r"|\bbaby blues\b|\bhate being a (?:mum|mom|mother|parent)\b|\bmiss my old life\b|\bmistake having (?:a baby|him|her|kids)\b",
        r"\b(?:angry|rage|furious|resent\w*)(?: at| with| towards)? (?:the|my) (?:baby|newborn)\b",
        r"\bsnapped at (?:the baby|my baby|the kids|my kids|the children|my newborn)\b",
        r"\b(?:haven't|havent|not|never) slept\b[^\n]{0,40}\bsince (?:the birth|she was born|he was born|the baby came|having (?:her|"
        r"him|the baby))\b[^\n]{0,60}\b(?:zombie|exhausted|can't cope|not coping|hollow|numb|empty|broken|falling apart)\b",
        r"\bsince (?:the baby|having (?:her|him|the baby)|giving birth|the birth|she was born|he was born)\b[^.?!]{0,40}\b(?:cry|crying|"
        r"cried|sobbing|in tears|can't stop crying)\b(?![^\n]{0,40}\b(?:adverts?|hormones|lol|haha|happy tears|films?|tv|soaps?)\b)",
    ),
    *_rules(
        Kind.DISTRESS,
        r"\bnightmares about what (?:he|she|they) did\b|\bflashbacks? (?:to|of|about) (?:what|when) (?:he|she|they)\b",
        r"\b(?:feel|feeling) like a prisoner\b|\bprisoner in my own (?:home|body|house)\b",
        r"\b(?:feel|feeling) (?:like )?(?:i'm |im |i am )?(?:already dead|dead inside)\b",
        r"\b(?:feel|feeling) like (?:i'm|im|i am) failing (?:her|him|them|my baby|my (?:son|daughter|kids))\b|\bno (?:joy|"
        r"pleasure|interest) in anything\b|\bdepression(?:'s| is| has come) back\b",
        r"\bdrink(?:ing)? (?:myself )?(?:to|till|until) (?:i )?black(?: |-)?out\b",
        r"\b(?:don't|dont|can't|cant) see (?:a|any) future (?:for myself|for me)\b",
        r"\bstopped (?:seeing|talking to|going out with) (?:his|her|their|my) friends\b|\b(?:he|she|i) (?:just )?sleeps? all "
        r"day\b",
        r"\bdone with everything\b(?! (?:on|in|for|at|from|i)\b)",
        r"\b(?:life|living|everything|it all)(?:'s| is) (?:just |so |way )?too (?:hard|much)\b(?! fun\b)(?! (?:to|for) (?:\w+ )?"
        r"(?:list|explain|fit|carry|do|lift|eat|write|type|read|say|remember)\b)",
        r"\b(?:screwed|messed|fucked|stuffed) up (?:everything|my (?:whole |entire )?life)\b|\bnothing (?:really )?matters "
        r"(?:anyway|anymore|any more)\b",
        r"\b(?:there's|there is|theres) no (?:meaning|point|purpose) (?:in|to) (?:any of (?:it|this)|anything|my life|life)\b",
        r"\b(?:i'm|im|i am) (?:so |just |fucking |completely |honestly )?done\W*(?:$|[.!?\n])(?![^\n]{0,40}(?:🎉|🥳|\bfinished\b|"
        r"\byay\b|\bwoo|\bhooray\b|\bexams?\b))",
        r"\b(?:don't|dont) know how to (?:carry on|keep going|go on)\b(?![^.?!]{0,30}\band i (?:don't|dont) want to\b)|\b(?:this|it) (?:isn't|isnt|is not|'s not) (?:even )?"
        r"living (?:anymore|any more)\b",
        r"\b(?:gonna|going to|about to) snap\b|\b(?:i'm|im|i am) done trying\b(?! to)|\bfeel (?:myself|me) (?:breaking|falling "
        r"apart|slipping)\b",
        r"\bi (?:want|need) out\W*(?:$|[.!?\n])",
        r"\b(?:if|whether) i(?:'ll| will| can)? make it through (?:tomorrow|tonight|the night|the weekend|another day)\b",
        r"\b(?:can't|cant|cannot) (?:stand|take|bear) (?:this|the) (?:loneliness|pain|emptiness) (?:one|any) (?:more|longer)\b",
        r"\b(?:haven't|havent|not|never) felt (?:any )?(?:joy|happy|happiness|anything|myself) (?:in|for) (?:months|weeks|years|"
        r"ages|a long time)\b|\b(?:i'm|im|i am|feel|feeling) (?:\w+ ){0,3}resentful\b",
        r"\b(?:can't|cant|cannot) be bothered (?:with|doing) (?:anything|everything|life)\b|\blost (?:all )?(?:my )?"
        r"motivation\b(?! (?:for|to) (?:the|my|this|that|go|do|work|cook|clean|study|revise|exercise)\b)",
        r"\b(?:i'm|im|i am|feel like i'm|feel like im|think i'm) losing it\b(?! (?:with|at|over)\b)|\b(?:tired|sick) of "
        r"pretending (?:i'm|im|to be|everything's|everything is) (?:ok|okay|fine|happy|alright|coping)\b",
        r"\b(?:feel like|i'm|im|i am|like) a ghost\b|\b(?:stopped|not) eating (?:properly|at all|much)\b",
        r"\b(?:don't|dont|can't|cant) see the point\W*(?:$|[.!?\n])|\b(?:angry|irritable|snappy|on edge) all the time\b"
        r"(?! (?:about|at|with|over)\b)",
        r"\b(?:haven't|havent|have not|not) (?:left|been out of) (?:the|my) (?:house|flat|room|bed) (?:in|for) (?:days|weeks|"
        r"months|\w+ (?:days|weeks|months))\b(?![^.?!]{0,50}\b(?:snow\w*|flu|covid|virus|bug|cold|ill|sick|isolating|rain|"
        r"storms?|weather|surgery|op|operation|broken|cast|crutches|newborn|baby)\b)",
        r"\b(?:stopped|haven't been|havent been|not been) (?:answering|picking up) (?:my )?(?:phone|calls|messages|texts|"
        r"the door)\b(?! (?:to|from|at work|while))",
        r"\b(?:watching|watch) (?:myself |my life )?from (?:the )?outside\b|\bi feel nothing\b(?! (?:for|about) (?:him|her|"
        r"them|it)\b)",
        r"\b(?:can't|cant|cannot) do (?:another|one more) (?:week|day|night|month)\b",
        r"\bwalking on eggshells\b",
        r"\b(?:i can't|i cant|i won't|i wont) survive (?:this|that|it)\b|\bhope is gone\b",
        r"\b(?:i|i'm|im) (?:always )?(?:ruin|ruining|mess up|messing up|wreck|wrecking) everything\b",
        r"\b(?:nobody|no one|noone)(?: in my \w+)? (?:cares|gives a \w+) about me\b",
        r"\bnot as strong as (?:everyone|people|they|you all) (?:thinks?|think i am)\b",
        r"\bwant to (?:disappear|run away|hide) for (?:a|a few|a couple of|some) (?:days|weeks|while)\b",
        r"\b(?:i'm|im|i am|feeling) (?:so |really |very |just )?(?:low|down)\b(?! (?:on|in) (?:energy|iron|sugar|potassium|"
        r"blood)| (?:here|there|the|at|to|for|with|now,? (?:thanks|thank))\b)",
        r"\b(?:so|really|always) angry (?:at|with) (?:my|the) (?:son|daughter|kids|baby|children|husband|wife)\b|\bwhat kind "
        r"of (?:a )?(?:mum|mom|mother|dad|father|parent) i am\b",
        r"\b(?:i'm|im|i am|i feel) (?:so |completely |totally |just )?(?:useless|pathetic|a mess)\b",
        r"\b(?:can't|cant|don't|dont) see (?:the|any) point (?:in|of) (?:any of (?:it|this)|anything|it)\b",
        r"\beverything (?:is|feels like|'s) (?:such )?an? (?:effort|struggle|chore)\b",
        r"\b(?:ate|eat|eating|binged?) (?:until|till|til) i (?:was|am|felt) sick\b",
        r"\b(?:don't|dont) know who i am (?:anymore|any more)\b",
        r"\b(?:i've|ive|i have) had enough\W*$|\b(?:i've|ive|i have) had enough of (?:everything|it all|life|this life)\b",
        r"\b(?:i )?just want (?:it|the pain|this) to stop\b",
        r"\b(?:i'm|im|i am) (?:so |just |really )?done with (?:everything|it all|all of (?:it|this)|life|this life)\b"
        r"(?! (?:on|in|for|at|from)\b)",
        r"\bnothing (?:feels|seems|is) worth (?:it|doing|anything|the effort)\b",
        r"\b(?:i|and i)[ ](?:just )? => (?:don't|dont) care (?:anymore|any more|about anything|what happens)\b",
        r"\band i[ ](?:just )? => (?:don't|dont) care\W*$",
        r"\b(?:haven't|havent|not) (?:eaten|slept) (?:in (?:days|\d+ days|a week)|(?:properly|anything|a thing) (?:in|for) "
        r"(?:days|\d+ days|a week|weeks|months))\b",
        r"\bhopeless\w*\b",
        r"\b(?:what's|whats|what is) the point\b|\bwhy (?:i |do i |should i )?(?:even )?bother\b",
        r"\bno point (?:in )?(?:anything|trying|any of (?:it|this))\b",
        r"\b(?:can't|cant|cannot|don't think i can) (?:cope|go on|keep going|take (?:it|this|much more)|do this)"
        r"(?: anymore| any more| any longer)?\b",
        r"\b(?:don't|dont|do not|idk|not sure) (?:know )?how (?:much )?(?:longer|much more) i can (?:do|take|cope|go on|"
        r"keep)",
        r"\bi (?:can't|cant|cannot) (?:do this |do it |take it |cope )?any ?more\b",
        r"\b(?:giving|give|given) up\b(?! (?:\w+ )?(?:for lent|chocolate|smoking|sugar|alcohol|booze|meat|caffeine|coffee|"
        r"crisps|fizzy|cigarettes|vaping|my seat|the car|dairy|gluten|carbs|bread|wine|beer|my (?:job|spare|place|room)))",
        r"\bworthless\b|\bsuch a failure\b|\b(?:a|such a) burden\b",
        r"\bhate (?:myself|my life|my body)\b(?! for (?:eating|buying|forgetting|missing|skipping|having (?:a|that|the|"
        r"another) (?:\w+ )?(?:cake|biscuit|takeaway|pizza|chocolate|drink|glass)))",
        r"\b(?:so|all|completely|totally) alone\b|\b(?:nobody|no one|noone) (?:cares|would care|would notice)\b",
        r"\b(?:falling|fell) apart\b|\bbreaking down\b|\b(?:can't|cant) stop crying\b|\bcried all (?:day|night)\b",
        r"\b(?:numb|empty inside|dead inside)\b(?![^.?!]{0,30}\b(?:dentist|injection|anaesthetic|fingers|toes|cold|feet|hands)\b)|\b(?:feel|feeling|felt) (?:so |really |completely |just )?empty\b",
        r"\bburn(?:ed|t)? ?out\b|\bburning out\b",
        r"\b(?:so|really|completely|utterly|totally|beyond|just) (?:exhausted|drained|overwhelmed)\b",
        r"\b(?:overwhelmed|at breaking point|at the end of my (?:rope|tether)|at my wits end|running on empty)\b",
        r"\bbarely (?:holding on|hanging on|coping|surviving)\b|\bhanging on by a thread\b",
        r"\b(?:feel|feeling) (?:so |really |completely )?(?:disconnected|detached|cut off)\b",
        r"\bdeserves? (?:a )?better (?:mum|mom|mother|dad|father|parent|wife|husband)\b",
        r"\bon edge (?:all the time|constantly|every day)\b",
        r"\b(?:everything|life|the world) (?:feels|seems|is|looks) (?:so )?(?:grey|gray|pointless|meaningless|bleak)\b",
        r"\b(?:not sure|don't know if|don't think) i can keep (?:doing this|going|going on|this up)\b",
        r"\b(?:there's|there is) no future for me\b|\b(?:can't|cant) see a future\b",
        r"\b(?:trapped|stuck) (?:in|with) (?:this|my life)\b|\bno way out\b",
        r"\b(?:i'm|im|i am|i feel|feeling) (?:so |really |very )?(?:depressed|miserable|desperate|broken)\b",
        r"\bpanic attacks?\b",
        r"\b(?:i'm|im|i am) not (?:ok|okay|coping|doing (?:well|ok|okay))\b",
        r"\b(?:resent|resenting) (?:him|her|them|my (?:mum|mom|dad|husband|wife|son|daughter))\b",
        r"\b(?:i'm|im|i am|i feel like i'm) (?:just )?(?:drowning|sinking)\b(?! in (?:paperwork|work|laundry|emails?|"
        r"admin|homework|nappies|diapers))",
        r"\b(?:i'm|im|i am|i've been|ive been|been) (?:really |so |just |properly |honestly )?struggling\b"
        r"(?! to (?!cope|keep|get out of bed|hold on|stay|function|go on))",
        r"\bisolat(?:ed|ing) SELF\b|\b(?:been|i'm|im|keep) isolating\b",
        r"\b(?:don't|dont) want to do anything(?: anymore| any more)?\b",
        r"\b(?:hard|struggle|struggling|can't|cant|couldn't) (?:to )?get (?:up|out of bed)\b",
        r"\bfailing (?:at )?(?:everything|everyone|my (?:kids|children|son|daughter|family|baby|boys|girls))\b|\b(?:i'm|im|i am|i feel like) (?:such )?a failure\b",
        r"\b(?:nobody|no one|noone) (?:understands|gets it|listens)\b",
        r"\b(?:harder|hard|struggle|struggling) to keep going\b",
        r"\b(?:run|running) away and never (?:come|coming) back\b|\bjust to feel nothing\b",
        r"\b(?:can't|cant|cannot) (?:live|go on|keep living|carry on|keep going) like this\b",
        r"\bdark (?:thoughts|place)\b|\bspiral(?:l)?ing\b|\b(?:i'm|im|i am|i feel like|feel like|just|such) (?:a |such a |a total |a "
        r"complete )?waste of (?:space|oxygen|air)\b",
        r"\b(?:everyone|everybody) hates me\b|\b(?:nobody|no one) (?:needs|wants) me\b|\b(?:the world|nobody|no one) "
        r"(?:doesn't|does not) (?:need|want) me\b",
        r"\b(?:there's|there is|theres) no point\b(?! (?:in )?(?:worrying|arguing|stressing|rushing|waiting|asking))",
        r"\b(?:so|really|very|too) stressed\b|\b(?:can't|cant) think straight\b",
        r"\b(?:haven't|havent|hasn't|hasnt|not|didn't) (?:left|got out of|gotten out of|been out of) (?:my |his |her |the )?"
        r"(?:bed|room|bedroom)\b(?![^.?!]{0,40}\b(?:snow|flu|covid|ill|sick|poorly|revising|exams?|op|operation|surgery)\b)",
        r"\b(?:never|won't ever) (?:get|feel) (?:better|normal|happy|ok|okay)\b",
        r"\bbinge?d? again\b|\bfeel disgusting\b|\bdisgusted with SELF\b",
        r"\blet(?:ting)? (?:everyone|everybody|you all|my (?:family|kids|son|daughter)) down\b",
        r"\b(?:tired|sick) of everything\b|\b(?:it's|its|everything is|everything's|it is) (?:all )?(?:just )?too "
        r"much\b",
        r"\bnothing (?:helps|works|matters)(?: anymore| any more)?\b",
        r"\b(?:stopped|quit|stopping) (?:taking )?my (?:antidepressants|meds|medication|lithium|sertraline)\b",
        r"\b(?:so|really|very|incredibly) lonely\b",
        r"\b(?:can't|cant|couldn't) get out of bed\b",
        r"\b(?:constantly|always|so|really|very) (?:anxious|on edge|panicking)\b|\b(?:can't|cant) switch (?:my (?:brain|mind|"
        r"head) )?off\b",
        r"\b(?:don't|dont|not) enjoy(?:ing)? anything\b|\bnothing (?:makes me happy|brings me joy)\b",
        r"\b(?:so |really )?(?:irritable|snappy)\b|\b(?:don't|dont) recogni[sz]e myself\b",
        r"\b(?:haven't|havent|not) had a (?:break|day off|night off|rest) (?:from \w+ )?in (?:months|years|weeks|ages)\b",
        r"\b(?:i'm|im|i am|feel like i'm) going under\b|\bkeep crying\b|\bcrying in (?:the car|the bathroom|secret)\b",
        r"\b(?:would|could) (?:cope|manage) (?:fine |just fine )?without me\b",
        r"\b(?:don't|dont|do not) have (?:anyone|anybody) to talk to\b|\bno (?:one|body) to talk to\b",
        r"\b(?:losing|lost) (?:all )?hope\b|\b(?:don't|dont|can't|cant) see (?:things|it|anything) getting better\b",
        r"\b(?:i've|ive|i have) (?:just )?shut down\b|\b(?:i'm|im) shutting down\b",
        r"\b(?:is|it's|its|are) (?:destroying|breaking) me\b|\blosing my mind\b|\brock bottom\b",
        r"\b(?:cry|crying) (?:too|all the time|every day|constantly)\b",
        r"(?<!sugar.s )(?<!sugars )(?<!levels )\b(?:feel|feeling|felt|been) (?:so |really |very |pretty |quite |a bit )?(?:low|"
        r"down|flat)\b(?! (?:on|in) "
        r"(?:energy|iron|sugar|potassium|blood))",
        r"\b(?:feel|feeling) trapped\b|\b(?:can't|cant) see a way (?:forward|out)\b",
        r"\b(?:tired|sick|exhausted) of (?:fighting|trying|struggling|being (?:strong|sick|ill))\b(?! (?:with|about|over|for|"
        r"against|to get)\b)",
        r"\b(?:can't|cant|couldn't) (?:leave|face leaving) the house\b|\banxiety is (?:crippling|unbearable|through the "
        r"roof|out of control)\b",
        r"\b(?:i'm|im|i am|been) not sleeping\b",
        r"\b(?:don't|dont|do not|can't|cant|cannot) see (?:a|any) future\b(?! (?:in|for|with) (?:this|that|the|it|us|our|them|him|her)\b)",
        r"\b(?:losing|lost) myself\b(?! in (?:a|the|my) (?:book|music|game|film|show|series|work|garden))",
        r"\b(?:i'm|im|i am|feel|feels) (?:like )?(?:i'm |im |i am )?already (?:gone|dead)\b(?! (?:to|for|home|out|from|by|on)\b)",
        r"\bsleep(?:ing)? (?:1[2-9]|twenty) (?:\+ )?hours? (?:a day|a night|every day|straight)\b",
    ),
    *_rules(
        Kind.THIRD_PERSON_RISK,
        r"\b(?:drew|drawn|drawing|draws|painted|paints) (?:herself|himself|themselves|themself) (?:hanging|dead|dying|in a coffin|"
        r"with a noose|bleeding|cutting)\b",
        r"\b(?:giving|given|gave) (?:away |his friends |her friends |people |everyone )?(?:all )?(?:of )?(?:her|his|their) "
        r"(?:\w+ )?(?:things|stuff|belongings|possessions|clothes|games|jewel\w*)\b[^\n]{0,40}\bwon'?t need (?:them|it)\b",
        r"\b(?:writing|talking|drawing|posting) about (?:death|dying)\b[^\n]{0,60}\b(?:doesn't|doesnt|does not) see the point\b",
        r"\b(?:joking|jokes|joked|talking|talks|talked|going on) about (?:(?:wanting to|want to) (?:die|end (?:her|his|their) "
        r"(?:own )?life)|ending (?:her|his|their) (?:own )?life|(?:killing|hurting|hanging|shooting) (?:himself|herself|"
        r"themselves|themself))\b",
        r"\b(?:giving|given|gave) (?:away )?(?:all )?(?:of )?(?:her|his|their) (?:things|stuff|belongings|possessions|favourite "
        r"things|clothes|games|jewel\w*)(?: away)?\b(?![^.?!]{0,40}\b(?:charity|moved|moving|move|emigrat\w*|downsiz\w*|"
        r"clear\w* out|outgrown|birthday|christmas)\b)",
        r"\b(?:wants?|asked|asking|begged|begging) (?:me|us) to help (?:her|him|them) (?:end it|die|end (?:her|his|their) life)\b",
        r"\b(?:KIN|he|she|they)(?:'s| is| are| has been| have been| been| keeps| started) (?:\w+ ){0,2}(?:cutting|self[- ]?harming)"
        r"\b(?! (?:the|a|an|his|her|my|some|up|out|down|back|in|through|off|hair|grass|cake|paper|vegetables|class|school|"
        r"teeth|corners|ties|costs|it|them)\b)",
        r"\b(?:found|hidden|hiding|hid) (?:razor )?blades (?:in|under) (?:her|his|their) (?:room|bag|drawer|bed)\b",
        r"\b(?:psychotic|hearing voices|paranoid|manic)\b[^\n]{0,60}\b(?:won't|wont|refuses to|refusing to|stopped|not) "
        r"(?:take|taking) (?:his|her|their) (?:meds|medication|tablets|injection)\b|\bthinks (?:we're|we are|i'm|people are|"
        r"everyone is) (?:poisoning|trying to kill|after) (?:him|her|them)\b",
        r"\bvoices (?:are )?(?:telling|tell|told|keep telling) (?:him|her|them) (?:to (?:kill|hurt|harm|end)|(?:he|she|they)(?:'d| "
        r"would| should)? (?:be better off dead|should die|deserves? to die))",
        r"\b(?:asked|asking|asks|keeps asking) (?:me |us )?(?:what happens when (?:you|we|people) die|if (?:dying|it) hurts|what "
        r"(?:it's|it is) like to die|how (?:you|people) die)\b(?=[^\n]{0,80}\b(?:low|down|sad|withdrawn|not (?:herself|"
        r"himself)|quiet|struggling|crying|self harm\w*|hurt(?:ing)? (?:herself|himself))\b)",
        r"\b(?:he|she|they|KIN)(?:'s| has| have)? (?:\w+ ){0,3}(?:hasn't|haven't|has not|not) (?:taken|had|done) (?:her|his|their) "
        r"insulin (?:for|in) (?:\d+|two|three|four|a few|several) (?:days|doses)\b",
        r"\b(?:he|she) (?:won't|wont|will not|isn't going to|is not going to) be (?:around|here) (?:much longer|for long|"
        r"anymore|any more)\b(?=[^\n]{0,80}\bgiv(?:ing|en|e) (?:away )?(?:all )?(?:his|her) \w+)",
        r"\b(?:he|she)(?:'s| is| has) (?:been )?(?:talking about|saying) (?:how )?(?:she|he)(?:'d| would)? (?:wants? to|like to) "
        r"(?:join|be with) (?:her|his) (?:late )?(?:husband|wife|partner|son|daughter|mum|mom|dad)\b(?=[^\n]{0,60}\b(?:died|"
        r"passed|gone|lost|late|heaven|grave|funeral)\b)",
        r"\bDWELL (?:about |of )?(?:killing|hurting|ending) (?:himself|herself|themselves|themself|his life|her life|their "
        r"life)\b",
        r"\b(?:cutting|cuts|burning|burns|scratching) (?:his|her|their) (?:arms?|wrists?|legs?|thighs?|skin|stomach)\b",
        r"\b(?:missing|gone missing|disappeared|hasn't come home|not come home|didn't come home)\b[^\n]{0,80}\b(?:low|"
        r"depressed|struggling|not (?:herself|himself|themselves))\b",
        r"\b(?:my )?KIN (?:\w+ ){0,5} => \b(?:talks?|talking|keeps? talking|said|says|told me|texted|wrote|posted) "
        r"(?:about |that )?(?:(?:he|she|they) )?(?:wants? to die|dying|death|killing (?:himself|herself|themselves|themself)|"
        r"not wanting to (?:live|be here)|suicide|ending (?:it|things|it all|(?:his|her|their) life)|not being (?:here|around)|"
        r"hurting (?:himself|herself|themselves|themself))(?![^.?!]{0,40}\b(?:since|after) (?:\w+ ){0,3}(?:died|passed|death|"
        r"funeral)\b)",
        r"\bgiv(?:ing|en|e) away (?:all )?(?:of )?(?:her|his|their) (?:things|stuff|belongings|jewel\w*|clothes|books|"
        r"possessions|savings|pets?|cat|dog)\b",
        r"\b(?:starving|starved|starve) (?:himself|herself|themselves)\b|\bmak(?:e|es|ing) (?:himself|herself|themselves) "
        r"(?:sick|throw up|vomit)\b",
        r"\b(?:nobody|no one|noone) (?:would|will) (?:even )?(?:miss|notice|care about) (?:him|her|them) if (?:he|she|they) "
        r"(?:was|were|died|disappeared)\b",
        r"\b(?:banging|hitting|biting|scratching) (?:his|her|their) (?:head|hands?|arms?|face|skin)\b[^.?!]{0,30}\b(?:bleed|"
        r"bleeds|bled|bruise|bruises)\b",
        r"\b(?:worried|scared|afraid|terrified) (?:that )?(?:my \w+|he|she|they)(?:'s| is| are)? (?:going to|gonna|might|"
        r"will|could) (?:hurt|harm|kill) (?:himself|herself|themselves)\b",
        r"\b(?:he|she|they|KIN)(?:'s|'d|'ve)? (?:\w+ ){0,2} => \b(?:took|swallowed|taken) (?:a (?:bunch|handful|bottle|box) of |all (?:of )?|"
        r"too many (?:of )?|\d+ )(?:(?:his|her|their|the|my) )?(?:\w+ ){0,2}PILLS\b(?! (?:this morning|today|tonight|on time|"
        r"without a fuss|with (?:food|breakfast|lunch|dinner|tea)|as prescribed))",
        r"\b(?:stockpil\w*|hoard\w*|saving up|stash\w*|collect\w*) (?:his|her|their) (?:\w+ )?PILLS\b",
        r"\b(?:want|wants|wanted|wish|wishes) to (?:go to heaven|be in heaven|be with (?:\w+ ){0,2}in heaven)|\bgo to heaven "
        r"to be with\b",
        r"\b(?:drawing|drew|draws|writing|wrote|writes) (?:a )?(?:pictures? |stories |story |poems? |notes? )?(?:of |about )(?:himself|"
        r"herself|themselves) (?:dead|dying|hanging|killing|in a (?:coffin|grave)|with a noose)|\b(?:drawings?|stories|poems) about (?:death|dying|suicide|"
        r"killing (?:himself|herself))\b",
        r"\b(?:he|she|they|KIN)(?:'s|'d|'ve)? (?:\w+ ){0,2} => \b(?:cut|cuts|cutting|hurt|hurting|harming) (?:himself|herself|themselves|themself)\b",
        r"\b(?:cutting|harming|burning|self-harming|self harming) (?:himself|herself|themselves|themself)\b",
        r"\b(?:he|she|they|KIN)(?:'s|'d|'ve)? (?:\w+ ){0,2} => (?:is|are|'s|seems|sounds) (?:really )?(?:suicidal)\b",
        r"\b(?:says|said|saying|thinks|told me|keeps saying|feels|talking about how|talks about how) (?:that )?(?:we|everyone|"
        r"they|the family|people|the kids)(?:'d| would| will)? (?:be )?(?:better off|better|happier) without (?:him|her|them)\b",
        r"\b(?:saying|says|said|keeps saying) (?:he's|she's|they're|he is|she is) ready to (?:go|die|be with \w+)\b(?! (?:home|"
        r"out|back|to|for))",
        r"\b(?:he|she|KIN)[ ] => (?:says|said|thinks|feels|keeps saying) (?:he's|she's|he is|she is) (?:just )?a burden\b",
        r"\b(?:says|said|thinks|feels|keeps saying)\b[^.?!]{0,40}\b(?:we|everyone|the family|the kids|the baby|her kids|his kids)(?:'d| would)? "
        r"(?:all )?be (?:better off|happier) without (?:him|her|them)\b",
        r"\b(?:he|she|they|KIN)(?:'s|'d|'ve)? (?:\w+ ){0,2} => (?:took|taken|swallowed|got into) (?:his|her|their|my) \w+'s (?:\w+ )?"
        r"PILLS\b",
        r"\b(?:hiding|hidden|hides|found|finding|keeps? finding) (?:\w+ )?(?:razors?|razor blades?|blades)\b[^\n]{0,30}\b(?:in|under) "
        r"(?:her|his|their) (?:room|bed|drawers?|bag|pencil case|mattress|pillow|wardrobe)\b(?![^\n]{0,40}\b(?:craft|art|kit|"
        r"sharpener|project|shav)\w*)",
        r"\b(?:her|his|their) (?:arms|legs|wrists|thighs) (?:are|were) (?:all )?(?:covered(?: in (?:cuts|scars|scratches|marks|slashes))?|"
        r"cut up)\W*(?:$|[.!?\n])",
        r"\b(?:talk(?:s|ing|ed)? about|keeps? saying (?:he|she)(?:'s| is| wants to be)?|says (?:he|she)(?:'s| is| wants to be)?) (?:joining|"
        r"being with|going to (?:join|be with)|ready to (?:join|go to)) (?:nan|grandad|grandma|grandpa|granny|his wife|her husband|"
        r"(?:his|her) (?:late )?\w+|mum|dad|god|jesus)\b[^.?!]{0,20}\b(?:soon|again|in heaven|up there)\b",
        r"\b(?:he|she|they)(?:'s| is| are|'re| has| keeps?)? (?:been |always |started |now |keeps )?(?:talks?|talking) about "
        r"(?:ending (?:it|things|it all|(?:his|her|their) life)|killing (?:himself|herself|themselves)|suicide|dying|not being (?:here|"
        r"around)|topping (?:himself|herself|themselves))\b(?![^.?!]{0,40}\b(?:since|after) (?:\w+ ){0,3}(?:died|passed|death|funeral)\b)",
        r"\b(?:found|finding|hiding|hides|hidden) (?:\w+ )?(?:laxatives|diet pills|ipecac|slimming pills|appetite suppressants)\b"
        r"[^\n]{0,30}\b(?:in|under) (?:her|his|their)\b",
        r"\b(?:dementia|alzheimer\w*)\b[^\n]{0,60}\b(?:wander\w* (?:out|off)|found (?:on|in|wandering)|gone missing|went missing|"
        r"got lost|police (?:found|brought))\b",
        r"\b(?:kids?|children|child|little ones?|baby|toddler|twins)\b[^.?!]{0,30}\b(?:left|leaves|leaving|are left|is left) (?:\w+ )?"
        r"(?:alone|on (?:their|his|her) own|home alone|unsupervised) for (?:days|hours|nights|the whole (?:day|night|weekend))\b",
        r"\b(?:he|she|they|KIN)(?:'s| is| has| have|'ve)? (?:been )?(?:going (?:round|around) )?(?:saying goodbye|said goodbye|giving "
        r"(?:his|her|their) (?:stuff|things) away)\b[^\n]{0,60}\b(?:weirdly|strangely|oddly|unusually|eerily|suddenly) (?:calm|peaceful|"
        r"happy|at peace|cheerful)\b",
        r"\b(?:talk(?:s|ing|ed)? about how|says|saying|keeps saying|said) (?:that )?(?:nobody|no one|noone) (?:needs|wants|would miss|"
        r"would notice|would care about) (?:him|her|them)\b",
    ),
    *_rules(
        Kind.THIRD_PERSON_DANGER,
        r"\blocked (?:himself |herself |themselves )?in (?:his|her|their|the) (?:room|bedroom|bathroom)\b[^\n]{0,60}\b(?:going to "
        r"do it|going to kill|saying goodbye)\b",
        r"\b(?:rang|called|phoned|texted|messaged)\b[^\n]{0,20}\bfrom (?:a|the) (?:bridge|cliff|roof|car park|multi[- ]?storey|"
        r"tracks|railway line)\b[^\n]{0,40}\b(?:jump|end it|die|kill|goodbye|sorry|can't go on)",
        r"\b(?:texted|messaged|sent|said|rang)\b[^\n]{0,60}\b(?:sorry|love you|goodbye|bye)\b[^\n]{0,60}\b(?:phone(?:'s| is) "
        r"(?:off|dead|switched off)|not answering|won't answer|isn't answering|isn't home|not home|can't reach (?:her|him|them))\b",
        r"\b(?:wants to die|suicidal|wants to kill (?:himself|herself|themselves))\b[^\n]{0,60}\b(?:he's|she's|they've|he has|"
        r"she has|they have|has) (?:just )?(?:left|gone out|walked "
        r"out|driven off|drove off|taken the car|took the car)\b",
        r"\b(?:going to|gonna|i'll|i will|want to) take (?:us both|us all|both of us|all of us|the (?:kids|children) with me)\b",
        r"\bholding (?:the|my) baby\b[^\n]{0,40}\b(?:want|going|about|urge) to (?:throw|drop|shake|smother|hurt)\b",
        r"\b(?:locked|shut) (?:himself|herself|themselves) in (?:the )?(?:garage|car|shed|van)\b[^\n]{0,60}\b(?:exhaust|fumes|"
        r"engine (?:is )?running|car (?:is )?running|hose\w*|smell)\b",
        r"\b(?:razor|blade|knife|pills|tablets|rope)\b[^.?!]{0,40}\b(?:won't|wont|will not) (?:let (?:me|us|anyone) in|open the "
        r"door|come out)\b|\b(?:won't|wont) (?:let (?:me|us) in|open the door|come out)\b[^.?!]{0,40}\b(?:razor|blade|knife|"
        r"pills|tablets|rope)\b",
        r"\b(?:isn't|isnt|not|hasn't|hasnt|won't|wont) (?:answering|opening|come to) (?:his|her|their|the) (?:door|phone)\b"
        r"[^\n]{0,80}\b(?:low|suicidal|struggling|not himself|not herself|depressed|in a bad way|dark place)\b",
        r"\b(?:he|she|KIN)(?:'s| has)? (?:\w+ ){0,6}(?:written|wrote|left) (?:\w+ )?(?:letters|notes|a letter|a note) (?:to|for) "
        r"(?:us all|everyone|all of us|the family|each of us|the kids|his kids|her kids)\b(?![^.?!]{0,40}\b(?:thanks?|thank you|"
        r"birthday|christmas|santa|party|school|wedding|invit\w*|postcards?|camp|holiday|trip|abroad)\b)",
        r"\b(?:holding|alone with|got|have|with) (?:the|my) (?:baby|newborn)\b[^\n]{0,60}\b(?:scared|afraid|frightened|terrified) "
        r"(?:of )?what i (?:might|will|could|'ll) do\b|\b(?:scared|afraid|frightened|terrified) (?:of )?what i (?:might|will|"
        r"could|'ll) do\b[^\n]{0,60}\b(?:to )?(?:the|my) (?:baby|newborn)\b",
        r"\b(?:in the garage|garage door)\b[^\n]{0,60}\b(?:car|engine) (?:is |'s )?running\bNOT_WARMING|\b(?:car|engine) "
        r"(?:is |'s )?running\b[^\n]{0,60}\bin the garage\bNOT_WARMING",
        r"\b(?:he|she|they)(?:'s| has| have)? (?:put|got|tied|pulled) (?:a )?(?:plastic )?bag over (?:his|her|their) head\b"
        r"(?![^.?!]{0,40}\b(?:joke|costume|halloween|photos?|pics?|game|lol|haha)\b)",
        r"\b(?:she'd|he'd|she would|he would|she'll|he'll|they'd)\b[^.?!]{0,30}\b(?:drink|swallow|take)\b[^.?!]{0,20}\b(?:bleach|"
        r"pills|tablets|the lot|everything)\b",
        r"\b(?:locked|door(?:'s| is) locked)\b[^\n]{0,60}\b(?:not answering|won't answer|no answer|not responding)\b[^\n]{0,60}"
        r"\b(?:low|depressed|struggling|suicidal|pills)\b",
        r"\b(?:sent|send|text|texted|messaged)\b[^.?!]{0,10}\b(?:me|us)\b[^.?!]{0,10}\b(?:photo|picture|pic|selfie) of (?:\w+ ){0,3}"
        r"(?:pills|tablets|rope|noose|gun|knife|blade)\b",
        r"\b(?:voices?|god|they)\b[^.?!]{0,30}\b(?:say|says|saying|tell|tells|telling|told)\b[^.?!]{0,30}\b(?:baby|him|her|my "
        r"(?:son|daughter))\b[^.?!]{0,30}\b(?:evil|devil|possessed|get rid of|hurt|kill|drown)\b",
        r"\bending it for (?:both|all) of (?:them|us)\b|\btake (?:the baby|the kids|them|him|her) with (?:her|him|me)\b",
        r"\b(?:injecting|using|shooting up)\b[^\n]{0,60}\b(?:gone quiet|not answering|won't answer|door(?:'s| is) locked|locked "
        r"(?:the door|himself in|herself in))\b",
        r"\b(?:wandered off|gone missing|went missing)\b[^\n]{0,60}\b(?:freezing|police|dark|cold|nightie|pyjamas|minus|"
        r"below (?:zero|freezing)|frost\w*|snow\w*|icy|looking for (?:an|over an|two|\d+) hours?|"
        r"nightdress)\b(?![^\n]{0,60}\b(?:found|back home|turned up|lol)\b)",
        r"\b(?:missing|gone missing|disappeared|hasn't come home|not come home|didn't come home)\b[^\n]{0,80}\b(?:a note|"
        r"goodbye|sorry|left (?:his|her|their) phone|suicidal|pills|rope)\b",
        r"\b(?:rope|gun|knife|pills|noose|blade)\b[^\n]{0,60}\b(?:going to|gonna|will) use (?:it|them)\b(?![^.?!]{0,30}"
        r"\b(?:cook\w*|roast|dinner|recipe|carv\w*|chop\w*|garden\w*|crafts?|diy|hunting|range|club)\b)",
        r"\b(?:walked out|left|gone|drove off|went out|took off|stormed out)\b[^\n]{0,80}\b(?:took|taking|with) (?:the car "
        r"and )?(?:his|her|their) (?:\w+ )?(?:gun|rifle|pills|tablets|meds|rope|knife)\b",
        r"\b(?:he|she|they|KIN)(?:'s|'d|'ve)? (?:\w+ ){0,3} => \b(?:texted|messaged|sent|said|posted|wrote) (?:me |us )?(?:a )?"
        r"(?:(?:video|voice ?note|message|text|letter) saying )?(?:goodbye|suicide note|note saying goodbye)\b(?! to (?:the|his|her|"
        r"their|an?|our|that) (?!family|kids|children)\w)"
        r"(?![^.?!]{0,40}\b(?:airport|station|off (?:to|travelling)|travel\w*|holiday|moving|uni|school|gate|drop-?off)\b)",
        r"\b(?:he|she|they|KIN)(?:'s| is| are)? (?:\w+ ){0,2} => (?:going to|gonna|about to|threatening to|threatens to|threatened to) "
        r"(?:jump\b(?! (?:in|into|on|at|up|ship))|kill (?:himself|herself|themselves|themself)|hang (?:himself|herself|themselves|themself)|"
        r"shoot (?:himself|herself|themselves|themself)|end (?:it|his life|her life|their life)\b(?! with))"
        r"(?![^.?!]{0,20}\bif (?:i|we|you) (?:leave|go|break up|don't|dont|won't|wont|ever)\b)",
        r"\b(?:use|turn) (?:it|the gun|the knife) on (?:himself|herself|themselves|themself)\b",
        r"\b(?:says|said|saying|keeps saying) (?:that )?(?:she|he|they)(?:'ll| will)? (?:won't|wont|will not|not) be "
        r"(?:here|around|alive) (?:for|at|by|much longer|after)\b",
        r"\b(?:left|gone|gone out|went out|went off|drove off|driven off|walked out|took off) with (?:his|her|their|the) (?:gun|"
        r"rifle|shotgun|pills|rope|knife)\b(?![^\n]{0,60}\b(?:shooting (?:range|club|practice|season)|hunt(?:ing)?|clays?|clay pigeons?|"
        r"rabbits?|deer|pheasants?|gun club|back for (?:tea|dinner|lunch)|fishing|camping|picnic|cake|bread)\b)",
        r"\b(?:wants? to die|suicidal|goodbye|sorry for everything|kill (?:himself|herself|themselves))\b[^\n]{0,80}\b"
        r"(?:(?:can't|cant|cannot|couldn't|not) (?:reach|get hold of|get through to|answering|picking up)\b|phone (?:is|'s) "
        r"(?:off|switched off|dead)\b|going (?:straight )?to voicemail\b)",
        r"\b(?:found|read|got) (?:my )?(?:\w+'s |his |her |their )?(?:goodbye|suicide) (?:note|letter|message)\b",
        r"\bleft a (?:note|letter|message) saying (?:sorry|goodbye)\b",
        r"\bplanning (?:how )?to (?:kill|hang|end) (?:himself|herself|themselves|(?:his|her|their) life)\b",
        r"\b(?:he|she|they|KIN)(?:'s|'d)? (?:\w+ ){0,2} => (?:threatening|threatens|threatened|going|gonna|about) to "
        r"(?:take|swallow) (?:all|every|the whole|the rest)\b[^.?!]{0,20}\bPILLS\b",
        r"\b(?:on|at) (?:the )?(?:roof|(?:window )?ledge|bridge|edge)\b[^.?!]{0,30}\b(?:won't|wont|refusing to|refuses to) (?:come down|"
        r"come back|get down|move|come in|come inside|come off)\b",
        r"\b(?:sent|texted|posted|messaged)\b[^.?!]{0,30}\b(?:photo|picture|pic|selfie) of (?:\w+ ){0,3}(?:pills|"
        r"tablets|wrists?|cuts|rope|gun|bridge|knife|noose)\b(?! (?:swing|ladder|bridge|course|light|tricks?)\b)",
        r"\b(?:locked|shut|barricaded) (?:himself|herself|themselves|themself) in\b[^.?!]{0,40}\b(?:knife|blade|razor|pills|gun|"
        r"rope)",
        r"\b(?:goodbye|bye|sorry|love you|look after|final message|left a (?:note|letter)|note saying)\b[^\n]{0,80}"
        r"(?<!\bi )(?<!\bim )(?<!\x27m )\b(?:not|isn't|isnt|won't|wont|hasn't|hasnt|can't|cant|doesn't|doesnt)\b(?: \w+)? "
        r"(?:pick(?:ing)? up|"
        r"answer(?:ing)?|repl(?:y|ying)|respond(?:ing)?|reach (?:him|her|them))\b",
        r"\bKIN (?:\w+ ){0,3} => \b(?:talk\w*|said|says|saying|threaten\w*) (?:about )?(?:jumping off|jump off|hanging|"
        r"shooting|overdosing)\b",
        r"\b(?:he|she|they)(?:'s| is| are)? (?:\w+ ){0,2}(?:going to|gonna|about to) (?:drive|crash) (?:the |his |her "
        r")?(?:car )?(?:into|off)\b",
        r"\b(?:not moving|unresponsive|won't wake|can't wake|not waking|not breathing|not responding)\b[^\n]{0,80}\bempty "
        r"(?:bottle|packet|box|strip|blister|tub)s?\b|\bempty (?:bottle|packet|box|strip|blister|tub)s?\b[^\n]{0,80}\b(?:not moving|"
        r"unresponsive|won't wake|can't wake|not waking|not breathing|not responding)\b",
        r"\btalk(?:s|ing|ed)? about (?:ending it|ending (?:his|her|their) life|killing (?:himself|herself|themselves)|topping (?:himself|"
        r"herself|themselves)|suicide)\b[^\n]{0,30}\bwith (?:the|a|his|her|their|dad's|my) (?:gun|shotgun|rifle|rope|pills|tablets|knife)\b",
        r"\b(?:written|wrote|left|found) (?:a |her |his )?note\b[^\n]{0,60}\b(?:not in (?:her|his|their) room|missing|gone missing|"
        r"can't find (?:her|him|them)|isn't answering|not answering|(?:her|his) phone(?:'s| is) off)\b",
        r"\b(?:isn't|is not|isnt) (?:mine|my baby|my real baby|real)\b|\b(?:swapped|replaced|switched) (?:her|him|my baby|the baby)\b"
        r"[^\n]{0,80}\b(?:get rid of|kill|hurt|harm|smother|drown|hide) (?:her|him|it|the baby)\b",
        r"\b(?:not answering|isn't answering|won't answer|can't reach (?:him|her|them)|can't get hold of (?:him|her|them)|(?:his|her) phone(?:'s| is) "
        r"off)\b[^\n]{0,60}\b(?:going to|gone to|heading to|went to|at) the (?:bridge|viaduct|cliffs?|roof|rooftop|multi[- ]?storey|"
        r"car park|tracks|railway line|river|canal|sea|beachy head|ledge|quarry|reservoir|weir)\b",
        r"\b(?:she's|he's|they've|she has|he has|they have) (?:just )?taken (?:everything|all (?:of )?(?:her|his|their) (?:pills|tablets|meds)|"
        r"the lot|an overdose|too many)\b(?! (?:from|off|out|with|in (?:her|his) stride))",
        r"\b(?:won't answer|not answering|isn't answering|can't reach (?:him|her|them)|can't get hold of (?:him|her|them)|won't open the door|"
        r"locked (?:herself|himself|themselves) in)\b[^\n]{0,60}\b(?:talking about|talked about|said|saying|says|texted) (?:ending it|"
        r"killing (?:herself|himself|themselves)|suicide|dying|(?:she|he) wants to die|ending (?:her|his|their) life)\b",
        r"\b(?:he|she|they|KIN)(?:'s| has| have|'ve)? (?:just )?(?:cut|slashed|slit) (?:his|her|their) wrists?\b",
        r"\b(?:threatening|threatens|threatened) to (?:jump|throw (?:himself|herself|themselves) off)\b(?! (?:on|onto|in|into|ship|over the "
        r"fence|the queue)\b)",
    ),
]
