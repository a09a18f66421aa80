"""Word lists the English extractor reads by: cues, titles, modals, verbs, furniture.

Everything here is lower-case and looked up in sets (constant time), so the rules that
use these lists do bounded work per token.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATIONS",
    "ADVERBS",
    "AGREE_CUES",
    "ANIMATE_NOUNS",
    "CLAUSE_WORDS",
    "CONDITION_STARTS",
    "CUES",
    "DEMAND_CUES",
    "DETERMINERS",
    "EVENT_NOUNS",
    "FIRST_PERSON",
    "FURNITURE",
    "INCLUSIVE_GROUPS",
    "NAME_PARTICLES",
    "NOMINAL_CUES",
    "ORDINALS",
    "ORG_WORDS",
    "PARTICIPLE_CUES",
    "PLAN_TRIGGERS",
    "PREDICTION_CUES",
    "PRONOUNS",
    "ROLE_WORDS",
    "RUNON_STARTERS",
    "TITLES",
    "VERBS",
    "WEAK_CUES",
]

#: Words ending in "." that do not end a sentence (compared without the dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sir st gen lt col maj capt cmdr adm sgt rev hon jr sr co corp inc ltd
    no nos vol fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    vs etc e.g i.e u.s u.k u.n e.u a.m p.m approx dept est govt rep sen gov pres ave rd mt ft
    al op cf""".split()
)

#: Honorifics and titles that precede a name and are not part of it.
TITLES = frozenset(
    """sir dame lord lady mr mrs ms miss mx dr prof professor president prime minister
    chancellor secretary senator sen gov governor mayor king queen prince princess pope
    general gen admiral adm colonel col captain capt judge justice rev reverend archbishop
    bishop cardinal sheikh emir commissioner ambassador chief deputy vice foreign home
    defence defense health interior finance economy trade mp mep rep representative speaker
    chairman chairwoman chair ceo cfo coo director inspector detective sergeant officer
    premier first cllr councillor executive""".split()
)

#: Nouns naming a role; "the <adjectives> ROLE" refers to a person named elsewhere.
ROLE_WORDS = frozenset(
    """minister pm president leader chancellor secretary spokesman spokeswoman spokesperson
    premier king queen prince pope mayor governor senator ceo chief chairman chairwoman
    chair head boss commander general envoy ambassador commissioner director founder
    executive manager coach captain official officials spokespeople analyst economist
    judge attorney prosecutor negotiator adviser advisor aide""".split()
)

#: Words that make a capitalised run an organisation rather than a person.
ORG_WORDS = frozenset(
    """party department ministry commission council office bank inc ltd plc llc group
    company corp corporation university government union nations news agency court house
    parliament congress senate kremlin treasury eu nato un police army navy force forces
    committee board institute foundation association federation league club fund trust
    service services authority agency organisation organization times post bbc reuters
    coalition alliance democrats republicans conservatives labour tories""".split()
)

NAME_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "la", "le", "bin", "al", "el", "du", "dos", "ibn"})

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
FIRST_PERSON = frozenset(
    {"we", "i", "us", "our", "ours", "ourselves", "me", "my", "myself", "we'll", "we’ll",
     "we're", "we’re", "we've", "we’ve", "i'll", "i’ll", "i'm", "i’m", "we'd", "we’d"}
)
DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
     "my", "your", "some", "any", "every", "each", "no", "all", "both"}
)

#: Reporting verbs: a subject before them is a speaker, what follows is the claim.
CUES = frozenset(
    """said says say told tells tell added adds warned warns confirmed confirms confirm
    insisted insists claimed claims stated states announced announces pledged pledges
    promised promises vowed vows urged urges accused accuses believe believes believed
    argued argues explained explains noted notes suggested suggests signalled signaled
    signals revealed reveals admitted admits acknowledged acknowledges predicted predicts
    forecast forecasts wrote writes tweeted tweets posted continued continues stressed
    stresses emphasised emphasized reiterated reiterates declared declares asserted
    asserts maintained maintains added replied replies responded responds agreed agrees
    called calls demanded demands asked asks expects conceded concedes denied denies estimated estimates projected projects indicated
    indicates guaranteed committed commits""".split()
)

#: Cues that report speech only when a complement marker ("that", ":" or a quote) or
#: a quotation beside them says so ("the war continued" is no claim).
WEAK_CUES = frozenset(
    """added adds continued continues noted notes agreed agrees replied replies responded
    responds called calls asked asks indicated indicates maintained
    maintains committed commits projects projected estimates estimated states posted
    asserts""".split()
)

