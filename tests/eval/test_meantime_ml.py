"""``newsfuse eval multilingual``: English-only and multilingual clustering of one small corpus, scored in one run."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsfuse.cli.main import build_app
from newsfuse.eval.meantime_ml import cross_language_recall, mega_events

REPORTS = [
    ("es_1", "r1", "es", "2008-03-01", "Airbus gana un contrato de 40.000 millones de dólares con la Fuerza Aérea"),
    ("it_1", "r1", "it", "2008-03-01", "Airbus vince un contratto da 40 miliardi di dollari con l'Aeronautica"),
    ("es_2", "r2", "es", "2008-09-10", "Apple presenta el nuevo iPod nano en San Francisco por 149 dólares"),
    ("it_2", "r2", "it", "2008-09-10", "Apple presenta il nuovo iPod nano a San Francisco a 149 dollari"),
]


def test_eval_multilingual_scores_both_models_in_one_run(tmp_path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text(
        "".join(
            json.dumps({"id": i, "title": t, "text": f"{t}. {t}.", "published": d, "language": lang}) + "\n"
            for i, _, lang, d, t in REPORTS
        ),
        encoding="utf-8",
    )
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps({"id": i, "subtopic": g}) + "\n" for i, g, *_ in REPORTS))
    result = CliRunner().invoke(build_app(), ["eval", "multilingual", "--corpus", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    runs = json.loads(result.stdout)["runs"]
    assert [r["name"] for r in runs] == ["english-only", "multilingual"]
    assert runs[1]["pairwise_f1"] == 1.0 and runs[1]["cross_language_recall"] == 1.0
    assert runs[1]["mega_events"] == []


def test_a_monolingual_mega_event_is_counted_and_a_storyline_in_all_languages_is_not():
    gold = {f"es_{n}": str(n) for n in range(3)} | {f"it_{n}": str(n) for n in range(3)}
    language = {item: item[:2] for item in gold}
    day = {item: int(item[-1]) * 100 for item in gold}
    spanish_mega = {item: ("mega" if item.startswith("es") else item) for item in gold}
    assert mega_events(spanish_mega, gold, language, day) == [
        {"language": "es", "gold_events": 3, "reports": 3, "days": 200}
    ]
    assert mega_events(dict.fromkeys(gold, "storyline"), gold, language, day) == []
    assert cross_language_recall({i: i[-1] for i in gold}, gold, language) == 1.0
    assert cross_language_recall({i: i for i in gold}, gold, language) == 0.0
