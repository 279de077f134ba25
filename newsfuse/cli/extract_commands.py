"""CLI commands over extraction and resolution: ``extract``, ``entities``, ``entity``, ``eval dates|entities|quotes``."""

from __future__ import annotations

from pathlib import Path

import typer

from newsfuse.cli.engine_options import ENGINE, RAY_ADDRESS, EngineName, engine_for
from newsfuse.cli.output import OutputFormat, emit_json, emit_jsonl, emit_table, message
from newsfuse.cli.stores import DB_HELP
from newsfuse.errors import InputError, NotFoundError
from newsfuse.records import Skipped
from newsfuse.records.mentions import ArticleExtraction
from newsfuse.settings import load_settings

GAZETTEER_HELP = "Extra gazetteer file (CSV or YAML: name, type, aliases); repeatable."


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("extract")(extract_command)
    app.command("entities")(entities_command)
    app.command("entity")(entity_command)
    eval_app.command("dates")(eval_dates_command)
    eval_app.command("entities")(eval_entities_command)
    eval_app.command("quotes")(eval_quotes_command)


def _models(gazetteer: list[Path] | None, settings, processes: int | None = None):
    from newsfuse.extract import load_models

    return load_models([*settings.gazetteers, *(gazetteer or [])], processes=processes or settings.extraction_workers())


def extract_command(
    inputs: list[str] = typer.Argument(None, help="Files, directories, globs, URLs or - (as ingest reads them)."),
    output: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="jsonl (default), json or table."),
    gazetteer: list[Path] = typer.Option(None, "--gazetteer", help=GAZETTEER_HELP),
    db: Path | None = typer.Option(
        None, "--db", help="Instead of INPUTs: extract the stored articles not yet extracted."
    ),
    force: bool = typer.Option(False, "--force", help="With --db: extract again articles already extracted."),
    workers: int = typer.Option(
        None, "--workers", min=0, help="Worker processes (default: one per core, or NEWSFUSE_WORKERS; 1: none)."
    ),
    engine: EngineName = ENGINE,
    ray_address: str | None = RAY_ADDRESS,
) -> None:
    """Extract entities, dates, money, quantities, quotes and places from news reports.

    Without a store, one JSON object per article goes to stdout, offsets indexing the article text;
    "id" is the input's own id where it has one (JSONL "id", feed guid), else "article_id", the
    content id newsfuse stores it under: newsfuse extract ../shared/seeds --format jsonl. With --db
    (and no INPUT), stored articles are extracted, resolved against the store's entities and saved:
    newsfuse extract --db news.db (on Ray workers: --engine ray)
    """
    settings = load_settings(db=db, workers=workers)
    if not inputs and db is None:
        raise InputError("extract", "give INPUT files/URLs, or --db to extract stored articles")
    from newsfuse.extract.pipeline import start_workers, stop_workers

    if engine is EngineName.ray:  # the workers read the gazetteers too, and extract: none forked here
        settings = settings.with_overrides(gazetteers=(*settings.gazetteers, *(gazetteer or [])))
    with engine_for(engine, settings, ray_address) as executor:
        models = _models(gazetteer if executor is None else [], settings, processes=1 if executor else None)
        start_workers(models)  # now, while this process runs no other thread (see start_workers)
        try:
            _extract(inputs, settings, models, force, output, executor)
        finally:
            stop_workers(models)


def _extract(inputs, settings, models, force: bool, output: OutputFormat, executor=None) -> None:
    if not inputs:
        _extract_store(settings, models, force, output, executor)
        return
    from newsfuse.engine.hooks import extractor_for
    from newsfuse.extract import extract_and_resolve
    from newsfuse.ingest import read_documents

    skipped: list[Skipped] = []
    given_ids: dict[str, str] = {}  # article id -> the id the input gave it (JSONL "id", feed guid ...)

    def articles():
        for item in read_documents(inputs, settings):
            if isinstance(item, Skipped):
                skipped.append(item)
                typer.echo(f"skipped: {item.describe()}", err=True)
            else:
                if item.external_id:
                    given_ids[item.id] = item.external_id
                yield item

    def with_given_id(record: dict) -> dict:
        # "id" is what the user can match to their input; "article_id" is newsfuse's content id.
        record["article_id"] = record["id"]
        record["id"] = given_ids.pop(record["id"], record["id"])
        return record

    def failed(article, exc: Exception) -> None:
        typer.echo(f"skipped: {article.origin or article.id}: extraction failed: {exc}", err=True)

    extracted = extract_and_resolve(articles(), models, on_error=failed, extractor=extractor_for(executor))
    results = (with_given_id(e.to_json()) for e in extracted)
    if output is OutputFormat.jsonl:
        emit_jsonl(results)
    elif output is OutputFormat.json:
        emit_json(list(results))
    else:
        _summary_table(list(results))
    message(f"{len(skipped)} input(s) skipped" if skipped else "done")


