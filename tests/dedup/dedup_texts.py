"""Small news texts written for the dedup and cluster tests."""

from __future__ import annotations

from newsfuse.records.article import Article, content_id

QUAKE = (
    "A magnitude 6.1 earthquake struck the southern Iranian island of Qeshm on Sunday, killing at least seven people "
    "and injuring dozens, the governor of Hormozgan province said. The quake hit at 2:30 p.m. local time and was felt "
    "across the Persian Gulf, where residents of Dubai reported swaying buildings. Rescue teams from the Red Crescent "
    "reached the worst-hit villages of Zainabieh and Koohi by evening, according to the state news agency IRNA. "
    "Governor Mehdi Irannejad said about 1,336 houses were damaged and that emergency shelters had been opened in "
    "three schools. The United States Geological Survey put the depth of the quake at ten kilometres. Aftershocks "
    "continued through the night, and officials warned residents to stay outdoors until engineers inspected homes."
)

REHAB = (
    "Actress Tara Reid has checked into Promises Treatment Center in Malibu, her representative Jack Ketsoyan told "
    "People magazine on Tuesday. The 33-year-old star of American Pie asked for privacy for herself and her family. "
    "Ketsoyan would not say what Reid was being treated for. A friend said her relatives supported the decision and "
    "visited the clinic before she was admitted. Reid launched a new fashion line called Mantra in December and had "
    "been scheduled to appear at a charity gala in Los Angeles next week, which organisers said would go ahead."
)

TRADE = (
    "Shares of Nordwind Shipping rose 12 percent in Oslo after the company agreed to buy rival Baltic Freight Lines "
    "for 2,400 million kroner in cash. Chief executive Ingrid Solberg said the merger would create the largest "
    "container operator in Scandinavia and save 180 million kroner a year by 2027. Analysts at Fearnley Securities "
    "called the price fair but warned that competition regulators in Brussels could demand the sale of ferry routes. "
    "The deal is expected to close in the second half of next year, subject to approval by shareholders."
)


def article(text: str, title: str = "", published: str | None = None, external_id: str | None = None) -> Article:
    return Article(id=content_id(title, text), text=text, title=title, published=published, external_id=external_id)
