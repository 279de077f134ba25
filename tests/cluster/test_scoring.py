"""How signals combine: time is neutral when a date is missing and penalises long gaps."""

from __future__ import annotations

import pytest

from newsfuse.cluster.scoring import ClusterConfig, combine, days_apart


def test_missing_dates_make_time_neutral():
    config = ClusterConfig()
    assert combine(config, 0.4, 0.6, None, None).combined == pytest.approx(0.5)
    assert combine(config, 0.4, 0.6, None, None).time_penalty == 0.0


def test_follow_ups_within_the_grace_period_are_not_penalised_and_years_apart_are():
    config = ClusterConfig()
    assert combine(config, 0.5, 0.5, None, config.time_grace_days).time_penalty == 0.0
    linked = ({"person": ["mallet"]}, [])
    far = combine(config, 0.5, 0.5, None, 5 * 365, details=linked)
    assert far.time_penalty == pytest.approx(config.time_penalty)
    assert far.combined < config.threshold(False) + 0.5 - config.time_penalty + 1e-9


def test_reports_weeks_apart_need_a_shared_person_to_be_one_happening():
    """A city's shootings weeks apart share wording and places; a follow-up names the same people again."""
    config = ClusterConfig()
    gap = config.time_grace_days + config.unlinked_ramp_days
    unlinked = combine(config, 0.35, 0.35, None, gap)
    same_age = combine(config, 0.35, 0.35, None, gap, details=({"age": ["17"]}, []))
    named = combine(config, 0.35, 0.35, None, gap, details=({"person": ["mallet"]}, []))
    assert unlinked.time_penalty == pytest.approx(same_age.time_penalty)
    assert unlinked.time_penalty - named.time_penalty == pytest.approx(config.unlinked_penalty)
    assert unlinked.combined < config.threshold(False) <= named.combined
    # Within the grace (the same week's reports of one shooting, worded differently) nothing is required.
    assert combine(config, 0.5, 0.5, None, config.time_grace_days).time_penalty == 0.0


def test_embedding_joins_the_weighted_average_when_present():
    config = ClusterConfig(lexical_weight=1.0, names_weight=1.0, embedding_weight=0.5)
    assert combine(config, 0.3, 0.3, 0.9, None).combined == pytest.approx((0.3 + 0.3 + 0.45) / 2.5)


def test_days_apart_measures_distance_to_the_event_span():
    assert days_apart(10, [12, 20]) == 2
    assert days_apart(15, [12, 20]) == 0
    assert days_apart(None, [12]) is None
    assert days_apart(3, []) is None


def test_reports_sharing_no_names_are_penalised_only_when_both_name_something():
    config = ClusterConfig()
    disjoint = combine(config, 0.6, 0.0, None, None, both_named=True)
    assert disjoint.names_penalty == pytest.approx(config.names_penalty)
    assert disjoint.combined == pytest.approx(0.3 - config.names_penalty)
    # An article that names nothing (a short brief, an untranslated text) is not held against the event.
    assert combine(config, 0.6, 0.0, None, None, both_named=False).names_penalty == 0.0
    # The penalty fades as names are shared and is gone at the floor.
    half = combine(config, 0.6, config.names_floor / 2, None, None, both_named=True)
    assert half.names_penalty == pytest.approx(config.names_penalty / 2)
    assert combine(config, 0.6, config.names_floor, None, None, both_named=True).names_penalty == 0.0


def test_a_follow_up_weeks_later_giving_the_street_and_the_victims_age_again_is_linked():
    """ "Two charged with killing the 15-year-old shot on Blue Wing Street": no one named in full in the first
    report, but its place and victim are the same; a numbered street ("5th Street") is in every district."""
    config = ClusterConfig()
    gap = config.time_grace_days + config.unlinked_ramp_days
    unlinked = combine(config, 0.35, 0.35, None, gap)
    place = ({"street": ["blue wing st"], "age": ["15"]}, [])
    linked = combine(config, 0.35, 0.35, None, gap, details=place, agreeing=2)
    numbered = combine(config, 0.35, 0.35, None, gap, details=({"street": ["5th st"], "age": ["15"]}, []), agreeing=2)
    assert unlinked.time_penalty - linked.time_penalty == pytest.approx(config.unlinked_penalty)
    assert numbered.time_penalty == pytest.approx(unlinked.time_penalty)
