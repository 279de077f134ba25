"""An executor fitted to the stages' seams: the embedder clustering calls, extraction's extractor, fusion's fuser.

Each hook is None for an in-process executor, so the stages run their own code unchanged. For a
remote one, the driver keeps what must have one owner (the event index, the entity resolver,
the store) and sends only the pure work out:

- ``RemoteEmbedder``: clustering calls ``embed(texts)`` as on the local model and gets the same
  vectors (the batches the model runs are the ones it would run here, see ``embed``).
- ``extractor_for``: ``extract_articles``' signature; articles go out in chunks, records come back.
- ``fuser_for``: fusion jobs (an event's articles, extractions, links and stored parses) go out,
  records come back; parses made remotely are stored by the driver.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice

import numpy as np

from newsfuse.engine.stages import EMBED, EXTRACT, FUSE, FUSION_PARSER, Failed

# Articles per extraction task (the forked pool's chunk: the NER gains nothing on larger batches).
EXTRACT_CHUNK = 8
# Embedding batches per task: enough model runs to outweigh a task's overhead.
EMBED_BATCHES_PER_TASK = 4


class RemoteEmbedder:
    """Embeds on the executor's workers what ``local`` would embed here, to the same vectors.

    ``local.embed`` runs unique token sequences sorted by length in batches of ``batch_size``,
    and the int8 model's vectors depend on the batch a text is in. So the driver tokenizes, keeps
    one text per unique sequence, sorts them the same way and sends runs of whole batches: each
    worker's ``embed`` over a run (already unique and sorted) forms exactly those batches again.
    """

    def __init__(self, local, executor) -> None:
        self.local = local
        self.executor = executor
        self.name = local.name
        self.dimensions = local.dimensions

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        unique: dict[tuple[int, ...], int] = {}
        first: list[str] = []
        rows = []
        for text, ids in zip(texts, self.local.token_ids(texts), strict=True):
            if ids not in unique:
                unique[ids] = len(first)
                first.append(text)
            rows.append(unique[ids])
        sequences = list(unique)
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
        run = self.local.batch_size * EMBED_BATCHES_PER_TASK
        parts = [order[start : start + run] for start in range(0, len(order), run)]
        vectors = np.zeros((len(sequences), self.dimensions), dtype=np.float32)
        for part, (found, name) in zip(
            parts, self.executor.map(EMBED, [[first[i] for i in p] for p in parts]), strict=True
        ):
            if name != self.name:
                raise RuntimeError(
                    f"a worker embeds with {name}, this process with {self.name}: vectors not comparable"
                )
            vectors[part] = found
        return vectors[np.asarray(rows, dtype=np.intp)]


def cluster_models_for(executor, models):
    """``models`` (a ``ClusterModels``) with its embedder run by the executor's workers when it is remote."""
    if executor is None or not executor.remote or getattr(models, "embedder", None) is None:
        return models
    return replace(models, embedder=RemoteEmbedder(models.embedder, executor))


def extractor_for(executor) -> Callable | None:
    """An ``extract_articles`` running on the executor's workers, or None (extract here)."""
    if executor is None or not executor.remote:
        return None

    def extract(articles: Iterable, models=None, on_error=None) -> Iterator:
        chunks = list(_chunks(articles, EXTRACT_CHUNK))
        for chunk, results in zip(chunks, executor.map(EXTRACT, chunks), strict=True):
            for result in results:
                if not isinstance(result, Failed):
                    yield result
                elif on_error is None:
                    raise result.error
                else:
                    on_error(chunk[result.position], result.error)

    return extract


def fuser_for(executor, store) -> Callable | None:
    """Fuses ``FusionJob``s on the executor's workers (stored parses sent along, new ones stored), or None."""
    if executor is None or not executor.remote:
        return None
    parser: list[str] = []

    def fuse(jobs: Sequence) -> list:
        if not jobs:
            return []
        if not parser:
            parser.extend(next(iter(executor.map(FUSION_PARSER, [[None]]))))
        keeps = hasattr(store, "load_parses")
        # read lazily: the executor pulls a job's parses only as it sends the job
        batches = ([(job, store.load_parses(parser[0], [a.id for a in job.articles]) if keeps else {})] for job in jobs)
        records = []
        for results in executor.map(FUSE, batches):
            for record, name, made in results:
                if keeps and made:
                    store.save_parses(name, made)
                records.append(record)
        return records

    return fuse


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk
