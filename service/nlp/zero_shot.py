"""Turn MNLI scores of "actor supports/opposes issue" hypotheses into the four stance probabilities."""

from __future__ import annotations

from collections.abc import Mapping

from service.nlp.inputs import MAX_CONTEXT_CHARS
from service.nlp.protocol import ClassifierInput


def nli_columns(id2label: Mapping[int, str]) -> dict[str, int]:
    """Find the entailment / contradiction / neutral columns of an NLI head by name.

    Only entailment is required; a two-way (entailment / not_entailment) model
    gets its other column treated as "neutral" (undetermined).
    """
    columns: dict[str, int] = {}
    for index, raw in id2label.items():
        name = str(raw).lower().replace("-", "_")
        if name.startswith("entail"):
            columns["entailment"] = int(index)
        elif name.startswith("contradict"):
            columns["contradiction"] = int(index)
        elif name.startswith("neutral") or name.startswith("not_entail"):
            columns["neutral"] = int(index)
    if "entailment" not in columns:
        raise ValueError(
            f"zero-shot backend needs an NLI model with an entailment label; got {dict(id2label)}"
        )
    return columns


def premise(item: ClassifierInput) -> str:
    """The NLI premise: preceding context (bounded like build_pair's) and the evidence, as plain prose."""
    context = item.context.strip()[-MAX_CONTEXT_CHARS:]
    return f"{context} {item.sentence}".strip()


def hypotheses(item: ClassifierInput, template: str) -> tuple[str, str]:
    """(support hypothesis, oppose hypothesis) from a template with {actor}, {verb}, {issue}."""
    support = template.format(actor=item.actor, verb="supports", issue=item.issue)
    oppose = template.format(actor=item.actor, verb="opposes", issue=item.issue)
    return support, oppose


def stance_probabilities(
    support_row: tuple[float, ...],
    oppose_row: tuple[float, ...],
    columns: Mapping[str, int],
) -> dict[str, float]:
    """Combine the two NLI rows into support / oppose / neutral / none, summing to 1.

    With e, c, n the entailment, contradiction and neutral probabilities of the
    support (s) and oppose (o) hypotheses, the unnormalised weights are

    - support = e_s * (1 - e_o): "X supports Y" follows and "X opposes Y" does not;
    - oppose  = e_o * (1 - e_s): the mirror image;
    - neutral = c_s * c_o: the text rules out both sides, i.e. the actor engages
      without taking one ("refused to rule out", "is considering");
    - none    = n_s * n_o: the text settles neither hypothesis, i.e. it states
      no position of the actor at all.

    They are then normalised; a tiny floor keeps the sum positive.
    """

    def get(row: tuple[float, ...], name: str) -> float:
        index = columns.get(name)
        return row[index] if index is not None else 0.0

    e_s, e_o = get(support_row, "entailment"), get(oppose_row, "entailment")
    weights = {
        "support": e_s * (1.0 - e_o),
        "oppose": e_o * (1.0 - e_s),
        "neutral": get(support_row, "contradiction") * get(oppose_row, "contradiction"),
        "none": get(support_row, "neutral") * get(oppose_row, "neutral"),
    }
    total = sum(weights.values())
    if total <= 1e-12:
        return {label: 0.25 for label in weights}
    return {label: value / total for label, value in weights.items()}