#: Cues whose object is told to act: "urged X to", "called on X to", "called for X".
DEMAND_CUES = frozenset(
    """urged urges demanded demands called calls asked asks pressed presses implored
    wants wanted challenged challenges""".split()
)
#: Cues that make the reported content a forecast.
PREDICTION_CUES = frozenset(
    """predicted predicts forecast forecasts expects expected projected projects estimates
    estimated""".split()
)
#: Cues that make a reported "would" an undertaking ("we agreed X would").
AGREE_CUES = frozenset(
    """agreed agree agrees decided decide decides promised promise promises pledged pledge
    pledges vowed vow vows committed commit commits announced announce announces confirmed
    confirm confirms resolved guaranteed said says""".split()
)
#: Participles that report speech of the clause's subject: "X ..., saying that Y".
PARTICIPLE_CUES = frozenset(
    {"saying", "adding", "warning", "insisting", "claiming", "arguing", "stressing",
     "noting", "declaring", "promising", "pledging", "vowing", "urging", "suggesting"}
)
#: Nouns that report speech: "claims that", "suggestions from X that".
NOMINAL_CUES = frozenset(
    """claims claim suggestions suggestion reports report fears warnings warning
    allegations allegation assurances assurance insistence promises promise pledges
    pledge predictions prediction rumours rumors speculation statement statements
    comments remarks denials denial""".split()
)

#: "X is set to ...": the subject plans or is scheduled to act.
PLAN_TRIGGERS = frozenset(
    """set due scheduled poised planning plans plan intends intend intending aims aim
    aiming agreed agree agrees pledged pledge pledges promised promise promises vowed vow
    vows committed commit commits ready prepared preparing going expected likely
    determined""".split()
)

#: Plural or collective heads that include the speaker when they say them.
INCLUSIVE_GROUPS = frozenset(
    """coalition allies alliance nations countries partners members we us everyone
    everybody together""".split()
)

#: Heads that can act (so "ready to" is an undertaking, not a property of a thing).
ANIMATE_NOUNS = frozenset(
    """chiefs leaders ministers officials troops forces planners countries nations allies
    government governments coalition company companies firm firms council police army
    navy party parties members staff workers unions union team teams board boards
    commanders generals soldiers diplomats negotiators minister president leader chief
    king queen spokesman spokeswoman spokesperson ceo chairman executives managers bank
    banks regulator regulators administration authorities authority committee
    department ministry agency group groups partners states state lawmakers mps
    senators voters investors shareholders people residents citizens""".split()
)

#: Event nouns for scheduled events reported by the publisher ("ahead of talks on Friday").
EVENT_NOUNS = frozenset(
    """summit meeting meetings talks vote election visit conference hearing deadline launch
    budget statement announcement trial debate ballot referendum""".split()
)

#: Words that may start a clause boundary inside a claim.
CLAUSE_WORDS = frozenset(
    {"that", "and", "but", "or", "so", "then", "because", "while", "whereas", "although",
     "though", "instead", "when", "as", "since", "after", "before", "until", "unless"}
)

#: Clause-initial adverbs to step over when looking for subject, verb or imperative.
ADVERBS = frozenset(
    """also once again still now then just simply certainly finally further previously
    later already really truly only even indeed clearly currently today together jointly
    both all repeatedly publicly separately reportedly immediately quickly soon first
    secondly thirdly fourthly lastly firstly not never always""".split()
)

#: Adverbs that number the items of a spoken list.
ORDINALS = frozenset(
    {"firstly", "secondly", "thirdly", "fourthly", "fifthly", "lastly", "finally", "second",
     "third", "fourth", "next"}
)

#: Capitalised words that open a new sentence even without a full stop before them.
RUNON_STARTERS = frozenset({"it’s", "it's", "we", "we’re", "we're", "they", "she", "he"})

#: Clause openers that make a condition.
CONDITION_STARTS = frozenset({"if", "unless", "provided", "providing"})

#: Whole lines that are page furniture, compared case-folded without trailing dots.
FURNITURE = frozenset(
    {
        "listen to this article", "loading audio", "loading video", "loading",
        "advertisement", "advert", "skip advert", "share", "share this article",
        "share this", "share on facebook", "share on x", "share on twitter", "copy link",
        "link copied", "read more", "related", "related articles", "most read", "sign up",
        "subscribe", "follow us", "watch", "watch live", "click here", "continue reading",
        "comments", "print", "email", "close", "menu", "image", "photo", "picture",
        "getty images", "top stories", "trending", "more on this story", "play", "pause",
        "video", "audio", "story continues below advertisement", "listen", "live",
    }
)

#: Common base-form verbs: a list item or imperative starts with one.
VERBS = frozenset(
    """accelerate accept achieve act add address adopt agree aid allow apply appoint
    approve arm ask attack audit avoid back ban be become begin block boost bring build
    buy call cancel cap care carry cease change check choose close come commit compensate
    complete consider continue convene convince cooperate create cut deal defend deliver
    deploy deter develop discuss do double drive drop earn ease eliminate end enforce
    engage ensure equip establish expand explore extend face fight finish fix focus
    follow force forge form freeze fund get give go grant grow halt halve help hire hit
    hold host identify impose improve increase inform introduce invest invite join keep
    launch lead lift limit look lower maintain make manage match meet modernise modernize
    monitor move negotiate offer open oppose pass pay phase plan press prevent prioritise
    prioritize proceed produce promote protect provide publish pull pursue push put raise
    ramp ratchet reach rebuild recruit reduce reform refuse reject release remain remove
    renew repair replace report restore resume retain return review roll run sanction
    scrap secure seek seize sell send set share ship shut sign slash spend stand start
    stay step stop strengthen strike supply support sustain tackle take talk target tell
    tighten train transform treat trim try turn uphold upgrade use veto visit vote wait
    weaken welcome win withdraw work let keep sit fall happen""".split()
)