def _extract_store(settings, models, force: bool, output: OutputFormat, executor=None) -> None:
    from newsfuse.engine.hooks import extractor_for
    from newsfuse.extract import update
    from newsfuse.store import open_store

    with open_store(settings.db) as store:
        ids = [a.id for a in store.iter_articles(order="ingest")]
        report = update(store, ids, settings, models, force=force, extractor=extractor_for(executor))
    for skipped in report.skipped:
        typer.echo(f"skipped: {skipped.describe()}", err=True)
    if output is OutputFormat.table:
        emit_table("extract", ("articles", "count"), [(k, v) for k, v in report.to_json().items() if k != "skipped"])
    else:
        emit_json(report.to_json())


def _summary_table(rows: list[dict]) -> None:
    emit_table(
        f"{len(rows)} articles",
        ("id", "published", "entities", "dates", "money", "quantities", "quotes", "places"),
        [
            (
                r["id"],
                r["published"],
                len(r["entities"]),
                len(r["dates"]),
                len(r["money"]),
                len(r["quantities"]),
                len(r["quotes"]),
                len(r["places"]),
            )
            for r in rows
        ],
    )


def entities_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    label: str | None = typer.Option(None, "--label", help="Only this type: PERSON, ORG, GPE, ..."),
    q: str | None = typer.Option(None, "--q", help="Canonical name or alias contains this text."),
    limit: int | None = typer.Option(50, "--limit", min=1, help="At most this many entities."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table, json or jsonl."),
) -> None:
    """List canonical entities in the store, most mentioned first.

    Example: newsfuse entities --db news.db --label PERSON --q guler
    """
    from newsfuse.store import open_store

    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        found = store.entities(label=label, query=q, limit=limit)
    rows = [
        {
            "id": e.id,
            "canonical": e.canonical,
            "label": e.label,
            "aliases": list(e.aliases),
            "country_code": e.country_code,
        }
        for e in found
    ]
    if output is OutputFormat.json:
        emit_json(rows)
    elif output is OutputFormat.jsonl:
        emit_jsonl(rows)
    else:
        emit_table(
            f"{len(rows)} entities",
            ("id", "canonical", "label", "aliases"),
            [(r["id"], r["canonical"], r["label"], ", ".join(r["aliases"])) for r in rows],
        )


def _find_entity(store, key: str):
    """By id, else the most mentioned entity whose name or alias is ``key`` (case and diacritics ignored)."""
    from newsfuse.resolve.names import name_key

    entity = store.get_entity(key)
    if entity is not None:
        return entity
    wanted = name_key(key)
    for candidate in store.entities(query=key):
        if wanted in {name_key(name) for name in (candidate.canonical, *candidate.aliases)}:
            return candidate
    return None


