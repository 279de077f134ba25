"""One site's reports of two incidents share its standing paragraphs, not a source: no derivation link."""

from newsfuse import dedup
from newsfuse.records.article import Article, content_id
from newsfuse.settings import Settings
from newsfuse.store import open_store

STANDING = (
    "Police are asking for the public's help to identify suspects in connection with a shooting that happened "
    "{day} night. Preliminary investigation revealed that the victims were standing outside when someone opened "
    "fire from a passing vehicle. The investigation is ongoing and no suspect information is available at this time. "
    "Anyone with information is asked to call the Hampton Police Division at 757-727-6111 or the Crime Line at "
    "1-888-562-5887. Tips can be submitted online through Hampton Roads Crime Line or the P3 Tips mobile app, and "
    "callers may be eligible for a Crime Line cash reward of up to 1,000 dollars, Hampton Police Chief Terry Sult said."
)
INCIDENT = (
    "HAMPTON - Officers were called to the {block} block of {street} around {hour} p.m. on {day}, where they found "
    "a {age}-year-old boy suffering from a gunshot wound. He was taken to a hospital with injuries that police "
    "described as {injury}.\n\n"
)


def _report(n: int, **details) -> Article:
    text = INCIDENT.format(**details) + STANDING.format(**details)
    return Article(
        id=content_id("", text), text=text, url=f"https://hampton-news.example.com/{n}", published=f"2024-01-0{n}"
    )


def test_two_incidents_in_one_sites_standing_paragraphs_are_not_derived(tmp_path):
    first = _report(2, block=2000, street="Seldendale Drive", hour=10, day="Monday", age=15, injury="serious")
    second = _report(6, block=400, street="Kecoughtan Road", hour=4, day="Friday", age=17, injury="minor")
    with open_store(tmp_path / "news.db") as store:
        store.add_articles([first, second])
        assert dedup.update(store, [first.id, second.id], Settings(use_embeddings=False)) == []


def test_a_rewrite_keeping_its_sources_details_is_still_derived(tmp_path):
    source = _report(2, block=2000, street="Seldendale Drive", hour=10, day="Monday", age=15, injury="serious")
    rewrite_text = (
        "A 15-year-old boy was shot on Seldendale Drive in Hampton on Monday night, police said.\n\n"
        + source.text.split("\n\n", 1)[1]
    )
    rewrite = Article(id=content_id("", rewrite_text), text=rewrite_text, url="https://other.example.org/a",
                      published="2024-01-03")  # fmt: skip
    with open_store(tmp_path / "news.db") as store:
        store.add_articles([source, rewrite])
        links = dedup.update(store, [source.id, rewrite.id], Settings(use_embeddings=False))
        assert [(link.article_id, link.target) for link in links] == [(rewrite.id, source.id)]


def test_the_pieces_of_p_m_are_no_boilerplate_however_often_they_recur():
    from newsfuse.dedup.boilerplate import Boilerplate, passages

    text = "The shooting was reported around 11:20 p.m. near the intersection of Raitt Street and Glenwood Place."
    keys = {key for _, _, key in passages(text)}
    cleaned = Boilerplate({"example.com": keys | {k for _, _, k in passages("At 9 p.m. and 10 a.m.")}}).clean(
        Article(id="a", text="It happened at 11:20 p.m. on Friday, police said.", url="https://example.com/1")
    )
    assert "p.m." in cleaned.article.text
