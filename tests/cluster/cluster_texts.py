"""Hand-written reports of three happenings, several outlets each, for the clustering tests."""

from __future__ import annotations

from newsfuse.records.article import Article, content_id

QUAKE = [
    "A magnitude 6.1 earthquake struck the Iranian island of Qeshm on Sunday, killing seven people, the governor of "
    "Hormozgan province, Mehdi Irannejad, said. Rescue teams from the Red Crescent reached Zainabieh village.",
    "Seven people died when a strong earthquake hit Qeshm island in southern Iran, officials in Hormozgan said. "
    "Governor Mehdi Irannejad said hundreds of houses in Zainabieh were damaged and the Red Crescent sent tents.",
    "Tremors from the Qeshm earthquake were felt in Dubai. Iran's Red Crescent said the quake, measured at 6.1 by "
    "the US Geological Survey, destroyed homes in Zainabieh and killed seven on the island in Hormozgan province.",
]
REHAB = [
    "Actress Tara Reid has checked into Promises Treatment Center in Malibu, her representative Jack Ketsoyan told "
    "People magazine. The American Pie star asked for privacy for her family.",
    "Tara Reid is in rehab: the actress entered the Promises Treatment Center in Malibu this week, according to her "
    "spokesman Jack Ketsoyan, who would not say what she is being treated for.",
    "American Pie actress Tara Reid checked herself into Promises in Malibu, her rep Jack Ketsoyan confirmed to "
    "People. Friends said the family supported Reid's decision to seek treatment at Promises.",
]
MERGER = [
    "Nordwind Shipping agreed to buy Baltic Freight Lines for 2,400 million kroner, chief executive Ingrid Solberg "
    "said in Oslo. Shares of Nordwind rose 12 percent on the news.",
    "Ingrid Solberg, who runs Nordwind Shipping, said the takeover of Baltic Freight Lines would create the largest "
    "container operator in Scandinavia. Regulators in Brussels must approve the Nordwind deal.",
    "Baltic Freight Lines shareholders will vote on the Nordwind Shipping offer of 2,400 million kroner. Analysts in "
    "Oslo said Solberg had paid a fair price for Baltic Freight.",
]


def article(text: str, title: str = "", published: str | None = None, external_id: str | None = None) -> Article:
    return Article(id=content_id(title, text), text=text, title=title, published=published, external_id=external_id)


def stories(published: str | None = None) -> list[list[Article]]:
    """The three happenings, each a list of reports (all on ``published`` when given)."""
    return [[article(t, published=published) for t in group] for group in (QUAKE, REHAB, MERGER)]
