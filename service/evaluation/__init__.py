"""Evaluation against hand-annotated articles: load a set, score, report.

`stance-tracker eval DIR` runs the articles through the service and calls
`score`; `run_direct` (in `service.evaluation.direct`) runs an Analyser
in-process for development.
"""

from service.evaluation.dataset import EvalArticle, GoldStance, load_eval_set
from service.evaluation.report import format_report
from service.evaluation.scoring import EvalReport, Metrics, PredictedStance, score

__all__ = [
    "EvalArticle",
    "EvalReport",
    "GoldStance",
    "Metrics",
    "PredictedStance",
    "format_report",
    "load_eval_set",
    "score",
]
