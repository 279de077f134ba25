"""An int8-compute copy of the embedding model, built once from the packaged file and cached.

The packaged all-MiniLM-L6-v2 stores its weights as int8 but dequantizes them and multiplies in
float32, so it is as slow as the float model. Re-quantizing its matrix products dynamically (int8
weights per output channel, activations quantized per call) lets onnxruntime use integer kernels
(VNNI/AMX where the CPU has them): about 1.8x the texts per second on two cores, with vectors at
cosine ~0.995 to the packaged model's. The copy is keyed by the packaged model's bytes and the
converter's versions, written atomically, and rebuilt when any of them changes.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

# Bump when the recipe below changes, so cached copies built by the old one are not reused.
RECIPE_VERSION = "1"

log = logging.getLogger(__name__)


def quantized_model(source: Path, cache_dir: Path) -> Path | None:
    """Path of the int8-compute copy of ``source`` under ``cache_dir``, building it on first use.

    None when the copy cannot be built here (converter missing, read-only cache, a model the
    quantizer rejects): the caller then runs ``source`` as it is, which gives the same kind of
    vectors, only slower. The reason is logged as a warning.
    """
    try:
        import onnx
        import onnxruntime
    except ImportError as exc:
        log.warning("%s: int8 conversion unavailable (%s not installed); running it as packaged", source, exc.name)
        return None
    digest = hashlib.sha256(Path(source).read_bytes()).hexdigest()[:16]
    key = f"{digest}-ort{onnxruntime.__version__}-onnx{onnx.__version__}-r{RECIPE_VERSION}"
    target = Path(cache_dir) / "models" / f"minilm-dynamic-int8-{key}.onnx"
    if target.is_file():
        return target
    try:
        _build(Path(source), target)
    except Exception as exc:  # the converter raises many kinds; any failure means "run the source"
        log.warning("%s: int8 conversion failed (%s: %s); running it as packaged", source, type(exc).__name__, exc)
        return None
    return target


def _build(source: Path, target: Path) -> None:
    import onnxruntime
    from onnxruntime.quantization import QuantType, quantize_dynamic

    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".build-") as work:
        folded = Path(work) / "folded.onnx"
        # onnxruntime's basic graph pass folds the weight dequantization into float constants,
        # which is what the quantizer needs to see as MatMul weights.
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
        options.optimized_model_filepath = str(folded)
        onnxruntime.InferenceSession(str(source), options, providers=["CPUExecutionProvider"])
        built = Path(work) / "quantized.onnx"
        # Per-channel weights keep vectors close to the source's (cosine 0.995 vs 0.955 per tensor).
        # The quantizer logs advice to the root logger on every call; it is not the user's concern.
        quiet = _DropRootAdvice()
        logging.getLogger().addFilter(quiet)
        try:
            quantize_dynamic(folded, built, weight_type=QuantType.QInt8, per_channel=True)
        finally:
            logging.getLogger().removeFilter(quiet)
        os.replace(built, target)  # atomic: a concurrent reader sees the old state or the whole file


class _DropRootAdvice(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.WARNING or not record.getMessage().startswith("Please consider")
