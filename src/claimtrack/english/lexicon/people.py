"""Who speaks: titles, role words, organisation words, pronouns, the groups a speaker
belongs to, commentators, institutions and given names.
"""

from __future__ import annotations

from ...text import words

__all__ = [
    "COMMENTATOR_WORDS",
    "FEMALE_NAMES",
    "FIRST_PERSON",
    "INCLUSIVE_GROUPS",
    "INSTITUTION_NOUNS",
    "MALE_NAMES",
    "NAME_PARTICLES",
    "ORG_WORDS",
    "PRONOUNS",
    "ROLE_WORDS",
    "TITLES",
]

#: Honorifics and titles that precede a name and are not part of it.
TITLES = words.TITLES
#: Nouns naming a role; "the <adjectives> ROLE" refers to a person named elsewhere.
ROLE_WORDS = frozenset(
    [
        "minister",
        "pm",
        "president",
        "leader",
        "chancellor",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "premier",
        "king",
        "queen",
        "prince",
        "pope",
        "mayor",
        "governor",
        "senator",
        "ceo",
        "chief",
        "chairman",
        "chairwoman",
        "chair",
        "head",
        "boss",
        "commander",
        "general",
        "envoy",
        "ambassador",
        "commissioner",
        "director",
        "founder",
        "executive",
        "manager",
        "coach",
        "captain",
        "official",
        "officials",
        "spokespeople",
        "analyst",
        "economist",
        "judge",
        "attorney",
        "prosecutor",
        "negotiator",
        "adviser",
        "advisor",
        "aide",
        "counterpart",
        "correspondent",
        "editor",
    ]
)
#: Words that make a capitalised run an organisation rather than a person.
ORG_WORDS = frozenset(
    [
        "party",
        "department",
        "ministry",
        "commission",
        "council",
        "office",
        "bank",
        "inc",
        "ltd",
        "plc",
        "llc",
        "group",
        "company",
        "corp",
        "corporation",
        "university",
        "government",
        "union",
        "nations",
        "news",
        "agency",
        "court",
        "house",
        "parliament",
        "congress",
        "senate",
        "kremlin",
        "treasury",
        "eu",
        "nato",
        "un",
        "police",
        "army",
        "navy",
        "force",
        "forces",
        "committee",
        "board",
        "institute",
        "foundation",
        "association",
        "federation",
        "league",
        "club",
        "fund",
        "trust",
        "service",
        "services",
        "authority",
        "agency",
        "organisation",
        "organization",
        "times",
        "post",
        "bbc",
        "reuters",
        "coalition",
        "alliance",
        "democrats",
        "republicans",
        "conservatives",
        "labour",
        "tories",
    ]
)
NAME_PARTICLES = frozenset(
    {
        "de",
        "da",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "al",
        "el",
        "du",
        "dos",
        "ibn",
    }
)
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
FIRST_PERSON = frozenset(
    {
        "we",
        "i",
        "us",
        "our",
        "ours",
        "ourselves",
        "me",
        "my",
        "myself",
        "we'll",
        "we’ll",
        "we're",
        "we’re",
        "we've",
        "we’ve",
        "i'll",
        "i’ll",
        "i'm",
        "i’m",
        "we'd",
        "we’d",
    }
)
#: Plural or collective heads that include the speaker when they say them.
INCLUSIVE_GROUPS = frozenset(
    [
        "coalition",
        "allies",
        "alliance",
        "nations",
        "countries",
        "partners",
        "members",
        "we",
        "us",
        "everyone",
        "everybody",
        "together",
    ]
)
#: Speakers who comment rather than act: what they say of others' futures is a forecast.
COMMENTATOR_WORDS = frozenset(
    [
        "analyst",
        "analysts",
        "economist",
        "economists",
        "expert",
        "experts",
        "forecaster",
        "forecasters",
        "observer",
        "observers",
        "onlooker",
        "onlookers",
        "critic",
        "critics",
        "commentator",
        "commentators",
        "unnamed",
        "strategist",
        "strategists",
        "researchers",
        "scientists",
        "pollsters",
        "investors",
        "traders",
    ]
)
#: Institutions an office-holder means when saying "the <noun>": their own.
INSTITUTION_NOUNS = frozenset(
    [
        "company",
        "firm",
        "group",
        "retailer",
        "business",
        "bank",
        "city",
        "council",
        "authority",
        "government",
        "state",
        "ministry",
        "department",
        "agency",
        "administration",
        "board",
        "organisation",
        "organization",
        "club",
        "party",
        "university",
        "trust",
        "airline",
        "carrier",
        "operator",
        "regulator",
        "service",
        "force",
        "team",
        "campaign",
        "charity",
        "union",
        "school",
        "hospital",
        "region",
        "province",
        "county",
        "municipality",
        "town",
        "country",
        "nation",
    ]
)
#: Given names by the pronoun their bearer is usually called by; a short list, used
#: only when no title and no earlier pronoun has said.
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
    betty sandra margaret ashley kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia amy kathleen angela shirley brenda
    emma anna olivia sophie chloe hannah lucy charlotte grace rachel kate katherine
    catherine helen ruth julia claire alice jane joanna joanne fiona aileen eileen
    maria marie ana sofia isabel elena eleni irina natalia olga svetlana tatiana
    priya anjali sunita aisha fatima layla leila yasmin amina yuki aiko
    ingrid astrid greta ursula angela annalena giorgia segolene christine
    theresa kemi liz yvette harriet bridget nicola penny priti suella jacinda kamala
    hillary nikki ilhan alexandria nancy mia lena ellen ella eva nina sara
    diane denise judith janet joan louise victoria caroline jacqueline nadia
    """.split()  # noqa: SIM905
)
MALE_NAMES = frozenset(
    """james robert john michael david william richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
    george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
    stephen larry justin scott brandon benjamin samuel gregory greg frank alexander
    raymond patrick jack dennis jerry tyler aaron jose adam nathan henry peter zachary
    douglas harold carl arthur gerald roger keith jeremy terry lawrence sean christian
    albert joe ethan austin jesse willie billy bryan bruce ralph roy noah dylan
    alan juan wayne elijah randy vincent russell louis philip bobby johnny bradley
    tom tim ben sam max oliver harry jacob charlie alfie leo hugo colin martin ian
    neil simon graham keir rishi boris ed nigel jeremy emmanuel emanuel olaf friedrich
    volodymyr vladimir sergei dmitry alexei ivan igor viktor recep mehmet ahmed mohamed
    mohammed muhammad ali hassan hussein karim omar khalid abdul yusuf ibrahim
    narendra rahul raj arjun vikram xi jonas lars hans klaus jurgen pedro
    carlos luis jorge miguel javier antonio giorgio matteo marco luca pierre jean
    francois jacques benjamin yair naftali shinzo fumio justin pierre anthony joe
    barack mike kevin ron chuck mitch bernie pete lloyd antony jake rex
    """.split()  # noqa: SIM905
)
