"""Splitting an event that holds two happenings: spectral cut, people of the halves, the split rule."""

from __future__ import annotations

from cluster_texts import MERGER, QUAKE, REHAB, article

from newsfuse.cluster.features import features_of, person_surnames
from newsfuse.cluster.index import EventIndex
from newsfuse.cluster.scoring import ClusterConfig
from newsfuse.cluster.split import person_similarity, spectral_bisect
from newsfuse.cluster.stream import StreamClusterer, StreamResult

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


def weighted(texts: list[str]):
    index = EventIndex()
    features = [features_of(article(t)) for t in texts]
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
