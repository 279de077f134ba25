"""CLI over dedup and clustering: ``cluster``, ``events``, ``explain``, ``recluster``, ``export articles``,
``eval cluster`` and ``eval dedup``."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path

import typer

from newsfuse import cluster, dedup
from newsfuse.cli.engine_options import ENGINE, RAY_ADDRESS, EngineName, engine_for
from newsfuse.cli.find_commands import events_command
from newsfuse.cli.output import OutputFormat, emit_json, emit_jsonl, emit_table, message
from newsfuse.cli.stores import DB_HELP
from newsfuse.errors import InputError, NotFoundError
from newsfuse.settings import Settings, load_settings
from newsfuse.store import open_store

NO_EMBEDDINGS_HELP = "Cluster on lexical, name and time signals only (faster; NEWSFUSE_USE_EMBEDDINGS=0)."


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer, eval_app: typer.Typer, export_app: typer.Typer) -> None:
    app.command("cluster")(cluster_command)
    app.command("events")(events_command)  # its filters live with the analyst's commands
    app.command("explain")(explain_command)
    app.command("recluster")(recluster_command)
    export_app.command("articles")(export_articles_command)
    eval_app.command("cluster")(eval_cluster_command)
    eval_app.command("dedup")(eval_dedup_command)


def _settings(db: Path | None, no_embeddings: bool) -> Settings:
    return load_settings(db=db, use_embeddings=False if no_embeddings else None)


def _models(settings: Settings) -> cluster.ClusterModels:
    return cluster.load_models(settings)


def cluster_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    no_embeddings: bool = typer.Option(False, "--no-embeddings", help=NO_EMBEDDINGS_HELP),
) -> None:
    """Deduplicate and cluster the stored articles not processed yet (in publication order).

    Example: newsfuse cluster --db news.db
    """
    settings = _settings(db, no_embeddings)
    with open_store(settings.db) as store:
        ids = [a.id for a in store.iter_articles(order="published")]
        links = dedup.update(store, ids, settings)
        affected = cluster.update(store, ids, settings, _models(settings))
    message(f"{len(links)} new copy/rewrite links; {len(affected)} events created or changed")


def recluster_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    no_embeddings: bool = typer.Option(False, "--no-embeddings", help=NO_EMBEDDINGS_HELP),
    engine: EngineName = ENGINE,
    ray_address: str | None = RAY_ADDRESS,
) -> None:
    """Forget all events and cluster every stored article again, as one batch.

    Example: newsfuse recluster --db news.db (embedding and fusion on Ray: --engine ray)
    """
    from newsfuse.engine.hooks import cluster_models_for, fuser_for

    settings = _settings(db, no_embeddings)
    with open_store(settings.db) as store, engine_for(engine, settings, ray_address) as executor:
        ids = [a.id for a in store.iter_articles(order="published")]
        dedup.update(store, ids, settings)
        events = cluster.recluster(store, settings, cluster_models_for(executor, _models(settings)))
        # Fused records describe the old events: re-fuse every event, and drop records of events now gone.
        from newsfuse import fuse

        stale = [record.id for record in store.iter_event_records()]
        fuse.update(store, sorted(set(store.event_ids()) | set(stale)), settings, fuse_many=fuser_for(executor, store))
    message(f"{len(events)} events from {len(ids)} articles; event records updated")


def explain_command(
    id_a: str = typer.Argument(..., help="An article id, external id or id prefix."),
    id_b: str = typer.Argument(..., help="Another article."),
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: TableOrJson = typer.Option(TableOrJson.table, "--format", help="A table, or JSON on stdout."),
    no_embeddings: bool = typer.Option(False, "--no-embeddings", help=NO_EMBEDDINGS_HELP),
) -> None:
    """Why two articles are, or are not, in one event: each signal's score, the threshold, the decision.

    Example: newsfuse explain a_17c9962d3b11 a_a9260e672962 --db news.db
    """
    settings = _settings(db, no_embeddings)
    with open_store(settings.db) as store:
        explanation = cluster.explain(store, id_a, id_b, settings, _models(settings))
    if output is TableOrJson.json:
        emit_json(explanation.to_json())
        return
    rows = [("article → article", *_signal_cells(explanation.pair))]
    if explanation.a_to_event_b is not None:
        rows.append(("A → event of B", *_signal_cells(explanation.a_to_event_b)))
    emit_table(
        f"{explanation.article_a} vs {explanation.article_b}: {explanation.decision()} (join threshold {explanation.threshold})",
        [
            "compared",
            "lexical",
            "names",
            "embedding",
            "days apart",
            "time penalty",
            "names penalty",
            "specifics",
            "combined",
        ],
        rows,
    )
    message(f"events: {explanation.event_a} / {explanation.event_b}")
    message(f"shared names: {', '.join(explanation.shared_names) or '-'}")
    message(f"shared terms: {', '.join(explanation.shared_terms) or '-'}")
    message(f"matched specifics: {', '.join(explanation.pair.shared_specifics) or '-'}")
    message(f"conflicting specifics: {', '.join(explanation.conflicts()) or '-'}")


def _signal_cells(signals: cluster.Signals) -> tuple:
    data = signals.to_json()
    return tuple(
        "" if data[k] is None else data[k]
        for k in (
            "lexical",
            "names",
            "embedding",
            "days_apart",
            "time_penalty",
            "names_penalty",
            "specifics",
            "combined",
        )
    )


def export_articles_command(
    db: Path | None = typer.Option(None, "--db", help=DB_HELP),
    output: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="jsonl (one article a line) or json."),
) -> None:
    """Write each article's event and copy/rewrite links: {"id", "event_id", "duplicate_of", "derived_from"}.

    Ids are the input's own id when it had one. Example: newsfuse export articles --format jsonl > articles.jsonl
    """
    settings = load_settings(db=db)
    with open_store(settings.db, readonly=True) as store:
        rows = list(_export_rows(store))
    if output is OutputFormat.json:
        emit_json(rows)
    else:
        emit_jsonl(rows)


def _export_rows(store):
    public = {a.id: a.external_id or a.id for a in store.iter_articles(order="rowid")}
    shown_ids = set(public.values())
    for article_id, shown in public.items():
        links = store.links_for([article_id])
        duplicate = next((link.target for link in links if link.relation == "duplicate_of"), None)
        derived = next((link.target for link in links if link.relation == "derived_from"), None)
        yield {
            "id": shown,
            "event_id": store.event_of(article_id),
            "duplicate_of": public.get(duplicate, duplicate),
            "derived_from": public.get(derived, derived),
        }
    # Input ids skipped as already stored (the same content twice): listed with their stored copy's event.
    for external_id, article_id in store.input_copies():
        if external_id not in shown_ids:
            shown_ids.add(external_id)
            copy = public.get(article_id, article_id)
            yield {
                "id": external_id,
                "event_id": store.event_of(article_id),
                "duplicate_of": copy,
                "derived_from": None,
            }


def eval_cluster_command(
    articles: Path | None = typer.Option(
        None, "--articles", exists=True, dir_okay=False, help="Articles as JSONL (id, title, text, ...)."
    ),
    gold: Path | None = typer.Option(
        None, "--gold", exists=True, dir_okay=False, help="Gold JSONL: id and subtopic/event/cluster."
    ),
    corpus: list[Path] = typer.Option(
        [], "--corpus", exists=True, file_okay=False, help="A folder with articles.jsonl and gold.jsonl (repeatable)."
    ),
    orders: int = typer.Option(1, "--orders", min=1, help="Runs: the input order, then shuffled orders."),
    output: TableOrJson = typer.Option(TableOrJson.table, "--format", help="A table, or JSON on stdout."),
    no_embeddings: bool = typer.Option(False, "--no-embeddings", help=NO_EMBEDDINGS_HELP),
) -> None:
    """Cluster gold-annotated corpora in fresh temporary stores and score them, beside a TF-IDF baseline.

    Prints pairwise precision/recall/F1, B-cubed F1, ARI and V-measure per run, the TF-IDF average-link
    baseline at one fixed threshold on the same documents, and copy/rewrite links across gold clusters.
    Example: newsfuse eval cluster --corpus ../shared/data/ecbplus --corpus ../shared/data/gva_dev --orders 5
    """
    from newsfuse.eval.cluster import corpus_files, evaluate_clusters

    inputs = [corpus_files(folder) for folder in corpus]
    if articles is not None or gold is not None:
        if articles is None or gold is None:
            raise InputError("eval cluster", "--articles and --gold go together", hint="or pass --corpus FOLDER")
        inputs.insert(0, (articles, gold))
    if not inputs:
        raise InputError("eval cluster", "nothing to score", hint="pass --corpus FOLDER or --articles and --gold")
    settings = load_settings(use_embeddings=False if no_embeddings else None)
    models = _models(settings)
    reports = [evaluate_clusters(a, g, settings, models, orders) for a, g in inputs]
    if output is TableOrJson.json:
        emit_json(reports[0].to_json() if len(reports) == 1 else [r.to_json() for r in reports])
        return
    for report in reports:
        _emit_cluster_report(report)


def _score_cells(s) -> tuple:
    values = (s.pairwise_precision, s.pairwise_recall, s.pairwise_f1, s.bcubed_f1, s.ari, s.v_measure)
    return (*(f"{v:.4f}" for v in values), s.predicted_clusters, s.gold_clusters)


def _emit_cluster_report(report) -> None:
    from newsfuse.eval.cluster_baseline import BASELINE_THRESHOLD

    columns = ["run", "P", "R", "F1", "B3 F1", "ARI", "V", "events", "gold", "cross links", "seconds"]
    rows = []
    for run in report.runs:
        cross = f"{run.cross_links.get('duplicate_of', 0)} dup / {run.cross_links.get('derived_from', 0)} der"
        name = "input" if run.seed is None else f"shuffle {run.seed}"
        rows.append((name, *_score_cells(run.scores), cross, f"{run.seconds:.1f}"))
        if run.multi is not None:
            rows.append((f"{name}, gold clusters of 2+", *_score_cells(run.multi), "", ""))
    if report.baseline is not None:
        rows.append((f"TF-IDF avg-link @{BASELINE_THRESHOLD}", *_score_cells(report.baseline), "", ""))
    embeddings = "with" if report.embeddings else "without"
    emit_table(f"{report.name}: clustering of {report.articles} articles ({embeddings} embeddings)", columns, rows)
    if len(report.runs) > 1:
        message(f"pairwise F1 spread over {len(report.runs)} orders: {report.f1_spread():.4f}")


def eval_dedup_command(
    shared: Path | None = typer.Option(
        None, "--shared", help="The shared data folder (default ../shared or NEWSFUSE_SHARED)."
    ),
    seed: int = typer.Option(13, "--seed", help="Seed of the syndication edits."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Use at most this many source articles."),
    output: TableOrJson = typer.Option(TableOrJson.table, "--format", help="A table, or JSON on stdout."),
) -> None:
    """Near-duplicate benchmark: syndicated copies (byline, dateline, boilerplate, cuts, rewording) of the
    shared corpora; precision and recall over duplicate pairs.

    Example: newsfuse eval dedup --shared ../shared --format json
    """
    from newsfuse.eval.dedup import evaluate_dedup, shared_sources

    folder = shared or Path(os.environ.get("NEWSFUSE_SHARED", "../shared"))
    sources = shared_sources(folder)
    if not sources:
        raise InputError(str(folder), "no ECB+ or MEANTIME texts found under data/", hint="pass --shared PATH")
    report = evaluate_dedup(sources, seed=seed, limit=limit)
    if output is TableOrJson.json:
        emit_json(report.to_json())
        return
    data = report.to_json()
    emit_table(
        "near-duplicate benchmark", ["metric", "value"], [(k, v) for k, v in data.items() if not isinstance(v, dict)]
    )
    if report.missed_by_edit:
        message("missed copies by edit: " + ", ".join(f"{k} {v}" for k, v in report.missed_by_edit.most_common()))


__all__ = ["NotFoundError", "register"]
