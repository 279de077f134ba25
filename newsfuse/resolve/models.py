"""Products named by a model number inside one article: "787" after "Boeing 787", "A380s" for the A380, the
nickname after a number ("Dreamliner" of "787 Dreamliner"). Used by ``resolve.entities.EntityResolver``.
"""

from __future__ import annotations

from newsfuse.records.mentions import EntityMention


def model_aliases(mentions: list[EntityMention]) -> dict[int, int]:
    """Mention index -> index of the earlier product it shortens: "787" after "Boeing 787" (the maker's model)."""
    links: dict[int, int] = {}
    full: dict[str, int] = {}
    for i, mention in enumerate(mentions):
        if mention.label != "PRODUCT":
            continue
        words = mention.text.split()
        if len(words) > 1:
            full.setdefault(words[-1].removesuffix("s"), i)
        elif mention.text.removesuffix("s") in full:
            links[i] = full[mention.text.removesuffix("s")]
    return links


def model_numbers(mentions: list[EntityMention]) -> dict[int, str]:
    """Mention index -> the model number in a maker-plus-model or model-plus-nickname product name ("Boeing
    787" -> "787", "787 Dreamliner" -> "787")."""
    out = {}
    for i, mention in enumerate(mentions):
        words = mention.text.split()
        if mention.label != "PRODUCT" or len(words) < 2:
            continue
        if any(c.isdigit() for c in words[-1]):
            out[i] = words[-1].removesuffix("s")
        elif len(words) == 2 and words[0][:1].isdigit() and words[1][:1].isupper():
            out[i] = words[0]
    return out


def nickname(mention: EntityMention) -> str | None:
    """ "Dreamliner" of "787 Dreamliner" / "Boeing 787 Dreamliner": the name after a model number."""
    words = mention.text.split()
    for before, word in zip(words, words[1:], strict=False):
        if any(c.isdigit() for c in before) and word[:1].isupper() and word.isalpha() and len(word) > 3:
            return word
    return None


def model_singular(mention: EntityMention) -> str:
    """A product's name without the plural of its model number: "A380s" -> "A380", "Boeing 787s" -> "Boeing 787"."""
    text = mention.text
    last = text.split()[-1] if text.split() else text
    if mention.label == "PRODUCT" and len(last) > 3 and last.endswith("s") and any(c.isdigit() for c in last):
        return text.removesuffix("s").removesuffix("'")
    return text
