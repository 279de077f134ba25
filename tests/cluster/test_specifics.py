"""Specific details of a happening: what is taken as a person, and when two streets are one."""

from newsfuse.cluster.specifics import compare, specifics_of


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
