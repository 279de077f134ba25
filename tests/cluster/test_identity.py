"""Event identity in the long tail, one test per failure mode, on small texts written for the test."""

from __future__ import annotations

import html
import json
import re

from cluster_texts import article
from typer.testing import CliRunner

from newsfuse import cluster, dedup
from newsfuse.cli.main import build_app
from newsfuse.ingest import ingest
from newsfuse.records.article import Article, content_id
from newsfuse.settings import Settings

LEXICAL = Settings(use_embeddings=False)

SHOOTING = (
    "CHICAGO - A {age}-year-old {who} was shot and killed {day} night in the {block} block of {street}, police said.\n\n"
    "Police identified the victim as {name}, {age}. {pronoun} was taken to Stroger Hospital, where {lower} was "
    "pronounced dead, according to police and the Cook County medical examiner's office.\n\n"
    "No one is in custody. Area North detectives are investigating the shooting, police said."
)
REED = dict(age=24, who="man", day="Tuesday", block=4800, street="West Adams Street", name="Marcus Reed")
SIMMS = dict(age=31, who="woman", day="Tuesday", block=1200, street="South Kedzie Avenue", name="Latoya Simms")


def _shooting(published: str, title: str, pronoun: str = "He", **details) -> Article:
    text = SHOOTING.format(pronoun=pronoun, lower=pronoun.lower(), **details)
    return article(text, title=title, published=published)


def _background():
    """Other city news, so that words common to every shooting report weigh what they weigh in a real store."""
    topics = ("council budget vote", "bridge repair closes lanes", "school board election", "storm floods basements")
    return [article(f"The {t} was discussed by officials on Monday. Residents spoke at length.") for t in topics]


def test_two_shootings_in_one_city_a_week_apart_with_different_victims_stay_apart(store):
    reed = _shooting("2024-03-05", "Man, 24, killed in West Adams Street shooting", **REED)
    # Another outlet's report of the same shooting: other words, the same victim, age and block.
    reed_2 = article(
        "Marcus Reed, 24, died after being shot Tuesday night in the 4800 block of West Adams Street in Chicago. "
        "Police said Reed was found with a gunshot wound and taken to Stroger Hospital.",
        title="Victim identified in West Adams Street shooting",
        published="2024-03-06",
    )
    simms = _shooting("2024-03-12", "Woman, 31, killed in South Kedzie Avenue shooting", pronoun="She", **SIMMS)
    articles = [*_background(), reed, reed_2, simms]
    store.add_articles(articles)
    cluster.update(store, [a.id for a in articles], LEXICAL, None)
    assert store.event_of(reed.id) == store.event_of(reed_2.id)
    assert store.event_of(simms.id) != store.event_of(reed.id)


def test_explain_names_the_specifics_that_conflict(store):
    reed = _shooting("2024-03-05", "Man killed", **REED)
    simms = _shooting("2024-03-12", "Woman killed", pronoun="She", **SIMMS)
    store.add_articles([reed, simms])
    cluster.update(store, [reed.id, simms.id], LEXICAL, None)
    explanation = cluster.explain(store, reed.id, simms.id, LEXICAL, None)
    conflicts = " ".join(explanation.conflicts())
    assert "street" in conflicts and "person" in conflicts
    assert explanation.pair.specifics < 0


BRIEF = (
    "A {age}-year-old {who} was fatally shot in {area} on {day}, according to police and the Cook County medical "
    "examiner's office.\n\n{name} was standing in the {block} block of {street} about {hour} p.m. when someone "
    "opened fire, police said.\n\n{pronoun} was taken to Mount Sinai Hospital, where {lower} was pronounced dead, "
    "according to police and the Cook County medical examiner's office.\n\nNo one was in custody and Area Central "
    "detectives were investigating, police said."
)


def test_two_outlets_house_style_briefs_about_different_people_are_not_derived(store):
    first = BRIEF.format(
        age=17, who="boy", area="Englewood", day="Tuesday", name="Jaylen Booker", block=6400,
        street="South Halsted Street", hour=9, pronoun="He", lower="he",
    )  # fmt: skip
    second = BRIEF.format(
        age=42, who="woman", area="Austin", day="Friday", name="Denise Whitfield", block=5100,
        street="West Madison Street", hour=11, pronoun="She", lower="she",
    )  # fmt: skip
    briefs = [
        Article(
            id=content_id("", first), text=first, url="https://chicago.example-times.com/1", published="2024-01-02"
        ),
        Article(
            id=content_id("", second), text=second, url="https://www.example-tribune.com/2", published="2024-01-05"
        ),
    ]
    store.add_articles(briefs)
    assert dedup.update(store, [a.id for a in briefs], LEXICAL) == []


