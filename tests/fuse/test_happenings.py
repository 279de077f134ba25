"""Claims as statements of happenings: statuses, roles, disputes, figures and cross-report fusion on small texts."""

from __future__ import annotations

from fuse_fixtures import article, entity, extraction

from newsfuse.fuse.happenings import event_words
from newsfuse.fuse.participants import EntityIndex
from newsfuse.fuse.record import fuse_event
from newsfuse.records.relations import DerivationLink


def _fused(models, texts: dict[str, str], names: dict[str, tuple[str, str]], links=()):
    articles, extractions = [], []
    for n, (article_id, text) in enumerate(texts.items()):
        a = article(article_id, text, f"2024-05-0{n + 1}", f"Outlet {article_id}")
        found = [entity(text, name, label, eid) for name, (label, eid) in names.items() if name in text]
        articles.append(a)
        extractions.append(extraction(a, entities=found))
    return fuse_event(articles, extractions, list(links), models=models, event_id="ev")


SUDAN = {"Sudan": ("GPE", "g_sudan"), "Yida": ("GPE", "g_yida")}


def test_a_denial_is_not_corroboration_and_disputes_whether_it_happened(models):
    record = _fused(
        models,
        {
            "a": "Sudan bombed the Yida camp on Thursday, the United Nations said.",
            "b": "Sudan did not bomb the Yida camp, its army spokesman said.",
        },
        SUDAN,
    )
    [bombing] = [c for c in record.claims if c.trigger == "bomb" and c.evidence[0].trigger_start is not None][:1]
    assert dict(bombing.support.by_modality) == {"happened": 1, "negated": 1}
    [dispute] = [k for k in record.contradictions if k.slot == "status"]
    sides = {s.value.value: {e.article_id for e in s.evidence} for s in dispute.sides}
    assert sides == {"happened": {"a"}, "not happened": {"b"}}


def test_an_allegation_is_not_stated_as_fact(models):
    record = _fused(models, {"a": "Prosecutors allege that Sudan bombed the Yida camp."}, SUDAN)
    bombing = next(c for c in record.claims if c.trigger == "bomb")
    assert bombing.modality == "alleged"
    assert "Prosecutors allege" in bombing.statement  # the source's own sentence, not a template


def test_values_of_one_sentence_or_one_origin_are_never_a_contradiction(models):
    texts = {
        "a": "Sudan bombed the Yida camp, killing 5 people, and a second raid near Yida killed 24 people.",
        "b": "Sudan bombed the Yida camp, killing 24 people and wounding 5.",
    }
    record = _fused(models, texts, SUDAN, [DerivationLink("b", "a", 0.9)])
    assert not record.contradictions


def test_independent_tolls_of_one_attack_disagree_and_give_a_range(models):
    texts = {
        "a": "Sudan bombed the Yida camp on Thursday, killing 5 people.",
        "b": "Sudan bombed the Yida camp on Thursday, killing 24 people.",
    }
    record = _fused(models, texts, SUDAN)
    [toll] = [k for k in record.contradictions if k.slot == "dead"]
    assert {s.value.lower for s in toll.sides} == {5, 24}
    assert all(len({e.article_id for e in s.evidence}) == 1 for s in toll.sides)
    [dead] = [f for f in record.key_figures if f.kind == "dead"]
    assert dead.text == "5 to 24 dead" and dead.independent_sources == 2


def test_the_same_happening_is_one_claim_across_reports(models):
    texts = {
        "a": "A gunman shot dead two people at a mall in Omaha on Friday.",
        "b": "Police said the shooting at the Omaha mall left two people dead.",
        "c": "The shooting was the worst in Omaha in years.",
    }
    record = _fused(models, texts, {"Omaha": ("GPE", "g_omaha")})
    holders = [c for c in record.claims if any(m.text == "shooting" for m in c.mentions) or c.trigger == "shooting"]
    assert len(holders) == 1
    articles = {e.article_id for e in holders[0].evidence} | {m.article_id for m in holders[0].mentions}
    assert articles == {"a", "b", "c"}


