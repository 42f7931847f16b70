"""Analysis throughput (articles/min, seconds per stage) with the quality of the same run.

Runs the full Analyser (spaCy, MiniLM linking, the stance classifier) over
annotated sets with the packaged actor catalogue, `--runs` times, and prints
per set: articles/min (median of the runs), seconds per article and stage,
candidate pairs, and the triple precision / recall / F1 of the last run's
stances against the gold records, so a speed-up that costs quality shows.

    python bench/pipeline_throughput.py [--runs 3] [--model models/stance-minilm]
        [--sets seed,dev,wikinews] [--batch 1]

Sets: `seed` (../shared/eval/seed), `dev` (eval/dev, bundled) and `wikinews`
(eval/wikinews, texts from ../shared). A set whose texts are missing is
skipped with a message; on a fresh clone without ../shared the bundled
eval/dev still runs. `--batch N` analyses N articles per classifier call
(`Analyser.analyse_many`, as a worker does when articles wait in the queue).
`--model ""` uses a tiny random classifier (understates classification).
`--processes N` runs N analyser processes side by side, each with the cores
shared out (as `STANCE_WORKER_THREADS=N` runs a worker), each analysing its
share of every run (a set smaller than N is analysed once per process), and
reports the articles of all of them per minute of wall time.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from service.evaluation.dataset import EvalArticle, EvalSetError, load_eval_set
from service.evaluation.direct import predictions
from service.evaluation.scoring import PredictedStance, score
from service.nlp.encoder import EncoderConfig
from service.nlp.protocol import ClassifierConfig
from service.pipeline.actors import ActorIndex, build_actor_index
from service.pipeline.analyse import Analyser, AnalyserConfig
from service.pipeline.types import AnalysisResult, IssueSpec
from service.store.catalogue import load_default_catalogue

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "seed": ROOT.parent / "shared" / "eval" / "seed",
    "dev": ROOT / "eval" / "dev",
    "wikinews": ROOT / "eval" / "wikinews",
}
STAGES = ("language", "spacy", "segment", "actors", "issues", "candidates", "classify", "aggregate")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--model", default=str(ROOT / "models" / "stance-minilm"), help="stance model folder")
    parser.add_argument("--sets", default="seed,dev,wikinews", help="comma-separated: seed, dev, wikinews")
    parser.add_argument("--batch", type=int, default=1, help="articles per classifier call")
    parser.add_argument("--processes", type=int, default=1, help="analyser processes side by side")
    args = parser.parse_args()

    model = args.model
    if not model:
        from tests.model_factory import build_tiny_stance_model

        model = str(build_tiny_stance_model(Path(tempfile.mkdtemp()) / "tiny"))
    processes = max(1, args.processes)
    threads = max(1, (os.cpu_count() or 1) // processes) if processes > 1 else None
    started = time.perf_counter()
    index = build_actor_index(load_default_catalogue())
    pool = Pool(processes, model, threads) if processes > 1 else None
    run: Runner = pool.run if pool else partial(run_here, load_analyser(model, threads), index)
    print(
        f"load: {time.perf_counter() - started:.1f} s (spaCy, encoder, classifier, actor index); "
        f"batch {args.batch}; {processes} process(es), {threads or 'all'} thread(s) each"
    )
    for name in [s.strip() for s in args.sets.split(",") if s.strip()]:
        try:
            articles = load_eval_set(SETS[name])
        except (EvalSetError, FileNotFoundError, OSError) as exc:
            print(f"\n[{name}] skipped: {exc}")
            continue
        bench_set(name, articles, run, index, args.runs, max(1, args.batch))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if pool:
        peak = max(pool.peak_rss_mib(), peak)
        pool.close()
    print(f"\npeak RSS: {peak:.0f} MiB (per process)")


def load_analyser(model: str, threads: int | None) -> Analyser:
    return Analyser(
        AnalyserConfig(
            classifier=ClassifierConfig(path=model, threads=threads),
            encoder=EncoderConfig(threads=threads),
        )
    )


# (articles, batch) -> (results in article order, articles analysed), the classifier cache cleared first.
Runner = Callable[[list[EvalArticle], int], tuple[list[AnalysisResult], int]]


def run_here(
    analyser: Analyser, index: ActorIndex, articles: list[EvalArticle], batch: int
) -> tuple[list[AnalysisResult], int]:
    clear_cache(analyser)
    return analyse(analyser, articles, index, batch, set_catalogue(articles)), len(articles)


_WORKER: dict[str, Any] = {}


def _start_worker(model: str, threads: int | None) -> None:
    _WORKER["analyser"] = load_analyser(model, threads)
    _WORKER["index"] = build_actor_index(load_default_catalogue())


def _work(job: tuple[list[EvalArticle], int, list[IssueSpec]]) -> tuple[list[AnalysisResult], float]:
    articles, batch, issues = job
    clear_cache(_WORKER["analyser"])
    results = analyse(_WORKER["analyser"], articles, _WORKER["index"], batch, issues)
    return results, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Pool:
    """N spawned analyser processes; `run` gives each its share of the articles."""

    def __init__(self, processes: int, model: str, threads: int | None) -> None:
        self.processes = processes
        self._pool = multiprocessing.get_context("spawn").Pool(
            processes, initializer=_start_worker, initargs=(model, threads)
        )
        self._peak = 0.0

    def run(self, articles: list[EvalArticle], batch: int) -> tuple[list[AnalysisResult], int]:
        """Every article analysed (a set smaller than the pool: all of it in every
        process, so that each process has work); results of the first copy, in order."""
        if len(articles) < self.processes:
            shares = [list(articles) for _ in range(self.processes)]
        else:
            shares = [articles[p :: self.processes] for p in range(self.processes)]
        issues = set_catalogue(articles)  # every share reads the whole set's catalogue
        done = self._pool.map(_work, [(share, batch, issues) for share in shares], chunksize=1)
        self._peak = max([self._peak, *(rss for _, rss in done)])
        by_slug: dict[str, AnalysisResult] = {}
        for share, (results, _) in zip(shares, done, strict=True):
            for article, result in zip(share, results, strict=True):
                by_slug.setdefault(article.slug, result)
        return [by_slug[a.slug] for a in articles], sum(len(share) for share in shares)

    def peak_rss_mib(self) -> float:
        return self._peak

    def close(self) -> None:
        self._pool.close()
        self._pool.join()


def bench_set(
    name: str, articles: list[EvalArticle], run: Runner, index: ActorIndex, runs: int, batch: int
) -> None:
    # One warm-up: the first calls allocate and fill the issue-embedding cache.
    run(articles[:1], 1)
    rates: list[float] = []
    totals: dict[str, float] = defaultdict(float)
    pairs = 0.0
    predicted: dict[str, list[PredictedStance]] = {}
    for _ in range(runs):
        wall = time.perf_counter()
        results, analysed = run(articles, batch)
        rates.append(60 * analysed / (time.perf_counter() - wall))
        for article, result in zip(articles, results, strict=True):
            for stage in STAGES:
                totals[stage] += result.timings.get(stage, 0.0)
            pairs += result.timings.get("candidate_pairs", 0.0)
            own = {issue.key for issue in article.issues}  # the gold covers only these (as in `eval`)
            predicted[article.slug] = [p for p in predictions(result, index) if p.issue in own]
    count = runs * len(articles)
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    overall = score(articles, predicted).overall
    print(
        f"\n[{name}] {len(articles)} articles, {words:.0f} words each, {pairs / count:.0f} candidate pairs each"
    )
    print(
        f"  throughput: {statistics.median(rates):.1f} articles/min (median of {runs}; "
        f"runs {', '.join(f'{r:.1f}' for r in rates)}), {60 / statistics.median(rates):.2f} s/article"
    )
    print(
        f"  quality: triple P {overall.triples.precision:.2f} R {overall.triples.recall:.2f} "
        f"F1 {overall.triples.f1:.2f}, pair P {overall.pairs.precision:.2f} R {overall.pairs.recall:.2f}"
    )
    staged = sum(totals.values()) or 1.0
    for stage in STAGES:
        print(f"    {stage:<11} {totals[stage] / count:7.3f} s  {100 * totals[stage] / staged:5.1f} %")


def clear_cache(analyser: Analyser) -> None:
    """Forget classified pairs: every run classifies afresh."""
    scorer = getattr(analyser.classifier, "scorer", None)
    if scorer is not None:
        scorer.clear_cache()


def set_catalogue(articles: list[EvalArticle]) -> list[IssueSpec]:
    """The issues of every article of a set: each article is analysed against all of them."""
    return list({issue.key: issue for article in articles for issue in article.issues}.values())


def analyse(
    analyser: Analyser, articles: list[EvalArticle], index: ActorIndex, batch: int, issues: list[IssueSpec]
) -> list[AnalysisResult]:
    """Results in article order; articles in groups of `batch` per classifier call."""
    out: list[AnalysisResult] = []
    if batch == 1:  # the single-article path (also what a checkout before analyse_many has)
        return [analyser.analyse(a.text, a.published, index, issues) for a in articles]
    for at in range(0, len(articles), batch):
        group = articles[at : at + batch]
        for result in analyser.analyse_many([(a.text, a.published, None) for a in group], index, issues):
            if isinstance(result, Exception):
                raise result
            out.append(result)
    return out


if __name__ == "__main__":
    main()