FOOTER = (
    "\n\nGet email notifications on Dana Whitley daily!\n\nYour notification has been saved.\n\n"
    "There was a problem saving your notification.\n\nCopyright 2024 Riverton Gazette. All rights reserved. "
    "This material may not be published, broadcast, rewritten or redistributed."
)
STORIES = (
    "The Riverton city council approved a new budget for road repairs on Monday after a long debate about taxes, "
    "with the mayor promising that potholes on Main Street would be filled before the summer festival begins.",
    "A fire destroyed a barn on Elm Road early Sunday, the Riverton fire department said. No one was hurt, but "
    "firefighters needed four hours to put out the flames, and two horses were led to safety by neighbours.",
    "The Riverton High School robotics team won the state championship on Saturday with a machine built from spare "
    "parts, beating thirty other schools; the students will travel to the national finals in Houston next month.",
)


def _gazette(text: str, n: int) -> Article:
    return Article(id=content_id("", text), text=text, url=f"https://www.rivertongazette.example/news/{n}")


def test_a_boilerplate_only_page_founds_no_event(store):
    pages = [_gazette(story + FOOTER, n) for n, story in enumerate(STORIES)]
    widget_only = _gazette("Dana Whitley" + FOOTER, 9)
    store.add_articles([*pages, widget_only])
    ids = [a.id for a in (*pages, widget_only)]
    dedup.update(store, ids, LEXICAL)
    cluster.update(store, ids, LEXICAL, None)
    assert store.event_of(widget_only.id) is None
    assert store.content_status([widget_only.id]) == {widget_only.id: "boilerplate-only"}
    assert all(store.event_of(p.id) for p in pages)
    assert len({store.event_of(p.id) for p in pages}) == 3  # the shared footer joins nothing
    assert not store.links_for([widget_only.id])


PLEA = (
    "DeShawn Tolliver, 19, pleaded guilty Monday to first-degree murder at a hearing in the Leighton Criminal Court "
    "Building. Judge Ellen Park set sentencing for August. Prosecutors said Tolliver had argued with the victim, "
    "Marcus Reed, before the January shooting. Reed's mother addressed the court."
)


def test_a_plea_hearing_months_later_links_to_the_shootings_storyline(store):
    charged = "\n\nDeShawn Tolliver, 19, was charged with first-degree murder in the shooting, police said Thursday."
    reed = _shooting("2024-01-09", "Man, 24, killed in West Adams Street shooting", **REED)
    reed_charge = article(
        reed.text + charged, title="Teen charged in West Adams Street killing", published="2024-01-11"
    )
    plea = article(PLEA, title="Teen pleads guilty in killing of Marcus Reed", published="2024-06-17")
    articles = [*_background(), reed, reed_charge, plea]
    store.add_articles(articles)
    cluster.update(store, [a.id for a in articles], LEXICAL, None)
    shooting_event, plea_event = store.event_of(reed.id), store.event_of(plea.id)
    assert plea_event != shooting_event
    storyline = store.storyline_of(shooting_event)
    assert [r["event_id"] for r in storyline] == [plea_event]
    assert storyline[0]["relation"] == "follow-up" and "tolliver" in storyline[0]["shared"]


def _feed(seeds) -> str:
    """The seed reports as items of one RSS feed: their headlines as item titles, paragraphs as HTML."""
    items = []
    for number, path in enumerate(seeds):
        lines = path.read_text(encoding="utf-8").strip().split("\n")
        header = re.match(r"\s*date (\S+) (.*)", lines[0])
        title, body = (header.group(2), "\n".join(lines[1:])) if header else (lines[0], "\n".join(lines[1:]))
        day = header.group(1) if header else "2025-08-19"
        paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>" for p in body.split("\n\n") if p.strip())
        items.append(
            f"<item><title>{html.escape(title)}</title><link>https://outlet{number}.example/story</link>"
            f"<pubDate>{day}T0{number}:00:00Z</pubDate><description>{html.escape(paragraphs)}</description></item>"
        )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title>{"".join(items)}</channel></rss>'


def test_the_seed_reports_delivered_as_feed_items_form_one_event(tmp_path, shared_dir):
    from newsfuse.store import open_store

    feed = tmp_path / "seeds.xml"
    feed.write_text(_feed(sorted((shared_dir / "seeds").glob("*.txt"))), encoding="utf-8")
    for settings, models in ((LEXICAL, None), (Settings(use_embeddings=True), cluster.load_models(True))):
        with open_store(tmp_path / f"feed-{settings.use_embeddings}.db") as store:
            ids = list(ingest([str(feed)], store, settings).new)
            assert len(ids) == 3
            cluster.update(store, ids, settings, models)
            assert len({store.event_of(i) for i in ids}) == 1