def test_two_different_happenings_are_kept_apart(models):
    texts = {
        "a": "An earthquake struck Lima on Monday. Separately, police arrested a man in Lima.",
        "b": "The earthquake in Lima damaged homes. The arrest of the man came hours later.",
    }
    record = _fused(models, texts, {"Lima": ("GPE", "g_lima")})
    quake = next(c for c in record.claims if c.action == "quake")
    arrest = next(c for c in record.claims if c.action == "arrest")
    assert quake.id != arrest.id
    quake_words = {m.text.lower() for m in quake.mentions} | {quake.trigger}
    assert not quake_words & {"arrest", "arrested"}


def test_the_speaker_is_not_the_actor(models):
    text = '"He should be locked up," said Andrea Weaver, who saw Malik Cosey shot by a gunman in Detroit.'
    names = {"Andrea Weaver": ("PERSON", "p_weaver"), "Malik Cosey": ("PERSON", "p_cosey"), "Detroit": ("GPE", "g_d")}
    record = _fused(models, {"a": text, "b": "Malik Cosey was shot by a gunman in Detroit, police said."}, names)
    shooting = next(c for c in record.claims if c.action == "shoot")
    assert "p_weaver" not in {a.entity_id for a in shooting.subjects}
    assert "p_cosey" in {a.entity_id for a in shooting.objects}  # the passive subject is the target


def test_a_headline_line_is_not_glued_to_the_first_sentence(models):
    texts = {
        "a": "Gunman kills two in Omaha mall\nA gunman shot dead two people at a mall in Omaha on Friday.",
        "b": "Omaha mall shooting\nPolice said the shooting at the Omaha mall left two people dead.",
    }
    record = _fused(models, texts, {"Omaha": ("GPE", "g_omaha")})
    assert record.claims
    for claim in record.claims:
        assert "\n" not in claim.statement
        assert all("\n" not in e.text for e in claim.evidence)


def test_no_charges_filed_is_negated_not_a_charge(models):
    texts = {
        "a": "A gunman shot a man in Omaha on Friday. No charges have been filed.",
        "b": "A man was shot in Omaha on Friday, and no charges are expected, police said.",
    }
    record = _fused(models, texts, {"Omaha": ("GPE", "g_omaha")})
    charges = [c for c in record.claims if c.action == "charge" or c.trigger in {"charge", "file"}]
    assert charges
    assert all(e.modality == "negated" for c in charges for e in c.evidence)


def test_an_event_named_by_its_name_is_one_happening_whatever_the_name(models):
    texts = {
        "a": "Ellen DeGeneres will host the Academy Awards next March, the academy announced on Friday.",
        "b": "The comedian Ellen DeGeneres will host the Oscars next year, organisers announced on Friday.",
    }
    names = {"Ellen DeGeneres": ("PERSON", "p_ellen"), "Academy Awards": ("ORG", "o_aa"), "Oscars": ("ORG", "o_osc")}
    record = _fused(models, texts, names)
    spans = {
        c.id: {(e.article_id, e.trigger_start) for e in c.evidence} | {(m.article_id, m.start) for m in c.mentions}
        for c in record.claims
    }
    awards = (("a", texts["a"].index("Awards")), ("b", texts["b"].index("Oscars")))
    assert any(set(awards) <= held for held in spans.values())


def test_said_is_the_telling_of_its_sentence_statement(models):
    texts = {"a": '"We will rebuild every house in Lima," the mayor said on Monday.'}
    record = _fused(models, texts, {"Lima": ("GPE", "g_lima")})
    said = texts["a"].index("said")
    held = [c for c in record.claims if any(m.start == said for m in c.mentions) or any(
        e.trigger_start == said for e in c.evidence)]  # fmt: skip
    assert len(held) == 1 and held[0].quote


