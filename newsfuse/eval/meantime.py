"""Read MEANTIME CAT XML: tokens rebuilt into text with offsets, mentions, TIMEX3, DCT and cross-document instances.

CAT XML stores tokens without whitespace, so the text is rebuilt here with one detokenisation
rule set, and every mention gets Python string offsets into that text (like ``Article.text``).
Entity mentions carry no type themselves: the type comes from the ``ENTITY`` instance they
``REFERS_TO``. Shared by the extraction evaluation (dates, entities) and the fusion evaluation
(cross-document entity and event instances, participants, TLINKs).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newsfuse.errors import InputError

MENTION_TAGS = ("ENTITY_MENTION", "EVENT_MENTION", "TIMEX3", "VALUE", "SIGNAL")
INSTANCE_TAGS = ("ENTITY", "EVENT")
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "``"}
_SENTENCE_END = (".", "!", "?", '"', "'", ":", ";")


@dataclass(frozen=True, slots=True)
class Token:
    t_id: str
    sentence: int
    number: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One markable anchored to tokens: an entity or event mention, a TIMEX3, a VALUE or a SIGNAL."""

    m_id: str
    tag: str
    t_ids: tuple[str, ...]
    start: int
    end: int
    text: str
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Instance:
    """A cross-document ``ENTITY`` or ``EVENT`` that mentions ``REFERS_TO``."""

    m_id: str
    tag: str
    instance_id: str
    kind: str  # ent_type (PER, ORG, LOC, PRO, FIN, MIX) for entities, class for events
    descriptor: str
    external_ref: str = ""


@dataclass(frozen=True, slots=True)
class Relation:
    """A ``REFERS_TO``, ``HAS_PARTICIPANT``, ``TLINK`` ... relation between markable ids."""

    tag: str
    r_id: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    attrs: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MeantimeDocument:
    doc_id: str
    name: str
    url: str
    path: str
    text: str
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]
    instances: tuple[Instance, ...]
    relations: tuple[Relation, ...]
    dct: str | None  # TIMEX3 value with functionInDocument=CREATION_TIME
    dct_span: tuple[int, int] | None = None  # where the creation date is written in the text, if it is

    @property
    def title(self) -> str:
        """Sentence 0 of a Wikinews article is its headline."""
        first = [t for t in self.tokens if t.sentence == self.tokens[0].sentence] if self.tokens else []
        return self.text[first[0].start : first[-1].end] if first else ""

    def by_tag(self, tag: str) -> list[Mention]:
        return [m for m in self.mentions if m.tag == tag]

    def timexes(self) -> list[Mention]:
        """TIMEX3 markables written in the text (the creation time's own mention included)."""
        return [m for m in self.mentions if m.tag == "TIMEX3"]

    def instance_of(self) -> dict[str, Instance]:
        """Mention m_id -> the instance it refers to."""
        instances = {i.m_id: i for i in self.instances}
        out: dict[str, Instance] = {}
        for rel in self.relations:
            if rel.tag != "REFERS_TO":
                continue
            for target in rel.targets:
                if target in instances:
                    for source in rel.sources:
                        out[source] = instances[target]
        return out

    def entity_mentions(self) -> list[tuple[Mention, Instance | None]]:
        """Entity mentions with the instance (and so the type) each refers to."""
        refers = self.instance_of()
        return [(m, refers.get(m.m_id)) for m in self.mentions if m.tag == "ENTITY_MENTION"]


