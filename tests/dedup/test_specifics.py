"""Specific details of a happening: what is taken as a person, and when two streets are one."""

from newsfuse.dedup.specifics import compare, fingerprint, specifics_of


def test_a_title_case_headline_word_the_text_writes_in_lower_case_is_no_surname():
    text = (
        "Teen Shot 12 Times Outside School\n"
        "A teen was shot 12 times near the school on Monday. Police said the suspect, Marcus Reed, 24, was arrested."
    )
    assert specifics_of(text)["person"] == frozenset({"reed"})


def test_a_street_named_more_fully_in_one_report_is_the_same_street():
    short = specifics_of("Two men were hurt in a fight on High Street late on Friday.", "")
    full = specifics_of("Two men were hurt in a fight on Wellington High Street late on Friday.", "")
    shared, conflicts = compare(short, {k: dict.fromkeys(v, 1) for k, v in full.items()})
    assert shared == {"street": ["high st"]} and conflicts == []
    other = specifics_of("Two men were hurt in a fight on Banstead Road late on Friday.", "")
    assert "street" not in compare(short, {k: dict.fromkeys(v, 1) for k, v in other.items()})[0]


def test_a_number_after_a_station_name_is_no_age():
    text = (
        "Ray Lee, 30, and Jamal Williams (19) were hurt; Dana Stone, aged 41, was not. Watch KSLA News 12 for updates."
    )
    found = specifics_of(text)
    assert found["person"] == frozenset({"lee", "williams", "stone"})
    assert found["age"] == frozenset({"30", "19", "41"})


def test_an_age_before_the_name_names_a_person():
    text = (
        "Police identified the victim as 23-year-old Oren Talbridge. A 15-year-old boy, Kasim Fenwright, was also hurt."
    )
    found = specifics_of(text)
    assert found["person"] == frozenset({"talbridge", "fenwright"})
    assert found["age"] == frozenset({"23", "15"})


def _event(specifics: dict) -> dict:
    return {kind: dict.fromkeys(values, 1) for kind, values in specifics.items()}


def test_a_street_written_with_a_direction_or_an_ordinal_word_is_the_same_street():
    one = specifics_of("The shooting happened on W. 16th St. near the park.", "")
    other = specifics_of("Officers were called to West 16th Street near the park.", "")
    assert compare(one, _event(other))[0] == {"street": ["west 16th st"]}
    fourth = specifics_of("A man was found on E. Fourth St. early Sunday.", "")
    assert compare(fourth, _event(specifics_of("Police closed East 4th Street.", "")))[0] == {"street": ["east 4th st"]}


def test_a_named_street_under_another_type_is_no_conflict_but_another_name_is():
    lead = "Two men were shot outside a bar on Quillon Road."
    road = specifics_of(lead, lead)
    street = specifics_of("Two men were shot outside a bar on Quillon Street.", "Two men were shot on Quillon Street.")
    assert compare(road, _event(street)) == ({}, [])
    elsewhere = specifics_of("Two men were shot on Marbury Street.", "Two men were shot on Marbury Street.")
    assert compare(road, _event(elsewhere))[1] == ["street"]
    numbered = specifics_of("Two men were shot on 7th Avenue.", "Two men were shot on 7th Avenue.")
    assert compare(numbered, _event(specifics_of("Shots on 7th Street.", "Shots on 7th Street.")))[1] == ["street"]


def test_several_agreeing_details_are_a_fingerprint_unless_a_roundup_lists_many():
    one = specifics_of("A 15-year-old boy, a 16-year-old girl and a 19-year-old man were shot on Corvallis Street.")
    other = specifics_of("A 15-year-old, a 16-year-old and a 19-year-old were wounded on Corvallis Street.")
    shared, _ = compare(one, _event(other))
    assert fingerprint(one, _event(other), shared) == 4  # three ages and the street
    roundup = specifics_of(
        "Weekend shootings: a 15-year-old, a 16-year-old, a 17-year-old, a 19-year-old, a 21-year-old and a "
        "24-year-old were hurt across the city, one on Corvallis Street."
    )
    shared, _ = compare(roundup, _event(other))
    assert fingerprint(roundup, _event(other), shared) == 1  # the street only: the ages agree by chance


def test_a_block_address_without_a_street_type_is_the_street_named_with_one():
    """Police give "the 11600 block of S. Bishop" where another outlet writes "South Bishop Street"."""
    short = specifics_of("Two men were shot on the 11600 block of S. Bishop on Monday.", "Two men were shot.")
    full = specifics_of("Police said the 11600 block of South Bishop Street was closed.", "")
    assert short["street"] == frozenset({"south bishop"})
    assert compare(short, _event(full)) == ({"street": ["south bishop"]}, [])
    lead = "A boy, 5, was hit in the 13000 block of Kilbourne, between East Outer Drive and Houston Whittier."
    kilbourne = specifics_of(lead, lead)
    assert kilbourne["street"] == frozenset({"kilbourne", "east outer dr"})
    assert compare(
        specifics_of("It happened on Kilbourne Avenue.", "It happened on Kilbourne Avenue."), _event(kilbourne)
    )[0] == {"street": ["kilbourne ave"]}
    # A typed address stays typed, and another name is another street.
    assert specifics_of("in the 4000 block of Newburgh Drive around 2 p.m.")["street"] == frozenset({"newburgh dr"})
    elsewhere = specifics_of(
        "A man was shot in the 3900 block of West Madison.", "A man was shot in the 3900 block of West Madison."
    )
    assert compare(elsewhere, _event(full)) == ({}, ["street"])


def test_a_named_street_and_an_age_tie_a_report_to_its_happening_but_a_numbered_street_does_not():
    from newsfuse.dedup.specifics import place_and_victim

    assert place_and_victim({"street": ["blue wing st"], "age": ["15"]}, 2)
    assert not place_and_victim({"street": ["5th st"], "age": ["15"]}, 2)
    assert not place_and_victim({"street": ["blue wing st"]}, 1)
    assert not place_and_victim({"street": ["blue wing st"], "age": ["15"]}, 1)  # a roundup's: chance
