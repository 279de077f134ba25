"""The same matches as spaCy's ``attribute_ruler``, found by table look-up instead of its ``Matcher``.

The English model's attribute ruler holds 179 patterns, nearly all of one token over TAG, LOWER,
DEP or IS_SPACE with a plain value or an ``IN`` list. spaCy runs them all through its ``Matcher``,
which tests every pattern at every token and cost as much as the tagger, parser and lemmatizer
together (about a quarter of the parse). Here those simple patterns are indexed by the tag or
lower-case form they require, so each token tests only the few that can match; the rest (several
tokens, regular expressions, operators) stay in a small ``Matcher``. ``match`` returns exactly the
list ``AttributeRuler.match`` returns, so ``set_annotations`` writes the same attributes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from types import MethodType

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

# Token attributes a simple pattern may test: their column in ``Doc.to_array(_COLUMNS)``. Reading the
# array's integers (string hashes, or 0/1) is far cheaper than making a ``Token`` per position.
_COLUMNS = ("TAG", "LOWER", "DEP", "IS_SPACE")
# The columns a rule is filed under, most selective first: a word form rules out more tokens than a tag.
_SELECTIVE = (1, 2, 0, 3)
_MEMO_LIMIT = 200_000  # distinct (tag, form, dependency, space) tuples remembered


class _Test:
    """One token predicate of a pattern: equality, ``IN``, ``NOT_IN`` or ``REGEX`` on one column's value."""

    __slots__ = ("column", "accepted", "negated", "regex", "strings", "seen")

    def __init__(self, name: str, value, strings) -> None:
        self.column, self.negated, self.regex, self.strings, self.seen = _COLUMNS.index(name), False, None, strings, {}
        code = (lambda x: int(x)) if name == "IS_SPACE" else strings.add
        if isinstance(value, dict) and set(value) == {"REGEX"}:
            self.regex, self.accepted = re.compile(value["REGEX"]), frozenset()
        elif isinstance(value, dict) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            ((how, values),) = value.items()
            self.accepted, self.negated = frozenset(map(code, values)), how == "NOT_IN"
        else:
            self.accepted = frozenset([code(value)])

    def __call__(self, row: list[int]) -> bool:
        value = row[self.column]
        if self.regex is None:
            return (value in self.accepted) != self.negated
        found = self.seen.get(value)
        if found is None:  # the Matcher's REGEX is ``re.search`` on the attribute's text
            found = self.seen[value] = bool(self.regex.search(self.strings[value]))
        return found


def _tests(pattern: list[dict], strings) -> list[list[_Test]] | None:
    """A pattern as each token's predicates, or None when it uses what the look-up does not (operators, ...)."""
    out = []
    for token in pattern:
        if not token or not set(token) <= set(_COLUMNS):
            return None
        for value in token.values():
            if isinstance(value, dict) and not (len(value) == 1 and set(value) <= {"IN", "NOT_IN", "REGEX"}):
                return None
        out.append([_Test(name, value, strings) for name, value in token.items()])
    return out


class FastAttributeMatcher:
    """Finds the attribute ruler's matches by look-up on the first token's tag or form; a Matcher for the rest."""

    def __init__(self, ruler) -> None:
        self.ruler = ruler
        # For rules of one token [0] and of several [1]: per column (TAG, LOWER, DEP, IS_SPACE), value ->
        # the rules whose first token requires it; ``anywhere``: rules with no plain test to file them under.
        self.index = [[defaultdict(list) for _ in _COLUMNS] for _ in range(2)]
        self.anywhere: list[list] = [[], []]
        # A token's values -> its one-token matches, and the longer rules whose first token it matches.
        self.single: dict[tuple[int, ...], tuple[list, list]] = {}
        self.matcher = Matcher(ruler.vocab, validate=False)
        strings = ruler.vocab.strings
        for attr_id, entry in enumerate(ruler.patterns):  # ``patterns`` lists them in pattern-number order
            key = str(attr_id)
            compiled = [_tests(pattern, strings) for pattern in entry["patterns"]]
            if any(c is None for c in compiled):
                self.matcher.add(strings.add(key), entry["patterns"])
                continue
            for tests in compiled:
                self._index((attr_id, strings[key], tests))

    def _index(self, rule) -> None:
        """File the rule under the values of its first token's most selective plain test."""
        first = {t.column: t for t in rule[2][0] if t.regex is None and not t.negated}
        column = next((c for c in _SELECTIVE if c in first), None)
        width = 0 if len(rule[2]) == 1 else 1
        if column is None:
            self.anywhere[width].append(rule)
            return
        for value in first[column].accepted:
            self.index[width][column][value].append(rule)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """(pattern number, match id, start, end) of every match, sorted as ``AttributeRuler.match`` sorts them."""
        strings = self.ruler.vocab.strings
        found = self.matcher(doc, allow_missing=True) if len(self.matcher) else ()
        matches = [(int(strings[m_id]), m_id, s, e) for m_id, s, e in found]
        rows = doc.to_array(_COLUMNS).tolist() if len(doc) else []
        memo, n = self.single, len(rows)
        for i, row in enumerate(rows):
            key = tuple(row)
            known = memo.get(key)
            if known is None:  # what a token can match depends only on its four values, which repeat a lot
                if len(memo) >= _MEMO_LIMIT:  # a long-running watcher sees ever more rare words
                    memo.clear()
                one = [(a, m) for a, m, tests in self._candidates(row, 1) if _holds(tests, [row], 0, 1)]
                known = memo[key] = (one, [r for r in self._candidates(row, 2) if _holds(r[2][:1], [row], 0, 1)])
            matches.extend((attr_id, match_id, i, i + 1) for attr_id, match_id in known[0])
            for attr_id, match_id, tests in known[1]:
                if _holds(tests, rows, i, n):
                    matches.append((attr_id, match_id, i, i + len(tests)))
        matches.sort()
        return matches

    def _candidates(self, row: list[int], width: int):
        """The rules of one token (``width`` 1) or of several (2) that the token's values could start."""
        for column, rules in enumerate(self.index[width - 1]):
            yield from rules.get(row[column], ())
        yield from self.anywhere[width - 1]


def _holds(tests: list[list[_Test]], rows: list[list[int]], i: int, n: int) -> bool:
    """Whether the pattern's tokens all match from position ``i``."""
    if i + len(tests) > n:
        return False
    return all(test(rows[j]) for j, token in enumerate(tests, i) for test in token)


def fast_attribute_ruler(nlp: Language) -> Language:
    """``nlp`` with its attribute ruler (if any) finding its matches by ``FastAttributeMatcher``."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        finder = FastAttributeMatcher(ruler)
        ruler.match = MethodType(lambda self, doc: finder(doc), ruler)
    return nlp
