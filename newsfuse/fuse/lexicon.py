"""Word lists that turn dependency parses into claim frames: predicate classes and modality cues.

These are properties of English news prose, not of any one story: which verbs and nouns name
an event, which verbs only frame another event (scheduled to, intends to), and which words
say an event is planned, intended, denied or speculated rather than done.
"""

from __future__ import annotations

# Event verbs and event nouns, mapped to one predicate class so "met", "held talks" and
# "the meeting" land in the same slot. Verbs not listed still make claims when their
# arguments are named entities or values (see frames.py), under their own lemma.
PREDICATE_CLASSES: dict[str, str] = {
    # meetings
    "meet": "meet",
    "talks": "meet",  # the noun: negotiations; the verb "talk" is speech (below)
    "meeting": "meet",
    "discuss": "meet",
    "discussion": "meet",
    "confer": "meet",
    "negotiate": "meet",
    "negotiation": "meet",
    "summit": "meet",
    # speaking and hosting are not meetings: "talks about the loss", "hosted the Oscars"
    "talk": "talk",
    "host": "host",
    # visits and travel
    "visit": "visit",
    "tour": "visit",
    "travel": "visit",
    "trip": "visit",
    "arrive": "visit",
    "inspect": "visit",
    "journey": "visit",
    # agreements and decisions
    "agree": "agree",
    "agreement": "agree",
    "decide": "agree",
    "accord": "agree",
    "deal": "agree",
    "sign": "agree",
    "pact": "agree",
    # money
    "earmark": "allocate",
    "allocate": "allocate",
    "budget": "allocate",
    "invest": "allocate",
    "fund": "allocate",
    "allot": "allocate",
    "pledge": "allocate",
    "spend": "spend",  # spending uses up (money, time: "spent the round on the ropes"); allocating sets aside
    # deliberation
    "consider": "consider",
    "assess": "consider",
    "evaluate": "consider",
    "examine": "consider",
    "weigh": "consider",
    "study": "consider",
    "review": "consider",
    "explore": "consider",
    # procurement and supply
    "acquire": "acquire",
    "acquisition": "acquire",
    "buy": "acquire",
    "purchase": "acquire",
    "procure": "acquire",
    "procurement": "acquire",
    "supply": "supply",
    "sell": "supply",
    "export": "supply",
    "deliver": "supply",
    "delivery": "supply",
    # presence
    "brief": "brief",
    "attend": "attend",
    "attendance": "attend",
    "join": "attend",
    "integrate": "integrate",
    "deploy": "integrate",
    "deployment": "integrate",
    "introduce": "integrate",
    "condemn": "condemn",
    "criticise": "condemn",
    "criticize": "condemn",
}

# Nouns that name an event only when they head the frame ("the meeting lasted", "held talks").
EVENT_NOUNS = {
    k
    for k in PREDICATE_CLASSES
    if k
    in {
        "talks",
        "talk",
        "meeting",
        "discussion",
        "negotiation",
        "summit",
        "visit",
        "tour",
        "trip",
        "journey",
        "agreement",
        "accord",
        "deal",
        "pact",
        "acquisition",
        "purchase",
        "procurement",
        "delivery",
        "attendance",
        "deployment",
    }
}

# Verbs that take an event noun as object without adding meaning: "pay a visit", "hold talks".
LIGHT_VERBS = {"pay", "hold", "make", "conduct", "have", "take", "give", "reach", "sign", "begin", "start", "launch"}

