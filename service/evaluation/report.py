"""Render an EvalReport as a plain-text table (for the CLI and dev scripts)."""

from __future__ import annotations

from service.evaluation.scoring import EvalReport, Metrics


def _row(name: str, m: Metrics) -> str:
    p, t = m.pairs, m.triples
    return (
        f"{name[:38]:<38} {p.gold:>4} {p.predicted:>4} "
        f"{p.precision:>6.2f} {p.recall:>6.2f} {p.f1:>6.2f}  "
        f"{t.precision:>6.2f} {t.recall:>6.2f} {t.f1:>6.2f}  {m.stance_macro_f1:>6.2f}"
    )


def format_report(report: EvalReport, details: bool = False) -> str:
    """Overall, clear-only and per-issue rows; with `details`, every error."""
    head = (
        f"{'':<38} {'gold':>4} {'pred':>4} {'pairP':>6} {'pairR':>6} {'pairF':>6}  "
        f"{'tripP':>6} {'tripR':>6} {'tripF':>6}  {'stMF1':>6}"
    )
    lines = [f"articles: {report.articles}", head, _row("overall", report.overall)]
    lines.append(_row("clear-only", report.clear))
    lines.append("per issue:")
    lines += [_row("  " + issue, m) for issue, m in report.per_issue.items()]
    if details:
        lines.append("errors:")
        for m in report.matches:
            if m.gold is not None and m.predicted is None:
                lines.append(f"  MISS  [{m.article}] {m.gold.actor} / {m.issue} = {m.gold.stance}")
            elif m.gold is None and m.predicted is not None:
                lines.append(f"  EXTRA [{m.article}] {m.predicted.actor} / {m.issue} = {m.predicted.stance}")
            elif m.gold is not None and m.predicted is not None and m.gold.stance != m.predicted.stance:
                lines.append(
                    f"  LABEL [{m.article}] {m.gold.actor} / {m.issue}: "
                    f"gold {m.gold.stance}, predicted {m.predicted.stance}"
                )
    return "\n".join(lines)
