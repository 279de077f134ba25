"""Splitting an event that holds two happenings: spectral cut, people of the halves, the split rule."""

from __future__ import annotations

from cluster_texts import MERGER, QUAKE, REHAB, article

from newsfuse.cluster.features import features_of, person_surnames
from newsfuse.cluster.index import EventIndex
from newsfuse.cluster.scoring import ClusterConfig
from newsfuse.cluster.split import person_similarity, share_participant, spectral_bisect
from newsfuse.cluster.stream import StreamClusterer, StreamResult
from newsfuse.records.article import Article

# Two players' drunk-driving arrests: one team, one city, one charge; different people.
ARREST_JACKSON = [
    "Chargers receiver Vincent Jackson was arrested on suspicion of drunken driving after failing sobriety tests, "
    "the California Highway Patrol said. Jackson, on probation for an earlier arrest, will play the playoff game.",
    "Vincent Jackson of the Chargers failed field sobriety tests and was arrested; Jackson was already on probation. "
    "Coach Norv Turner said the receiver would still play in the playoff game at Pittsburgh.",
    "Police arrested Chargers receiver Vincent Jackson, who is on probation, after sobriety tests. Jackson is "
    "expected to face a league suspension but will play in Sunday's playoff game at Pittsburgh.",
]
ARREST_WILLIAMS = [
    "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving after he was stopped for "
    "speeding on a freeway, the California Highway Patrol said. Williams gave a blood sample at the county jail.",
    "Jamal Williams, the Chargers nose tackle, was pulled over for speeding on the freeway and booked into county "
    "jail. Williams gave a blood sample; general manager A.J. Smith called it disappointing.",
    "Speeding on a freeway downtown led to the arrest of Chargers tackle Jamal Williams. Williams was released from "
    "county jail after giving a blood sample, and Smith said the team was disappointed.",
]


def weighted(texts: list):
    """Index and weighted members of ``texts`` (strings, or articles carrying a date)."""
    index = EventIndex()
    features = [features_of(t if isinstance(t, Article) else article(t)) for t in texts]
    for f in features:
        index.observe(f)
    return index, [index.weigh(f) for f in features]


def test_surnames_are_people_named_in_full_and_then_alone():
    text = (
        "Defensive tackle Jamal Williams was arrested. Williams was released, the San Diego Chargers said. "
        "The Chargers play on Sunday."
    )
    assert set(person_surnames(text)) == {"williams"}  # "the Chargers" is a team, not a person


def test_spectral_cut_separates_two_happenings_cheaply_and_keeps_one_whole():
    _, members = weighted(QUAKE + REHAB)
    cut = spectral_bisect(members, embedding_weight=0.0)
    halves = {frozenset(m.article_id for m in half) for half in (cut.a, cut.b)}
    assert halves == {frozenset(m.article_id for m in members[:3]), frozenset(m.article_id for m in members[3:])}
    assert cut.normalized_cut < 0.5
    _, one_story = weighted(QUAKE + QUAKE[::-1][:1])
    assert spectral_bisect(one_story, embedding_weight=0.0).normalized_cut > cut.normalized_cut


def test_a_sampled_cut_of_a_large_event_puts_the_rest_on_their_side():
    _, members = weighted(QUAKE + MERGER)
    full = spectral_bisect(members, embedding_weight=0.0)
    sampled = spectral_bisect(members, embedding_weight=0.0, max_members=4)
    as_sets = lambda cut: {frozenset(m.article_id for m in half) for half in (cut.a, cut.b)}  # noqa: E731
    assert as_sets(sampled) == as_sets(full)


def test_halves_about_different_people_are_dissimilar_and_the_same_people_similar():
    index, members = weighted(ARREST_JACKSON + ARREST_WILLIAMS)
    idf = lambda surname: index.idf(index.name_df[surname])  # noqa: E731
    assert person_similarity(members[:3], members[3:], idf) < 0.2
    assert person_similarity(members[:2], members[2:3], idf) > 0.9
    _, nameless = weighted(QUAKE)
    assert person_similarity(nameless[:1], nameless[1:], idf) is None


def test_split_rule_needs_a_cheap_cut_and_different_people():
    config = ClusterConfig()
    assert config.should_split(0.5, 0.1)
    assert not config.should_split(0.5, 0.95)  # one story about the same people, however it cuts
    assert not config.should_split(0.99, 0.0)  # the halves are too entangled
    assert config.should_split(config.split_max_cut_unnamed - 0.01, None)
    assert not config.should_split(config.split_max_cut_unnamed + 0.01, None)


def test_an_event_that_absorbed_two_arrests_is_split_by_its_people():
    index, members = weighted(ARREST_JACKSON + ARREST_WILLIAMS)
    clusterer = StreamClusterer(index, ClusterConfig(), with_embeddings=False)
    for member in members:
        index.add("e_both", member)
    result = StreamResult()
    assert clusterer.split({"e_both"}, result) == 1
    groups = {frozenset(state.members) for state in index.events.values()}
    assert groups == {frozenset(m.article_id for m in members[:3]), frozenset(m.article_id for m in members[3:])}


