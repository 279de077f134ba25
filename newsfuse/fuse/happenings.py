"""Happenings across an event's reports: every event word joins the claim naming the same action, or a claim of its own.

Claims come from frames with named participants (claims.py, merge.py). The reports name the
same happenings with many other words ("the shooting", "killed", "his death"); each such word
with the action key (actions.py) of a claim of the event joins that claim as an ``EventMention``
(the claim in its own sentence first, else the best-supported one). Words whose action no claim
names form claims of their own when independent sources share them: the happening is reported,
its statement is the clearest source sentence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsfuse.fuse.actions import (
    REPORTING,
    is_event_word,
    key_class,
    misnamed,
    named_event_key,
    names_happening,
    word_key,
)
from newsfuse.fuse.claims import claim_id
from newsfuse.fuse.corefer import CONVERSE, DENIALS, claim_keys, fits, same_participants, word_keys
from newsfuse.fuse.figures import figures_for
from newsfuse.fuse.independence import fused_status, support
from newsfuse.fuse.likeness import Likeness
from newsfuse.fuse.merge import status_conflict
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.roles import entity_tokens, roles
from newsfuse.fuse.statement import line_bounds
from newsfuse.fuse.status import modality
from newsfuse.records import Article
from newsfuse.records.claims import Claim, ClaimArgument, Contradiction, EventMention, Evidence
from newsfuse.records.mentions import EntityMention

MIN_SOURCES = 2  # a happening no claim names becomes a claim when this many independent sources report it
MIN_SOURCES_UNKNOWN = 2  # words outside the action lexicon need more reports before they make a claim
LEAD_SENTENCES = 1  # ... or when a report's first sentences name it with a word of the action lexicon


@dataclass(frozen=True, slots=True)
class EventWord:
    article_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    lemma: str
    key: str
    modality: str
    position: int  # sentence number in its article (0: the lead)
    actors: tuple[ClaimArgument, ...] = ()
    targets: tuple[ClaimArgument, ...] = ()
    verb: bool = False
    named: bool = False  # the name of an event ("Watergate"), from the extraction's EVENT entities
    stated: bool = False  # a verb whose clause says who or what (a subject or object other than a pronoun)


def event_words(
    article: Article, doc: Doc, mentions: Sequence[EntityMention], entities: EntityIndex
) -> list[EventWord]:
    """The words of one parsed article that may name a happening, with their action key, status and roles."""
    out = []
    by_token = entity_tokens(doc, mentions)
    for number, sentence in enumerate(doc.sents):
        speakers = _speakers(sentence, by_token, entities)
        for token in sentence:
            named = by_token.get(token.i)
            key = named_event_key(token, named.label, named.end) if named is not None else None
            if named is not None and named.label == "EVENT" and token.pos_ in {"PROPN", "NOUN"}:
                pass  # an event named by its name ("Watergate", "the Oscars") is a mention of it
            elif key is None and (not is_event_word(token) or named is not None and not misnamed(token, named.text)):
                continue
            key = key or word_key(token)
            lemma = token.lemma_.lower()
            actors, targets = roles(token, by_token, entities)
            actors = tuple(a for a in actors if a.entity_id not in speakers)  # who says it is not who did it
            first, last = line_bounds(article.text, sentence.start_char, sentence.end_char, token.idx)
            out.append(
                EventWord(
                    article.id, token.idx, token.idx + len(token.text), first, last,
                    lemma, key, modality(token), number, actors, targets, token.pos_ == "VERB",
                    named is not None, _stated(token),
                )
            )  # fmt: skip
    return out


def _stated(token) -> bool:
    """A verb with a subject or object in words ("police responded", "transported six people"), not an
    imperative or a modifier ("Stay with us for updates", "running back")."""
    arguments = {"nsubj", "nsubjpass", "dobj"}
    return token.pos_ == "VERB" and any(c.dep_ in arguments and c.pos_ != "PRON" for c in token.children)


def _speakers(sentence, by_token, entities: EntityIndex) -> set[str]:
    """Entities that are the subject of a reporting verb of the sentence ("..., said Andrea Weaver")."""
    out = set()
    for token in sentence:
        if token.lemma_.lower() in REPORTING:
            for child in token.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    out |= {entities.key(by_token[t.i]) for t in child.subtree if t.i in by_token}
    return out


def _statements(claims: Sequence[Claim]) -> dict[tuple[str, int], int]:
    """(article id, sentence start) -> the claim of what is said there, where one sentence says one thing."""
    found: dict[tuple[str, int], set[int]] = defaultdict(set)
    for n, claim in enumerate(claims):
        if claim.predicate == "say" or claim.quote:
            for e in claim.evidence:
                found[(e.article_id, e.sentence_start)].add(n)
    return {place: min(homes) for place, homes in found.items() if len(homes) == 1}


def _mention(word: EventWord, text: str) -> EventMention:
    return EventMention(word.article_id, word.start, word.end, word.sentence_start, word.sentence_end, text)


def attach_mentions(
    claims: Sequence[Claim],
    words: Sequence[EventWord],
    origins: Mapping[str, str],
    articles: Mapping[str, Article],
    like: Likeness | None = None,
    keys: Mapping[tuple[str, int], str] | None = None,
) -> tuple[list[Claim], list[Contradiction]]:
    """Claims with the event's other words naming their happening, plus claims for happenings only words name.

    ``like`` (the event's ``Likeness``) and ``keys`` (``word_keys(words)``) are built here unless the caller,
    which needs them again for ``merge_happenings``, passes its own.
    Returns the claims and the disputes over whether the new claims' happenings took place.
    """
    taken = {(e.article_id, e.trigger_start) for c in claims for e in c.evidence}
    keys = word_keys(words) if keys is None else keys
    by_key: dict[str, list[int]] = defaultdict(list)
    for n, claim in enumerate(claims):
        if claim.predicate != "say":
            for key in claim_keys(claim, keys):
                by_key[key].append(n)
    joined: dict[int, list[EventMention]] = defaultdict(list)
    reporting: dict[int, dict[str, Evidence]] = defaultdict(dict)  # claim -> article -> its first word there
    pending: dict[str, list[EventWord]] = defaultdict(list)
    statements = _statements(claims)
    like = Likeness(a.text for a in articles.values()) if like is None else like
    positions = {(w.article_id, w.sentence_start): w.position for w in words}
    for word in words:
        if (word.article_id, word.start) in taken:
            continue
        if word.lemma in REPORTING:  # "said" is the telling of the statement its sentence reports, if one is
            home = statements.get((word.article_id, word.sentence_start))
            if home is not None:
                joined[home].append(_mention(word, articles[word.article_id].text[word.start : word.end]))
            continue
        homes = [n for n in by_key.get(word.key, ()) if fits(claims[n], word.actors, word.targets)]
        if not (word.actors or word.targets or names_happening(word.lemma)):
            # a word outside the action lexicon with nothing named ("parked", "held") has many senses: its
            # sentence must tell the claim's happening; "killed" or "the shooting" names it by itself
            homes = [n for n in homes if _told(like, claims[n], word, articles)]
        if not homes:
            pending[word.key].append(word)
            continue
        same = [n for n in homes if any(_same_sentence(e, word) for e in claims[n].evidence)]
        telling = [n for n in homes if _tells(like, claims[n], word, articles, positions)]
        home = (same or telling or homes)[0]
        reported = {e.article_id for e in claims[home].evidence} | set(reporting[home])
        if word.article_id not in reported and home in telling:
            reporting[home][word.article_id] = _evidence(word, articles[word.article_id])  # one more report of it
            continue
        # a word of the claim's kind without its specifics: a mention of the happening, not corroboration
        joined[home].append(_mention(word, articles[word.article_id].text[word.start : word.end]))
    out = [_joined(c, joined.get(n, ()), reporting.get(n, {}), origins) for n, c in enumerate(claims)]
    disputes: list[Contradiction] = []
    by_statement = {c.statement: n for n, c in enumerate(out) if c.statement}
    for key, group in sorted(pending.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        group = [w for w in group if not _boilerplate(articles[w.article_id].text[w.sentence_start : w.sentence_end])]
        happenings = _happenings(like, group, articles)
        worth = [h for h in happenings if _worth_a_claim(h, origins)]
        left = [w for h in happenings if h not in worth for w in h if names_happening(w.lemma) or w.stated]
        for happening in worth + _pooled(left, origins):
            claim = _happening_claim(key, happening, origins, articles, set(by_statement), like)
            by_statement[claim.statement] = len(out)
            out.append(claim)
            disputes.extend(_disputes(claim, happening, origins))
    return out, disputes


def _pooled(left: list[EventWord], origins: Mapping[str, str]) -> list[list[EventWord]]:
    """Lexicon words of one key that told no happening of their own (one report each, no specifics shared),
    pooled: nothing tells them apart but other named participants in the same role, so together they are
    the happening several reports name without detail ("the attack" in four reports), a claim if enough
    tell it. Other words are pooled only as verbs saying who or what (``stated``): alone, "Stay with us for
    updates" or "running back" name nothing.
    """
    out = []
    while left:
        first = _best(left)
        told = [w for w in left if not _other_participants(first, w)]
        if _worth_a_claim(told, origins):
            out.append(told)
        kept = {id(w) for w in told}
        left = [w for w in left if id(w) not in kept]
    return out


def _other_participants(a: EventWord, b: EventWord) -> bool:
    """Different named participants in the same role: the shooting of Smith is not the shooting of Jones."""
    for mine, theirs in ((a.actors, b.actors), (a.targets, b.targets)):
        own, other = {x.entity_id for x in mine if x.entity_id}, {x.entity_id for x in theirs if x.entity_id}
        if own and other and not own & other:
            return True
    return False


_BOILERPLATE = re.compile(r"rights reserved|copyright|click here|subscribe|sign up|newsletter|cookies", re.I)


def _sentence(word: EventWord, articles: Mapping[str, Article]) -> str:
    return articles[word.article_id].text[word.sentence_start : word.sentence_end]


def _told(like: Likeness, claim: Claim, word: EventWord, articles: Mapping[str, Article]) -> bool:
    """Whether the word's sentence tells the happening of one of the claim's evidence sentences."""
    text = _sentence(word, articles)
    return any(like.same(e.text.strip(), text.strip(), (word.lemma, claim.trigger)) for e in claim.evidence)


def _tells(like: Likeness, claim: Claim, word: EventWord, articles, positions: Mapping) -> bool:
    """Whether the word's report is evidence of the claim's happening, not only a word of its kind: the same
    participants in the same roles, both told in the reports' leads, or sentences sharing specifics."""
    converse = word.lemma != claim.trigger and (word.lemma in CONVERSE or claim.trigger in CONVERSE)
    shared = same_participants(claim.subjects, claim.objects, word.actors, word.targets, converse)
    text = _sentence(word, articles).strip()
    # a denial in a lead ("we didn't bomb any camps", a spokesman said on Friday) or of the same people is
    # evidence under its own status, for the dispute, never support
    denial = word.modality in DENIALS and claim.modality not in DENIALS
    if shared is not None:  # the same people, unless the figures say otherwise ("scored 23", "scored 10 of 17")
        return shared and (denial or any(not like.apart(e.text.strip(), text, days=False) for e in claim.evidence))
    if word.position <= LEAD_SENTENCES and names_happening(word.lemma):
        if any(positions.get((e.article_id, e.sentence_start), LEAD_SENTENCES + 1) <= LEAD_SENTENCES
               and not like.apart(e.text.strip(), text, days=not denial, named=False, disputed=True)
               for e in claim.evidence):  # fmt: skip
            return True
    return any(like.corroborates(e.text.strip(), text, (word.lemma, claim.trigger)) for e in claim.evidence)


def _corroborating(like: Likeness, a: EventWord, b: EventWord, articles: Mapping[str, Article]) -> bool:
    """``_tells`` between two words: b's report is evidence of a's happening."""
    converse = a.lemma != b.lemma and (a.lemma in CONVERSE or b.lemma in CONVERSE)
    shared = same_participants(a.actors, a.targets, b.actors, b.targets, converse)
    first, second = _sentence(a, articles).strip(), _sentence(b, articles).strip()
    denial = (a.modality in DENIALS) != (b.modality in DENIALS)  # evidence under its own status, never support
    if shared is not None:
        return shared and (denial or not like.apart(first, second, days=False))
    lead = max(a.position, b.position) <= LEAD_SENTENCES and names_happening(a.lemma) and names_happening(b.lemma)
    if lead and not like.apart(first, second, days=not denial, named=False, disputed=True):
        return True  # the reports' leads tell the main happening
    return like.corroborates(first, second, (a.lemma, b.lemma))


def _happenings(like: Likeness, group: list[EventWord], articles: Mapping[str, Article]) -> list[list[EventWord]]:
    """The words of one action key, grouped by the happening they tell: the clearest word's happening first,
    then the clearest of the words left and those telling its happening, and so on ("shot" in one street
    and "shot" in another are two shootings, each its own claim if enough sources tell it)."""
    happenings: list[list[EventWord]] = []
    while group:
        told = _one_happening(like, group, articles) or [_best(group)]  # the clearest tells its own, always
        happenings.append(told)
        kept = {id(w) for w in told}
        group = [w for w in group if id(w) not in kept]
    return happenings


def _one_happening(like: Likeness, group: list[EventWord], articles: Mapping[str, Article]) -> list[EventWord]:
    """The words of one action key whose sentences tell the happening of its clearest one (``_best``)."""
    if not group:
        return group
    first = _best(group)
    best, named = _sentence(first, articles).strip(), {a.entity_id for a in (*first.actors, *first.targets)}
    # leads state the main happening: a known action word in two reports' leads names the same one
    lead = first.position <= LEAD_SENTENCES and names_happening(first.lemma)
    return [
        w
        for w in group
        if named & {a.entity_id for a in (*w.actors, *w.targets)}
        or lead
        and w.position <= LEAD_SENTENCES
        or like.same(best, _sentence(w, articles).strip(), (w.lemma,), names_happening(w.lemma))
    ]


def _best(words) -> EventWord:
    return min(words, key=lambda w: (w.modality != "happened", w.position, w.sentence_end - w.sentence_start))


def _boilerplate(sentence: str) -> bool:
    """Page furniture and fragments: no claim is read from them."""
    return len(sentence.split()) < 5 or bool(_BOILERPLATE.search(sentence))


def _worth_a_claim(group: list[EventWord], origins: Mapping[str, str]) -> bool:
    """Reported by enough independent sources (more for verbs outside the lexicon), or named in a lead.

    Nouns outside the action lexicon ("position", "question") only join claims, never make one.
    """
    sources = len({origins.get(w.article_id, w.article_id) for w in group})
    known = names_happening(group[0].lemma) or any(w.named for w in group)
    if not known and not any(w.verb for w in group):
        return False
    lead = known and any(w.position <= LEAD_SENTENCES for w in group)
    return sources >= (MIN_SOURCES if known else MIN_SOURCES_UNKNOWN) or lead


def _disputes(claim: Claim, group: list[EventWord], origins: Mapping[str, str]) -> list[Contradiction]:
    """Whether it happened, between reports naming the same participants (a bare "did not" elsewhere is not one)."""
    done = {a.entity_id for w in group if w.modality == "happened" for a in (*w.actors, *w.targets)}
    denying = {
        (w.article_id, w.start)
        for w in group
        if w.modality in {"denied", "negated"} and done & {a.entity_id for a in (*w.actors, *w.targets)}
    }
    kept = tuple(e for e in claim.evidence if e.modality == "happened" or (e.article_id, e.trigger_start) in denying)
    return status_conflict(claim.id, kept, origins)


def _joined(claim: Claim, mentions, reports: Mapping[str, Evidence], origins: Mapping[str, str]) -> Claim:
    """The claim with the event words that name it: other reports' words as evidence, the rest as mentions."""
    if not mentions and not reports:
        return claim
    evidence = tuple(sorted((*claim.evidence, *reports.values()), key=_order))
    return replace(
        claim,
        evidence=evidence,
        support=support(evidence, origins, claim.modality),
        mentions=claim.mentions + tuple(mentions),
    )


def _same_sentence(evidence: Evidence, word: EventWord) -> bool:
    return evidence.article_id == word.article_id and evidence.sentence_start == word.sentence_start


def _happening_claim(
    key: str,
    group: list[EventWord],
    origins: Mapping[str, str],
    articles: Mapping[str, Article],
    used: set[str] = frozenset(),
    like: Likeness | None = None,
) -> Claim:
    """One claim for a happening named only by event words: evidence from each article whose word tells it
    with its specifics (``_corroborating`` the clearest word, or one already taken); the others are mentions.

    Its statement is the clearest sentence no other claim already states (``used``), if there is one.
    """
    best = _best(group)
    first_in: dict[str, EventWord] = {best.article_id: best}
    for word in sorted(group, key=lambda w: (w.position, w.article_id, w.start)):
        if word.article_id in first_in:
            continue
        if like is None or any(_corroborating(like, t, word, articles) for t in first_in.values()):
            first_in[word.article_id] = word
    evidence = tuple(sorted((_evidence(w, articles[w.article_id]) for w in first_in.values()), key=_order))
    taken = {id(w) for w in first_in.values()}
    rest = tuple(_mention(w, articles[w.article_id].text[w.start : w.end]) for w in group if id(w) not in taken)
    text = articles[best.article_id].text[best.sentence_start : best.sentence_end].strip()
    status = fused_status(evidence, origins)
    return Claim(
        id=claim_id("k", "happening", key, *sorted(origins.get(a, a) for a in first_in)),
        predicate=key,
        trigger=best.lemma,
        subjects=best.actors,
        objects=best.targets,
        modality=status,
        evidence=evidence,
        support=support(evidence, origins, status),
        statement=text,
        mentions=rest,
        action=key_class(key),  # the sense the group was keyed by: "a general strike" is a walkout, no hit
        values=figures_for(key_class(key), articles[best.article_id].text, best.sentence_start, best.sentence_end),
    )


def _evidence(word: EventWord, article: Article) -> Evidence:
    return Evidence(
        article_id=article.id,
        source=article.source,
        published=article.published,
        sentence_start=word.sentence_start,
        sentence_end=word.sentence_end,
        start=word.sentence_start,
        end=word.sentence_end,
        text=article.text[word.sentence_start : word.sentence_end].strip(),
        modality=word.modality,
        trigger_start=word.start,
        trigger_end=word.end,
    )


def _order(evidence: Evidence) -> tuple:
    return (evidence.published or "9999", evidence.article_id, evidence.start)
