"""Entities in a non-English article: the language's own NER where one installs (French), else runs of
capitalised words, split and labelled with language-independent signals and the language's word lists.

A run ("Japonya Savunma Bakanı Gen Nakatani") is cut at the names the multilingual gazetteer knows (countries
in any language, organisations, large cities: "Japonya" GPE) and at title words ("Bakanı"); what follows a title,
or two or three capitalised words on their own, is a person ("Gen Nakatani"); a run holding an organisation
word is an organisation ("Savunma Bakanlığı", "Ministerio de Defensa"); an acronym is an organisation; a single
word is kept only when the gazetteer knows it or it is the surname of a person already named (German
capitalises every noun). Leading stop words are dropped ("El Gobierno"), and Turkish case endings are cut at
the apostrophe ("Türkiye'nin" -> "Türkiye"). Every mention the gazetteer knows carries its entity, so
"Turquía" and "Turkey" are one entity.
"""

from __future__ import annotations

import re

from newsfuse.extract.languages import words
from newsfuse.records.mentions import EntityMention
from newsfuse.resolve.names import name_key

# Words inside a name ("Ministerio de Defensa", "Ludwig van Beethoven"), never at its edges.
_PARTICLES = frozenset("de del di da do dos das van von der den du des la le ter zu y".split())
# "and" joins two names, or belongs to one organisation's ("Türk Havacılık ve Uzay Sanayii", "Ministère de
# l'Europe et des Affaires étrangères"): kept inside a run only when the run names an organisation.
_CONNECTORS = frozenset("ve y e et und en and".split())
_MODEL_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "GPE", "GPE": "GPE"}
_APOSTROPHES = ("'", "’")
_NAME_WORD = re.compile(
    r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*(?:['’][^\W\d_]{0,6})?$"
)  # letters; a Turkish case ending
_UPPER_INSIDE = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_OPENERS = frozenset('"“„«‹‚‘(–—-:')


def _name_part(token, language: str) -> tuple[int, int] | None:
    """Character span of the capitalised word in ``token`` ("Türkiye'ye" -> "Türkiye"), or None."""
    text = token.text
    start = 0
    if language in {"fr", "it", "ca"} and len(text) > 2 and text[1] in _APOSTROPHES and text[0].islower():
        start = 2  # "l'Italia", "d'Ankara" when the tokenizer kept the elision
    word = text[start:]
    if not word[:1].isupper() or not any(c.isalpha() for c in word):
        return None
    end = len(text)
    if language == "tr":
        cut = min((i for i in (text.find(a, start) for a in _APOSTROPHES) if i > 0), default=-1)
        end = cut if cut > 0 else end
    return token.idx + start, token.idx + end


def _runs(doc, language: str) -> list[list[tuple[int, int, object]]]:
    """Runs of capitalised words (with particles between them) as (start, end, token) triples."""
    runs, current = [], []
    for token in doc:
        part = _name_part(token, language)
        if part is not None:
            current.append((*part, token))
            if part[1] < token.idx + len(token.text):  # a Turkish case ending closes the name
                runs.append(current)
                current = []
            continue
        if current and token.text.lower() in _PARTICLES | _CONNECTORS and token.i + 1 < len(doc):
            current.append((token.idx, token.idx + len(token.text), token))
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [_trim_particles(r) for r in runs if _trim_particles(r)]


def _trim_particles(run):
    while run and run[-1][2].text.lower() in _PARTICLES | _CONNECTORS:
        run = run[:-1]
    return run


def _at_connectors(run) -> list:
    """The run cut at each "and" ("Güler ve Nakatani" is two names)."""
    pieces, current = [], []
    for item in run:
        if item[2].text.lower() in _CONNECTORS:
            pieces.append(current)
            current = []
        else:
            current.append(item)
    return [p for p in (*pieces, current) if _trim_particles(p)]


def _opens_sentence(token) -> bool:
    if token.is_sent_start:
        return True
    previous = token.doc[token.i - 1] if token.i else None
    return previous is None or previous.text in _OPENERS or "\n" in previous.whitespace_ + previous.text


class _Labeller:
    """Labels the pieces of the runs of one article with the gazetteer and the language's word lists."""

    def __init__(self, text: str, language: str, names):
        self.text = text
        self.names = names
        self.titles = set(words.phrases(words.TITLES, language))
        self.org_words = set(words.phrases(words.ORG_WORDS, language))
        self.surnames: set[str] = set()
        self.compounds = language in {"de", "nl"}

    def mention(self, start: int, end: int, label: str, hit=None) -> EntityMention:
        if label == "PERSON":
            self.surnames.add(name_key(self.text[start:end]).split()[-1])
        entity_id, canonical = (hit.entity_id, hit.canonical) if hit else (None, None)
        return EntityMention(start, end, self.text[start:end], label, entity_id, canonical)

    def split(self, run, after_title: bool = False) -> list[EntityMention]:
        """The mentions in one run: gazetteer names first (longest), title words cut, the rest labelled."""
        out, rest = [], []
        i = 0
        while i < len(run):
            hit, j = self._longest_hit(run, i)
            lowered = run[i][2].text.casefold()
            if hit is not None and rest and j == len(run) and hit.label == "GPE":
                rest += run[i:]  # "Luís Montenegro", "Mario Brasil": a first name before a place is a surname
                break
            if hit is not None:
                out += self._label(rest, after_title)
                out.append(self.mention(run[i][0], run[j - 1][1], hit.label, hit))
                rest, after_title, i = [], False, j
            elif self._title(lowered) and i + 1 < len(run) and not self.org(run[i:]):
                out += self._label(rest, after_title, before_title=True)
                rest, after_title, i = [], True, i + 1
            else:
                rest.append(run[i])
                i += 1
        return out + self._label(rest, after_title)

    def _longest_hit(self, run, i):
        for j in range(min(len(run), i + 6), i, -1):
            if run[j - 1][2].text.lower() in _PARTICLES:
                continue
            hit = self.names.get(self.text[run[i][0] : run[j - 1][1]])
            if hit is not None:
                return hit, j
        return None, i

    def _title(self, word: str) -> bool:
        """A title word; in German and Dutch also a compound ending in one ("Bundeskanzler", "oud-premier")."""
        if word in self.titles:
            return True
        return self.compounds and any(word.endswith(t) for t in self.titles if len(t) >= 5)

    def org(self, run) -> bool:
        return any(t.text.casefold() in self.org_words for _, _, t in run)

    def _label(self, run, after_title: bool, before_title: bool = False) -> list[EntityMention]:
        while run and (
            (run[0][2].is_stop and _opens_sentence(run[0][2])) or run[0][2].text.lower() in _PARTICLES | _CONNECTORS
        ):
            run = run[1:]  # "El Gobierno", "Der Minister", "[Turkije] de Japanse": not part of the name
        run = _trim_particles(run)
        if not run:
            return []
        start, end = run[0][0], run[-1][1]
        surface = self.text[start:end]
        if self.org(run):
            return [self.mention(start, end, "ORG")]
        if before_title:
            return []  # "Savunma Bakanı", "Yönetim Kurulu Başkanı": words of the title, not a name
        if len(run) == 1:
            bare = surface.replace(".", "")
            if bare.isupper() and 2 <= len(bare) <= 8:
                return [self.mention(start, end, "ORG")]  # "TUSAŞ", "OTAN"
            if after_title or name_key(surface) in self.surnames:
                return [self.mention(start, end, "PERSON")]
            return []  # a capitalised word alone: a sentence opening, a German noun
        if after_title or (len(run) <= 3 and self._person_like(run)):
            return [self.mention(start, end, "PERSON")]
        return [self.mention(start, end, "ORG")]

    def _person_like(self, run) -> bool:
        """Words shaped like a person's name ("Pedro Sánchez", "Michael M. Sears"), none of them a known
        organisation: not "MacBook Air", "A350 XWB", "Apple Computer" (product and company names)."""
        for _, _, token in run:
            word = token.text
            if word.lower() in _PARTICLES or (len(word) == 2 and word.endswith(".")):
                continue
            if not _NAME_WORD.match(word) or _UPPER_INSIDE.search(word[1:].replace("Mc", "").replace("Mac", "")):
                return False
            hit = self.names.get(word)
            if hit is not None and hit.label == "ORG":
                return False
        return True


def _from_model(doc, labeller: _Labeller) -> list[EntityMention]:
    """The language model's own entities, in OntoNotes labels, linked to the gazetteer where it knows them."""
    found = []
    for ent in doc.ents:
        label = _MODEL_LABELS.get(ent.label_)
        if label is None:
            continue  # MISC: events, works, demonyms; the small model's guesses are too mixed to type
        hit = labeller.names.get(ent.text)
        if hit is not None and hit.entity_id:
            found.append(labeller.mention(ent.start_char, ent.end_char, hit.label, hit))
        else:
            found.append(labeller.mention(ent.start_char, ent.end_char, label))
    return found


def find_entities(doc, names, text: str, language: str) -> list[EntityMention]:
    """Entity mentions of a non-English ``doc``: its model's where it has NER, else (and for names the model
    missed that the gazetteer knows) from capitalised runs."""
    labeller = _Labeller(text, language, names)
    has_ner = doc.has_annotation("ENT_IOB")
    found = _from_model(doc, labeller) if has_ner else []
    for whole in _runs(doc, language):
        connected = any(t.text.lower() in _CONNECTORS for _, _, t in whole)
        runs = _at_connectors(whole) if connected and not labeller.org(whole) else [whole]
        for mention in (m for run in runs for m in labeller.split(run)):
            if has_ner and mention.entity_id is None:
                continue  # the model already judged this span
            if not any(m.start < mention.end and mention.start < m.end for m in found):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)