def test_export_lists_an_input_id_skipped_as_already_stored_with_its_copys_event(tmp_path):
    text = "Flood waters closed the river road in Riverton on Monday, and the council met to plan repairs."
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in ("first", "again")), encoding="utf-8")
    db = str(tmp_path / "news.db")
    runner = CliRunner()
    assert runner.invoke(build_app(), ["ingest", str(path), "--db", db]).exit_code == 0
    assert runner.invoke(build_app(), ["cluster", "--db", db, "--no-embeddings"]).exit_code == 0
    result = runner.invoke(build_app(), ["export", "articles", "--db", db])
    rows = {row["id"]: row for row in map(json.loads, result.stdout.splitlines())}
    assert set(rows) == {"first", "again"}
    assert rows["again"]["event_id"] == rows["first"]["event_id"] is not None
    assert rows["again"]["duplicate_of"] == "first"


LOCAL = "RIVERTON, Ohio (WRVT) \u2014 "
CITY_NEWS = (
    "The Riverton Police Department swore in twelve new officers at City Hall, Chief Dana Whitlock said.",
    "Mercy Riverside Hospital opened a new cancer wing, the Riverton hospital's board announced.",
    "Riverton City Council approved the budget for road repairs after a long debate on Monday evening.",
    "A water main break flooded Eastgate Avenue; Riverton Police Department officers closed the road for hours.",
    "Riverton schools will start two hours late after the ice storm, the district said on its website.",
    "Mercy Riverside Hospital nurses will vote on a contract next week, the union told WRVT in Riverton.",
)
SHOT_EASTGATE = (
    "A man was shot in the Eastgate neighborhood of Riverton late on Tuesday, the Riverton Police Department said. "
    "Officers found him in a parked car with a gunshot wound to the chest. Police identified him as Marcus Reed, 24. "
    "He was taken to Mercy Riverside Hospital in critical condition. No arrests have been made."
)
REED_DIES = (
    "Marcus Reed, 24, who was shot in his car in Eastgate on Tuesday night, died at Mercy Riverside Hospital, "
    "the Riverton Police Department said. Detectives are asking neighbours for doorbell camera video."
)
SHOT_NORTHSIDE = (
    "A woman was wounded by gunfire outside a laundromat on the Northside of Riverton on Friday afternoon, the "
    "Riverton Police Department said. Witnesses heard several shots from a passing pickup truck. She was taken to "
    "Mercy Riverside Hospital with injuries that were not life-threatening."
)


def _local(text: str, n: int, published: str) -> Article:
    return Article(
        id=content_id("", text), text=LOCAL + text, url=f"https://www.wrvt.example/news/{n}", published=published
    )


def test_an_outlets_city_police_and_hospital_are_locality_not_evidence_of_one_shooting(store):
    """Two shootings one outlet reports in one week share its city, police department and hospital, as all its
    reports do: they stay apart, while its two reports of one shooting (the same victim) still join."""
    background = [_local(text, n, f"2024-02-{n + 1:02d}") for n, text in enumerate(CITY_NEWS)]
    eastgate, dies = _local(SHOT_EASTGATE, 10, "2024-03-05"), _local(REED_DIES, 11, "2024-03-06")
    northside = _local(SHOT_NORTHSIDE, 12, "2024-03-08")
    articles = [*_background(), *background, eastgate, dies, northside]
    store.add_articles(articles)
    cluster.update(store, [a.id for a in articles], LEXICAL, None)
    assert store.event_of(eastgate.id) == store.event_of(dies.id)
    assert store.event_of(northside.id) != store.event_of(eastgate.id)


def test_two_reports_giving_the_victims_ages_and_the_street_each_their_own_way_form_one_event(store):
    """One outlet writes "W. 16th St." and names no one, another "West 16th Street" with a victim named after
    her age: the same street, the same three ages, the same day are one shooting (it was split, the street
    read as a conflict); a shooting the same night with other ages on another street stays apart."""
    first = article(
        "A 15-year-old girl, a 16-year-old boy and a 19-year-old man were wounded when gunfire erupted outside a "
        "corner store on W. 16th St. on Saturday evening, police said. All three were taken to Methodist Hospital.",
        title="Three teens wounded outside corner store",
        published="2024-05-11",
    )
    second = article(
        "Three people, 15-year-old Talia Brennock among them, were hurt outside a corner store on West 16th Street "
        "late Saturday. Police said a 16-year-old and a 19-year-old were also hit and taken to Methodist Hospital.",
        title="Girl among those hurt in weekend gunfire",
        published="2024-05-12",
    )
    other = article(
        "A 42-year-old man was wounded in gunfire on Marbury Avenue on Saturday evening, police said. He was "
        "taken to Methodist Hospital in stable condition.",
        title="Man wounded in Marbury Avenue gunfire",
        published="2024-05-11",
    )
    articles = [*_background(), first, second, other]
    store.add_articles(articles)
    cluster.update(store, [a.id for a in articles], LEXICAL, None)
    assert store.event_of(first.id) == store.event_of(second.id)
    assert store.event_of(other.id) != store.event_of(first.id)