def detokenise(tokens: list[tuple[str, int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Join (t_id, sentence, text) tokens into text; returns the text and each token's offsets.

    A sentence that does not end in terminal punctuation (a headline, a dateline) is followed by
    a newline, so the rebuilt text keeps the shape of the article.
    """
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    previous: tuple[int, str] | None = None
    quote_open = False
    for _, sentence, text in tokens:
        sep = ""
        if previous is not None:
            prev_sentence, prev_text = previous
            if sentence != prev_sentence and not prev_text.endswith(_SENTENCE_END):
                sep = "\n"
            elif text in _NO_SPACE_BEFORE or prev_text in _NO_SPACE_AFTER:
                sep = ""
            elif text == '"':
                sep = "" if quote_open else " "
            elif prev_text == '"' and quote_open:
                sep = ""
            else:
                sep = " "
        if text == '"':
            quote_open = not quote_open
        parts.append(sep)
        pos += len(sep)
        parts.append(text)
        spans.append((pos, pos + len(text)))
        pos += len(text)
        previous = (sentence, text)
    return "".join(parts), spans


def _relation(elem: ET.Element) -> Relation:
    return Relation(
        tag=elem.tag,
        r_id=elem.get("r_id", ""),
        sources=tuple(s.get("m_id", "") for s in elem.findall("source")),
        targets=tuple(t.get("m_id", "") for t in elem.findall("target")),
        attrs={k: v for k, v in elem.attrib.items() if k != "r_id"},
    )


def read_document(path: str | Path) -> MeantimeDocument:
    """Parse one CAT XML file; raises ``InputError`` naming the file when it is not CAT XML."""
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"not readable CAT XML: {exc}") from exc
    if root.tag != "Document":
        raise InputError(str(path), f"root element is <{root.tag}>, expected <Document>")
    raw = [(t.get("t_id", ""), int(t.get("sentence", "0")), t.text or "") for t in root.iter("token")]
    text, spans = detokenise(raw)
    tokens = tuple(
        Token(t_id, sentence, i, tok, start, end)
        for i, ((t_id, sentence, tok), (start, end)) in enumerate(zip(raw, spans, strict=True))
    )
    mentions, instances, dct, dct_span = _markables(root.find("Markables"), tokens, text)
    relations_elem = root.find("Relations")
    relations = tuple(_relation(r) for r in (relations_elem if relations_elem is not None else []))
    return MeantimeDocument(
        doc_id=root.get("doc_id", path.stem),
        name=root.get("doc_name", path.stem),
        url=root.get("url", ""),
        path=str(path),
        text=text,
        tokens=tokens,
        mentions=tuple(mentions),
        instances=tuple(instances),
        relations=relations,
        dct=dct,
        dct_span=dct_span,
    )


def _markables(markables: ET.Element | None, tokens: tuple[Token, ...], text: str):
    """Mentions anchored to tokens, cross-document instances, and the creation time with its span."""
    by_id = {t.t_id: t for t in tokens}
    mentions, instances = [], []
    dct = dct_span = None
    for elem in markables if markables is not None else []:
        t_ids = tuple(a.get("t_id", "") for a in elem.findall("token_anchor"))
        if elem.tag in INSTANCE_TAGS and not t_ids:
            instances.append(_instance(elem))
            continue
        is_dct = elem.tag == "TIMEX3" and elem.get("functionInDocument") == "CREATION_TIME"
        if is_dct:
            dct = elem.get("value") or None
        anchored = sorted((by_id[t] for t in t_ids if t in by_id), key=lambda t: t.number)
        if elem.tag not in MENTION_TAGS or not anchored:
            continue
        start, end = anchored[0].start, anchored[-1].end
        attrs = {k: v for k, v in elem.attrib.items() if k != "m_id"}
        mentions.append(Mention(elem.get("m_id", ""), elem.tag, t_ids, start, end, text[start:end], attrs))
        if is_dct:
            dct_span = (start, end)
    return mentions, instances, dct, dct_span


def _instance(elem: ET.Element) -> Instance:
    return Instance(
        m_id=elem.get("m_id", ""),
        tag=elem.tag,
        instance_id=elem.get("instance_id", ""),
        kind=elem.get("ent_type") or elem.get("class") or "",
        descriptor=elem.get("TAG_DESCRIPTOR", ""),
        external_ref=elem.get("external_ref", ""),
    )


def iter_corpus(root: str | Path) -> Iterator[MeantimeDocument]:
    """Every ``*.xml`` under a directory (sub-corpora included), in path order; one file also works."""
    root = Path(root)
    if root.is_file():
        yield read_document(root)
        return
    if not root.is_dir():
        raise InputError(str(root), "no such MEANTIME directory")
    for path in sorted(root.rglob("*.xml")):
        yield read_document(path)