def test_words_of_one_key_telling_two_happenings_are_grouped_by_happening_none_dropped():
    from newsfuse.fuse.happenings import EventWord, _happenings
    from newsfuse.fuse.likeness import Likeness

    texts = {
        "a": "The blast tore through the chemical plant beside the harbour before dawn.",
        "b": "Firefighters said the blast tore through the chemical plant beside the harbour.",
        "c": "A second blast wrecked the corner bakery on Mill Lane in the afternoon.",
        "d": "Neighbours said a blast wrecked the corner bakery on Mill Lane.",
    }
    articles = {k: article(k, text, "2024-05-01", f"Outlet {k}") for k, text in texts.items()}
    words = [  # sentence 6 of each report: outside the lead, where a known action word names the main happening
        EventWord(k, text.index("blast"), text.index("blast") + 5, 0, len(text), "blast", "explode", "happened", 6)
        for k, text in texts.items()
    ]
    groups = _happenings(Likeness(texts.values()), words, articles)
    assert sorted(sorted(w.article_id for w in g) for g in groups) == [["a", "b"], ["c", "d"]]


def _holding(record, article_id: str, *words: str):
    """The claims whose evidence or mentions include one of ``words`` in article ``article_id``."""
    return [
        c
        for c in record.claims
        if any(e.article_id == article_id and e.text and _word_at(e) in words for e in c.evidence)
        or any(m.article_id == article_id and m.text in words for m in c.mentions)
    ]


def _word_at(evidence) -> str:
    if evidence.trigger_start is None:
        return ""
    offset = evidence.trigger_start - evidence.sentence_start
    return evidence.text[offset : offset + evidence.trigger_end - evidence.trigger_start]


def test_a_lexicon_word_with_nothing_named_joins_the_claim_as_a_mention_not_as_support():
    from newsfuse.fuse.happenings import EventWord, attach_mentions
    from newsfuse.records.claims import Claim, ClaimArgument, Evidence

    texts = {
        "a": "A gunman shot Malik Cosey outside a bar in Detroit on Friday.",
        "c": "Police closed the road. Officers searched the area. Neighbours were stunned by the shooting.",
    }
    articles = {k: article(k, text, "2024-05-01", f"Outlet {k}") for k, text in texts.items()}
    shot, shooting = texts["a"].index("shot"), texts["c"].index("shooting")
    evidence = Evidence("a", "Outlet a", "2024-05-01", 0, len(texts["a"]), 0, len(texts["a"]), texts["a"],
                        "happened", trigger_start=shot, trigger_end=shot + 4)  # fmt: skip
    claim = Claim("k_a", "shoot", "shoot", objects=(ClaimArgument("target", "Malik Cosey", "p_cosey", "PERSON"),),
                  evidence=(evidence,), statement=texts["a"], action="shoot")  # fmt: skip
    sentence = texts["c"].index("Neighbours")
    words = [
        EventWord("a", shot, shot + 4, 0, len(texts["a"]), "shoot", "shoot", "happened", 0, verb=True),
        # the third sentence of one report, nothing named: it joins the shooting or is lost
        EventWord("c", shooting, shooting + 8, sentence, len(texts["c"]), "shooting", "shoot", "happened", 2),
    ]
    [joined], _ = attach_mentions([claim], words, {"a": "a", "c": "c"}, articles)
    # it names the claim's kind of happening, not its specifics: counted for coreference, not as a second source
    assert {m.article_id for m in joined.mentions} == {"c"}
    assert {e.article_id for e in joined.evidence} == {"a"} and joined.support.independent_sources == 1


def test_a_word_outside_the_lexicon_still_needs_its_sentence_to_tell_the_happening(models):
    names = {"St Mary": ("FAC", "f_st_mary")}
    texts = {
        "a": "The grieving family parked their car outside St Mary before the funeral service.",
        "b": "The family parked outside St Mary and walked in together, relatives said.",
        "c": "Television news vans parked along the road all afternoon.",
    }
    record = _fused(models, texts, names)
    assert not [c for c in _holding(record, "a", "parked") if c in _holding(record, "c", "parked")]


def _after_a_lead(models, *sentences: str):
    """Reports "a", "b", ... each telling one sentence after the same two-sentence lead (outside the lead)."""
    lead = "Residents of Harlow gathered on Sunday. Shops stayed closed. "
    texts = {chr(ord("a") + n): lead + sentence for n, sentence in enumerate(sentences)}
    return _fused(models, texts, {"Harlow": ("GPE", "g_harlow")})