def entity_command(
    entity_id: str = typer.Argument(..., help="Entity id (from `newsfuse entities`), or its name or an alias."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
) -> None:
    """Show one canonical entity, its mentions, and the roles stated for it.

    Example: newsfuse entity "Yasar Guler" --db news.db
    """
    from newsfuse.store import open_store

    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        entity = _find_entity(store, entity_id)
        if entity is None:
            raise NotFoundError(f"no entity {entity_id!r} in the store", hint="list ids with `newsfuse entities`")
        entity_id = entity.id
        occurrences = store.entity_mentions(entity_id)
        roles = _roles_for(store, entity_id, {o.article_id for o in occurrences})
    payload = {
        "id": entity.id,
        "canonical": entity.canonical,
        "label": entity.label,
        "aliases": list(entity.aliases),
        "country_code": entity.country_code,
        "roles": roles,
        "mentions": [
            {
                "article_id": o.article_id,
                "start": o.mention.start,
                "end": o.mention.end,
                "text": o.mention.text,
                "label": o.mention.label,
            }
            for o in occurrences
        ],
    }
    if output is OutputFormat.table:
        emit_table(
            f"{entity.canonical} ({entity.label})",
            ("article", "start", "text", "label"),
            [(m["article_id"], m["start"], m["text"], m["label"]) for m in payload["mentions"]],
        )
        for role in roles:
            message(f"role: {role['role']} of {role['of'] or '?'} ({role['article_id']})")
    else:
        emit_json(payload)


def _roles_for(store, entity_id: str, article_ids: set[str]) -> list[dict]:
    roles = []
    for article_id in sorted(article_ids):
        extraction: ArticleExtraction | None = store.get_extraction(article_id)
        for fact in extraction.roles if extraction else ():
            if fact.person_entity_id == entity_id:
                of = store.get_entity(fact.of_entity_id) if fact.of_entity_id else None
                roles.append(
                    {
                        "article_id": article_id,
                        "role": fact.role,
                        "of_entity_id": fact.of_entity_id,
                        "of": of.canonical if of else None,
                        "text": fact.text,
                    }
                )
    return roles


def eval_dates_command(
    corpus: Path = typer.Argument(..., help="MEANTIME-format directory (CAT XML files, searched recursively)."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
    errors: bool = typer.Option(False, "--errors", help="Also list every wrong value (DATE, TIME, DURATION, SET)."),
) -> None:
    """TIMEX3 value accuracy, each document resolved against its creation time (DCT).

    Example: newsfuse eval dates ../shared/data/meantime --format json
    """
    from newsfuse.eval.dates import evaluate_dates

    report = evaluate_dates(corpus, _models(None, load_settings()))
    payload = report.to_json()
    if not errors:
        payload.pop("errors")
    if output is OutputFormat.table:
        # MEANTIME annotates each document's dateline as a DATE timex too (the creation time's own
        # mention): the first row counts every gold DATE, the "DATE" row the body's alone.
        every = payload["date_all"]
        rows = [("DATE, every gold mention", every["gold"], every["correct"], f"{every['accuracy']:.3f}")]
        rows += [
            ("DATE, dateline left out" if kind == "DATE" else kind, s["gold"], s["correct"], f"{s['accuracy']:.3f}")
            for kind, s in payload["by_type"].items()
        ]
        emit_table(f"dates: {payload['documents']} documents", ("type", "gold", "correct", "accuracy"), rows)
        for error in payload.get("errors", []):
            message(f"{error['doc']}: {error['text']!r} gold {error['gold']} predicted {error['predicted']}")
    else:
        emit_json(payload)


def eval_entities_command(
    corpus: Path = typer.Argument(..., help="MEANTIME-format directory (CAT XML files, searched recursively)."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
) -> None:
    """Entity mention P/R/F1 by type: "newswire" is scored as a held-out newswire NER set is (the fully annotated
    opening, flat names, PER/ORG/LOC/MISC); then the older strict, overlap and conll_strict; cross-document B-cubed.

    Example: newsfuse eval entities ../shared/data/meantime --format json
    """
    from newsfuse.eval.entities import evaluate_entities

    report = evaluate_entities(corpus, _models(None, load_settings())).to_json()
    if output is OutputFormat.table:
        rows = [
            (mode, kind, s["gold"], s["predicted"], f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}")
            for mode in ("newswire", "strict", "overlap", "conll_strict")
            for kind, s in report[mode].items()
        ]
        rows += [
            (
                f"cross-doc B3 {name}",
                "",
                s["items"],
                "",
                f"{s['precision']:.3f}",
                f"{s['recall']:.3f}",
                f"{s['f1']:.3f}",
            )
            for name, s in report["crossdoc_bcubed"].items()
        ]
        emit_table(
            f"entities: {report['documents']} documents", ("match", "type", "gold", "predicted", "P", "R", "F1"), rows
        )
    else:
        emit_json(report)


def eval_quotes_command(
    articles: Path = typer.Option(..., "--articles", help="PolNeAR-format articles.jsonl."),
    gold: Path = typer.Option(..., "--gold", help="PolNeAR-format gold.jsonl (source, cue, content spans)."),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
    errors: bool = typer.Option(False, "--errors", help="Also list every wrong speaker."),
) -> None:
    """Quote content precision, recall and F1 (direct quotes, all attributions) and speaker accuracy.

    Example: newsfuse eval quotes --articles ../shared/data/polnear_dev/articles.jsonl
    --gold ../shared/data/polnear_dev/gold.jsonl
    """
    from newsfuse.eval.quotes import evaluate_quotes

    payload = evaluate_quotes(articles, gold, _models(None, load_settings())).to_json()
    if not errors:
        payload.pop("errors")
    if output is not OutputFormat.table:
        emit_json(payload)
        return
    rows = [
        (name, s["gold"], s["predicted"], f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}")
        for name, s in (("direct quotes", payload["direct"]), ("all attributions", payload["all_attributions"]))
    ]
    emit_table(f"quotes: {payload['documents']} documents", ("content", "gold", "predicted", "P", "R", "F1"), rows)
    speakers = payload["speakers"]
    message(
        f"speakers: {speakers['correct']}/{speakers['matched_quotes']} right ({speakers['accuracy']:.3f}), "
        f"{speakers['missing']} missing, {speakers['two_letters_or_fewer']} of two letters or fewer"
    )
    for error in payload.get("errors", []):
        message(f"{error['doc']}@{error['start']}: gold {error['gold']!r} predicted {error['predicted']!r}")
