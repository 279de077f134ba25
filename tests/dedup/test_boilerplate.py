"""Content status of single pages: a sign-in or paywall page is recognised even before any outlet repeats it."""

from __future__ import annotations

from newsfuse.dedup.boilerplate import Boilerplate, ContentStatus
from newsfuse.records.article import Article, content_id

SIGN_IN = (
    "Sign in using your account with: {* loginWidget *}\n\nSign in using your station profile\n\n"
    "Welcome back. Please sign in\n\nWhy are we asking this?\n\nBy submitting your registration information, "
    "you agree to our Terms of Service and Privacy Policy.\n\nAlready have an account?\n\nWe have sent a "
    "confirmation email. Please check your email and click on the link to activate your account.\n\n"
    "Thank you for registering! Visit us and sign in to update your profile, receive the latest news and keep "
    "up to date with mobile alerts.\n\nClick here to return to the page you were visiting."
)
STORY = (
    "A 17-year-old boy was shot in the leg on Tuesday evening outside a convenience store on Elm Avenue, police "
    "said. He was taken to a hospital in stable condition. Officers found several shell casings in the parking "
    "lot and are reviewing video from the store's cameras. No arrests have been made. Anyone with information "
    "is asked to call detectives. Subscribe to our newsletter for the day's headlines, or sign in to comment."
)


def _page(text: str, host: str) -> Article:
    return Article(id=content_id("", text), text=text, url=f"https://{host}/story/1")


def test_a_sign_in_page_seen_once_per_host_is_paywalled_not_a_story():
    nothing_learned = Boilerplate({})
    assert nothing_learned.clean(_page(SIGN_IN, "wxyz.example")).status == ContentStatus.PAYWALLED
    assert nothing_learned.clean(_page(SIGN_IN, "wxyz.example")).contentless


def test_a_story_with_a_sign_in_line_stays_a_story():
    assert Boilerplate({}).clean(_page(STORY, "wxyz.example")).status == ContentStatus.OK


def test_an_outlets_clock_times_are_not_its_boilerplate():
    """Every report of one outlet opens a sentence with a time ("About 12:30 a.m., he was ..."): without its
    numbers that opening repeats, but it is the happening's time of day, not a footer."""
    from collections import Counter

    from newsfuse.dedup.boilerplate import observed_passages
    from newsfuse.dedup.specifics import specifics_of

    openings = ("he was inside a restaurant", "she was walking on the sidewalk", "they were sitting in a car")
    pages = [
        _page(f"A man was shot early Saturday.\n\nAbout {hour}:30 a.m., {what} when someone fired.", "city.example")
        for hour, what in zip((12, 3, 5), openings, strict=True)
    ]
    counts = Counter(key for page in pages for key in observed_passages(page))
    learned = Boilerplate({"city.example": {key for key, n in counts.items() if n >= 3}})
    cleaned = learned.clean(pages[1]).article.text
    assert "3:30 a.m." in cleaned
    assert specifics_of(cleaned)["hour"] == frozenset({"3"})


PLAYLIST = (
    "0:24 Police investigate scene of shooting in southwest Riverton Pause\n\n"
    "1:02 Bandit held knife to credit union employee's throat, police say\n\n"
    "2:26 Council rejects plan to build new stadium downtown\n\n"
    "1:37 Mayor talks about sanctuary city status\n\n"
)


def test_a_video_playlist_is_the_pages_frame_not_its_story():
    page = _page(PLAYLIST + STORY, "riverton.example")
    cleaned = Boilerplate({}).clean(page)
    assert "Bandit" not in cleaned.article.text and "stadium" not in cleaned.article.text
    assert "17-year-old boy was shot" in cleaned.article.text
    assert cleaned.boilerplate_chars == len(PLAYLIST.rstrip()) - PLAYLIST.rstrip().count("\n")
    # A timeline of the day's events, one clock time a line, is the story itself.
    timeline = "10:30 a.m. Police arrive\n11:15 a.m. The suspect surrenders\n12:05 p.m. Roads reopen\n"
    assert Boilerplate({}).clean(_page(timeline + STORY, "riverton.example")).boilerplate_chars == 0


FOOTER = "Copyright 2026 Riverton Gazette. All rights reserved. Get email notifications on this reporter."


_TOPICS = ("the Halvern bridge repairs", "a new library wing", "winter road salt", "the harbour dredging")


def _gazette_story(n: int) -> Article:
    text = f"The Riverton council debated {_TOPICS[n - 1]} this week, the clerk said.\n\n{FOOTER}"
    return Article(id=content_id("", text), text=text, url=f"https://gazette.example/story/{n}")


def test_learning_cleans_each_article_once_and_the_stage_reuses_it(store):
    """``learn`` cleans every new article to save its content status; the stage's own cleaning of the same
    article is that result, not a second pass over its passages (boilerplate was cleaned twice per article)."""
    from newsfuse.dedup.boilerplate import learn

    articles = [_gazette_story(n) for n in range(1, 5)]
    store.add_articles(articles)
    boilerplate = learn(store, [a.id for a in articles])
    assert boilerplate.learned == len(articles)
    stored = store.get_articles([articles[0].id])[0]
    cleaned = boilerplate.clean(stored)
    assert "Copyright" not in cleaned.article.text and "Halvern" in cleaned.article.text
    assert boilerplate.learned == len(articles) - 1
    # Handed out once: cleaning it again (an older text re-read for verification) computes the same result.
    assert boilerplate.clean(stored).article.text == cleaned.article.text
    assert learn(store, [a.id for a in articles]).learned == 0  # already counted: nothing cleaned in advance