def test_reports_naming_a_happening_without_specifics_are_one_claim_not_dropped(models):
    record = _after_a_lead(
        models,
        "Witnesses described the attack as sudden and brutal.",
        "The attack left the whole street in shock for hours.",
        "Nobody could explain the attack to the children afterwards.",
    )
    holders = _holding(record, "a", "attack")
    assert len(holders) == 1
    [attack] = holders
    # one claim holds every report's word, but a shared word is no shared specific: one report is its evidence
    assert {e.article_id for e in attack.evidence} | {m.article_id for m in attack.mentions} == {"a", "b", "c"}
    assert len(attack.evidence) == 1 and attack.support.independent_sources == 1


def test_page_furniture_verbs_outside_the_lexicon_are_not_pooled_into_a_claim(models):
    record = _after_a_lead(
        models,
        "Stay with Channel Nine for more updates on this story.",
        "Stay tuned to our newsroom for more as this story develops.",
        "Volunteers cleared the square of debris by nightfall.",
        "By evening, volunteers cleared the street again.",
    )
    assert not _holding(record, "a", "Stay")  # an imperative says no who or what
    [cleared] = _holding(record, "c", "cleared")  # "volunteers cleared": a happening, pooled across reports
    assert {e.article_id for e in cleared.evidence} | {m.article_id for m in cleared.mentions} == {"c", "d"}


def test_a_word_of_a_longer_name_is_no_event_word_of_the_report(models):
    text = "A man was shot in the 300 block of Red Wing Avenue on Sunday. DUI arrests rose."
    report = article("w1", text, "2024-05-06", "Paper W")
    mentions = [entity(text, "Red Wing Avenue", "FAC", "f_red_wing"), entity(text, "DUI", "ORG", "o_dui")]
    lemmas = {w.lemma for w in event_words(report, models.nlp(text), mentions, EntityIndex())}
    assert "shoot" in lemmas
    assert "wing" not in lemmas  # "Wing" names the avenue; its stem "win" is no happening
    assert "dui" in lemmas  # a one-word name may still be a misread action word


GAMES = {"Creighton": ("ORG", "o_creighton"), "Drake": ("ORG", "o_drake"), "Bradley": ("ORG", "o_bradley")}


def test_one_verb_across_reports_is_no_support_when_the_participants_differ(models):
    texts = {
        "a": "Creighton defeated Drake 70-60 in Omaha on Saturday.",
        "b": "Drake defeated Bradley 81-77 at home earlier in the week.",
    }
    record = _fused(models, texts, GAMES)
    [win] = _holding(record, "a", "defeated")
    assert {e.article_id for e in win.evidence} == {"a"}  # Drake beating Bradley does not corroborate it
    assert win.support.independent_sources == 1


def test_one_verb_across_reports_is_no_support_when_the_figures_or_days_differ(models):
    texts = {
        "a": "Police arrested 46 protesters outside the stadium on Saturday.",
        "b": "One person was arrested after a fight outside the stadium on Friday night.",
    }
    record = _fused(models, texts, {})
    for claim in _holding(record, "a", "arrested"):
        assert {e.article_id for e in claim.evidence} == {"a"}, claim.statement
        assert claim.support.independent_sources == 1


def test_reports_sharing_the_participants_corroborate_each_other(models):
    texts = {
        "a": "Creighton defeated Drake 70-60 in Omaha on Saturday.",
        "b": "Creighton beat Drake on Saturday to stay top of the conference.",
    }
    record = _fused(models, texts, GAMES)
    [win] = _holding(record, "a", "defeated")
    assert {e.article_id for e in win.evidence} == {"a", "b"}


def test_a_claim_shows_the_action_of_the_sense_it_was_grouped_by(models):
    record = _fused(
        models,
        {
            "a": "Dock workers in Harlow began a general strike on Monday over pay.",
            "b": "An air strike on Harlow killed ten people on Tuesday.",
        },
        {"Harlow": ("GPE", "g_harlow")},
    )
    [walkout] = _holding(record, "a", "strike")
    [bombing] = _holding(record, "b", "strike")
    assert walkout.action != "hit" and walkout.action != "attack"  # a walkout hits nobody
    assert bombing.action == "attack"