# One office shooting told two ways: the shooting as it happened, and the charge laid days later. The wording
# differs (gunfire, party, wounded; court, charged, bail), the victim and the suspect are the same.
SHOOTING = [
    "A gunman opened fire at a staff party in a Tacoma warehouse, killing Orin Talbot, 52, and wounding two "
    "coworkers. Witnesses said the shooter walked in through the loading dock and fired at the tables.",
    "Gunfire broke out at a warehouse party in Tacoma when a former worker walked in and shot Orin Talbot, 52. "
    "Two coworkers were wounded and taken to hospital; partygoers hid behind the tables as the shots rang out.",
    "Orin Talbot, 52, died after a shooter burst into the warehouse staff party in Tacoma through the loading "
    "dock. Two others were wounded by the gunfire while colleagues fled the tables.",
]
CHARGE = [
    "Prosecutors charged Wes Harlan with the murder of Orin Talbot, 52, and appeared in court in Pierce County. "
    "The judge denied bail after the prosecutor argued Harlan had planned the killing for weeks.",
    "Wes Harlan was charged with first-degree murder in the death of Orin Talbot, 52, the Pierce County "
    "prosecutor said. Harlan made a brief court appearance and was held without bail.",
    "A judge in Pierce County refused bail for Wes Harlan, charged with murdering Orin Talbot, 52. The prosecutor "
    "told the court Harlan bought the rifle weeks before the killing.",
]


def test_halves_naming_the_same_victim_within_days_are_one_happening_however_they_cut():
    index, members = weighted(SHOOTING + CHARGE)
    config = ClusterConfig()
    cut = spectral_bisect(members, config.embedding_weight)
    idf = lambda surname: index.idf(index.name_df[surname])  # noqa: E731
    # The cut alone says two happenings: the wording of the shooting and of the charge share little.
    assert config.should_split(cut.normalized_cut, person_similarity(cut.a, cut.b, idf))
    assert share_participant(cut.a, cut.b, config.time_grace_days)
    clusterer = StreamClusterer(index, config, with_embeddings=False)
    for member in members:
        index.add("e_one", member)
    assert clusterer.split({"e_one"}, StreamResult()) == 0


def test_a_shared_participant_months_apart_or_only_in_a_roundup_keeps_the_halves_apart():
    _, shooting = weighted([article(t, published="2026-01-10") for t in SHOOTING])
    _, charge = weighted([article(t, published="2026-04-20") for t in CHARGE])
    assert not share_participant(shooting, charge, grace_days=7)  # a follow-up: a storyline, not one happening
    roundup = (
        "Weekend violence in Tacoma: Orin Talbot, 52, was shot at a warehouse; Lena Pratt, 19, on Main Street; "
        "Tomas Reyes, 33, outside a bar; Ada Moss, 41, in her car; and Ray Ochoa, 27, at a bus stop."
    )
    _, pages = weighted([roundup, *CHARGE])
    assert not share_participant(pages[:1], pages[1:], grace_days=7)
    assert share_participant(pages[1:2], pages[2:], grace_days=7)


# The first reports of a shooting name no one; a later one names the victim, and all give the street and his age.
UNNAMED = [
    "A 19-year-old man was shot and killed in the 3900 block of South Albany Avenue on Wednesday afternoon, police "
    "said. Officers found the man in a gangway; no one was in custody and detectives canvassed the block.",
    "Police said a 19-year-old was fatally shot on South Albany Avenue Wednesday afternoon. Detectives canvassed "
    "the block for witnesses and no arrests were made in the gangway shooting.",
]
NAMED = [
    "Relatives mourned Dario Quintel, 19, who was shot dead on South Albany Avenue. A vigil with candles and "
    "balloons was held at his high school, where teachers remembered a gifted student and athlete.",
    "Dario Quintel, 19, a senior who played basketball, was remembered at a vigil at his school. Quintel was "
    "shot on South Albany Avenue; his mother asked for anyone with information to come forward.",
]


def test_halves_giving_one_street_and_victims_age_within_days_are_one_happening():
    _, unnamed = weighted([article(t, published="2026-02-15") for t in UNNAMED])
    _, named = weighted([article(t, published="2026-02-18") for t in NAMED])
    assert share_participant(unnamed, named, grace_days=7)
    _, later = weighted([article(t, published="2026-03-30") for t in NAMED])
    assert not share_participant(unnamed, later, grace_days=7)  # weeks later: a follow-up, a storyline
    _, other = weighted([article(t.replace("19", "34"), published="2026-02-18") for t in NAMED])
    assert not share_participant(unnamed, other, grace_days=7)  # the same street, another victim