# Verbs that frame another event: their complement is the claim, they give its modality.
MODAL_FRAMES: dict[str, str] = {
    "schedule": "planned",
    "slate": "planned",
    "slat": "planned",
    "slated": "planned",
    "expect": "planned",
    "set": "planned",
    "due": "planned",
    "plan": "planned",
    "prepare": "planned",
    "arrange": "planned",
    "suppose": "planned",  # "they were supposed to meet": arranged, not done
    "intend": "intended",
    "aim": "intended",
    "seek": "intended",
    "want": "intended",
    "hope": "intended",
    "goal": "intended",
    "target": "intended",
    "wish": "intended",
    "mean": "intended",
    "strive": "intended",
    "keen": "intended",
    "eager": "intended",
    "try": "intended",
    "vow": "intended",
    "promise": "intended",
    "fail": "negated",
    "refuse": "negated",
    "allege": "alleged",
    "accuse": "alleged",
    "suspect": "alleged",
    "allegedly": "alleged",
    "deny": "denied",
    "reject": "denied",
    "refute": "denied",
    "dismiss": "denied",
    "may": "speculated",
    "might": "speculated",
    "could": "speculated",
    "possible": "speculated",
    "likely": "speculated",
    "reportedly": "speculated",
    "rumor": "speculated",
    "rumour": "speculated",
    "speculate": "speculated",
    "potential": "speculated",
    "possibly": "speculated",
    "perhaps": "speculated",
}

# Reporting verbs that give the clause they report a status of its own
REPORTED_STATUS: dict[str, str] = {
    "allege": "alleged",
    "accuse": "alleged",
    "charge": "alleged",
    "suspect": "alleged",
    "believe": "speculated",  # "it is believed that X shot Y": probable to the source, not a stated fact
    # verbs of cognition: what someone thinks or takes to be so ("thinking that he had happened upon a crash")
    # is that person's belief, not a happening the report states
    "think": "speculated",
    "assume": "speculated",
    "suppose": "speculated",
    "presume": "speculated",
    "imagine": "speculated",
    "guess": "speculated",
    # nouns whose complement clause is their content: "allegations that Hamad stole items" is an allegation
    "allegation": "alleged",
    "accusation": "alleged",
    "suspicion": "alleged",
    "belief": "speculated",
    "assumption": "speculated",
    "impression": "speculated",
    "claim": "claimed",
    "insist": "claimed",
    "contend": "claimed",
    "deny": "denied",
    "reject": "denied",
    "refute": "denied",
    "dismiss": "denied",
}

# Verbs of directing or asking someone to act: their complement ("urged parliament [to pass] the bill", "asked
# police [to investigate]") is wanted, not done
DIRECTIVES = set("urge ask request demand order call press encourage beg plead implore invite instruct tell".split())

# Verbs of deliberation: an event they govern ("exploring acquisitions") is only being considered.
DELIBERATION = {"consider", "explore", "eye", "assess", "evaluate", "weigh", "study", "examine", "mull", "discuss"}

# Auxiliaries and adverbs that mark a future or hypothetical clause.
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
SPECULATIVE_AUX = {"may", "might", "could", "would"}

# Verbs and phrases that attribute a statement to a source rather than stating an event.
REPORTING_VERBS = {
    "say",
    "report",
    "note",
    "add",
    "tell",
    "state",
    "write",
    "post",
    "announce",
    "claim",
    "confirm",
    "declare",
    "indicate",
    "quote",
    "according",
    "emphasize",
    "emphasise",
    "stress",
    "explain",
    "reveal",
    "disclose",
    "insist",
    "warn",
    "argue",
    "suggest",
    "show",
    "cite",
}

# Words that never head a claim of their own (copulas, aspect, vague verbs).
NON_EVENT_VERBS = {
    "be",
    "become",
    "seem",
    "appear",
    "remain",
    "include",
    "involve",
    "figure",
    "follow",
    "have",
    "do",
    "get",
    "begin",
    "start",
    "continue",
    "keep",
    "use",
    "see",
    "make",
    "take",
    "give",
    "go",
    "come",
    "lead",
    "result",
    "capture",
    "propel",
    "top",
    "base",
    "generate",
    "maintain",
    "respond",
}

# Ordinals that make a claim about a record ("the first Japanese defence minister to visit").
RECORD_ORDINALS = {"first", "last", "second", "third", "only"}
