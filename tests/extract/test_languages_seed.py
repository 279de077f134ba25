"""The seed event in Turkish: a translation of seed 000 (written for this test) extracted through ``newsfuse
extract`` beside the English original finds the same facts, and its people, country and company are the
English report's entities."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsfuse.cli.main import build_app

SEED = "000_fad2442ff10ea89f.txt"
TURKISH = """ date 2025-08-20 Japonya, nadir bir ziyaretle Türkiye ile savunma işbirliği arıyor

ANKARA

Japonya Savunma Bakanı Gen Nakatani, Türkiye'ye resmi bir ziyaret gerçekleştirdi; Türk mevkidaşıyla görüştü ve \
olası insansız hava aracı tedariki ile daha geniş savunma işbirliği için ülkenin önde gelen savunma şirketleriyle \
toplantılar planladı.

Nakatani, 19 Ağustos'ta Ankara'da Türk mevkidaşı Yaşar Güler ile bir araya geldi ve Türkiye'ye resmi ziyaret \
yapan ilk Japon savunma bakanı oldu.

Güler görüşmelerin ardından sosyal medyada yaptığı paylaşımda "Bugünün değişen küresel güvenlik ortamı ışığında, \
özellikle savunma sanayii ve askeri ilişkiler alanında Japon dostlarımızla işbirliğimizi daha da ilerletmek için \
mümkün olan her türlü çabayı göstermeye hazır olduğumuzu vurgulamak isterim" diye yazdı.

Ziyareti kapsamında Japon bakan, önemli bir savunma yüklenicisi olan Türk Havacılık ve Uzay Sanayii'ni (TUSAŞ) \
de gezdi.

Nakatani'nin 20 Ağustos'ta İstanbul'a geçerek askeri tesisleri ziyaret etmesi ve önde gelen insansız hava aracı \
üreticisi Baykar dahil savunma şirketlerinin temsilcileriyle görüşmesi planlanıyor.

Japon basınına göre, Tokyo'dan gerçekleştirilen bu üst düzey ziyaretin ana gündem maddesi Türk yapımı insansız \
hava araçlarının olası alımı.

Tokyo, insansız hava araçlarının alımını hızlandırmak için 2026 mali yılı bütçesinden 200 milyar yen (yaklaşık \
1,4 milyar dolar) ayırmayı planlıyor.

İnsansız hava aracı yatırımları, Tokyo'nun rekor düzeydeki 8,8 trilyon yenlik bütçe talebinde öne çıkıyor; \
hedef, 2027 mali yılı sonuna kadar hava, deniz ve su altı insansız araçlarını Japonya Öz Savunma Kuvvetleri'ne \
entegre etmek.
"""


@pytest.fixture(scope="module")
def rows(shared_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("seed_tr")
    english = shared_dir / "seeds" / SEED
    if not english.is_file():
        pytest.skip(f"seed {SEED} not found")
    (folder / "en.txt").write_text(english.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "tr.txt").write_text(TURKISH, encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["extract", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {row["language"]: row for row in found}


def _ids(row, text):
    return {e["entity_id"] for e in row["entities"] if e["text"] == text}


def test_the_translation_is_read_as_turkish(rows):
    assert set(rows) == {"en", "tr"}
    assert rows["tr"]["published"].startswith("2025-08-20")


def test_people_country_and_company_are_the_english_reports_entities(rows):
    english, turkish = rows["en"], rows["tr"]
    for name in ("Gen Nakatani", "Yaşar Güler", "Baykar", "TUSAŞ"):
        assert _ids(turkish, name) and _ids(turkish, name) == _ids(english, name), name
    assert _ids(turkish, "Türkiye") == _ids(english, "Türkiye")  # "Türkiye'ye", "Türkiye'ye" cut at the apostrophe
    assert _ids(turkish, "Japonya") == _ids(english, "Japan")
    assert _ids(turkish, "Nakatani") == _ids(english, "Gen Nakatani")  # "Nakatani'nin"
    assert {"Ankara", "İstanbul", "Tokyo"} <= {p["text"] for p in turkish["places"]}


def test_dates(rows):
    values = {d["text"]: d["value"] for d in rows["tr"]["dates"]}
    assert values["19 Ağustos"] == "2025-08-19"
    assert values["20 Ağustos"] == "2025-08-20"
    assert values["2026 mali yılı"] == "FY2026"
    assert values["2027 mali yılı"] == "FY2027"


def test_money_with_the_articles_own_conversion(rows):
    money = rows["tr"]["money"]
    yen, dollars, budget = money[:3]
    assert (yen["amount"], yen["currency"]) == (2e11, "JPY")
    assert yen["usd"] == pytest.approx(1.35e9, rel=0.01)
    assert (dollars["amount"], dollars["currency"], dollars["qualifier"]) == (1.4e9, "USD", "approximate")
    assert dollars["conversion_of"] == 0 and not dollars["conversion_off"]
    assert (budget["amount"], budget["currency"]) == (8.8e12, "JPY")
    english = [(m["amount"], m["currency"]) for m in rows["en"]["money"]]
    assert [(m["amount"], m["currency"]) for m in money] == english


def test_gulers_quote_and_the_press_report(rows):
    turkish = rows["tr"]
    direct = [q for q in turkish["quotes"] if q["kind"] == "direct"]
    assert len(direct) == 1
    assert direct[0]["speaker"] == "Güler" and direct[0]["cue"] == "diye yazdı"
    assert direct[0]["speaker_entity_id"] in _ids(rows["en"], "Yaşar Güler")
    reported = [q for q in turkish["quotes"] if q["kind"] == "reported"]
    assert [q["speaker"] for q in reported] == ["Japon basını"]
