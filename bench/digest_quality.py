"""How well the digest groups articles into stories, against tests/data/digest/labels.json.

Run from the repository root: ``python -m bench.digest_quality``.  Every article of the
labelled set is prepared and grouped together (a day's batch holds every story and its
look-alikes); the metrics are then given for all articles, for the `tune` split (the
stories the thresholds were tuned on) and for the frozen `test` split.

Pairwise precision/recall/F1: over pairs of articles, "same story" predicted vs labelled.
B-cubed F1 (Bagga and Baldwin): per article, precision and recall of its predicted story.
Also listed: each hard-negative story merged with its look-alike (an error of that kind).

``--sweep 0.30,0.34,0.37`` groups the prepared articles once per threshold and gives the
pairwise F1 of each split and of the pairs that touch a `tune` story (its merges with
look-alikes of the test split count): the threshold is chosen on that column alone.
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bench.harness import REPO, table

if TYPE_CHECKING:
    from processor.digest.articles import Article

DATA = REPO / "tests" / "data" / "digest"


def labelled() -> tuple[list[str], list[str], dict[str, dict[str, str]]]:
    """(paths, story id per path, stories) of the labelled set."""
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    names = sorted(labels["files"])
    return [str(DATA / n) for n in names], [labels["files"][n] for n in names], labels["stories"]


def pairwise(
    truth: Sequence[str], predicted: Sequence[int], tune: Sequence[bool] | None = None
) -> tuple[float, float, float]:
    """Pairwise P/R/F1; with ``tune``, over the pairs with an article of the tune split."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(truth)), 2):
        if tune is not None and not (tune[i] or tune[j]):
            continue
        same_true, same_pred = truth[i] == truth[j], predicted[i] == predicted[j]
        tp += same_true and same_pred
        fp += same_pred and not same_true
        fn += same_true and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _predicted(groups: Sequence[Sequence[int]], n: int) -> list[int]:
    predicted = [0] * n
    for g, members in enumerate(groups):
        for i in members:
            predicted[i] = g
    return predicted


def sweep(
    articles: Sequence[Article],
    truth: Sequence[str],
    stories: dict[str, dict[str, str]],
    thresholds: Sequence[float],
) -> None:
    import dataclasses

    from processor.digest.stories import DEFAULT, group

    tune = [stories[s]["split"] == "tune" for s in truth]
    rows = []
    for threshold in thresholds:
        settings = dataclasses.replace(DEFAULT, threshold=threshold)
        predicted = _predicted(group(articles, settings), len(articles))
        row = [f"{threshold:.2f}", f"{pairwise(truth, predicted, tune)[2]:.3f}"]
        for split in ("tune", "test", "all"):
            keep = [i for i, s in enumerate(truth) if split in ("all", stories[s]["split"])]
            f1 = pairwise([truth[i] for i in keep], [predicted[i] for i in keep])[2]
            row.append(f"{f1:.3f}")
        rows.append(tuple(row))
    print(table(rows, ("threshold", "touching tune F1", "tune F1", "test F1", "all F1")))


def bcubed(truth: Sequence[str], predicted: Sequence[int]) -> float:
    n = len(truth)
    p = r = 0.0
    for i in range(n):
        pred = {j for j in range(n) if predicted[j] == predicted[i]}
        true = {j for j in range(n) if truth[j] == truth[i]}
        p += len(pred & true) / len(pred)
        r += len(pred & true) / len(true)
    p, r = p / n, r / n
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the predicted stories")
    parser.add_argument("--sweep", help="thresholds to compare, comma-separated")
    args = parser.parse_args(argv)

    from processor.digest.articles import prepare_article
    from processor.digest.stories import group
    from processor.preparation import BriefOptions

    paths, truth, stories = labelled()
    began = time.perf_counter()
    articles = [prepare_article(p, BriefOptions(languages=("ru",))) for p in paths]
    prepared = time.perf_counter() - began
    if args.sweep:
        sweep(articles, truth, stories, [float(t) for t in args.sweep.split(",")])
        return
    began = time.perf_counter()
    groups = group(articles)
    grouped = time.perf_counter() - began
    predicted = _predicted(groups, len(paths))

    rows = []
    for split in ("all", "tune", "test"):
        keep = [i for i, s in enumerate(truth) if split == "all" or stories[s]["split"] == split]
        t, p = [truth[i] for i in keep], [predicted[i] for i in keep]
        pp, pr, pf = pairwise(t, p)
        n_stories = len(set(t))
        rows.append((split, str(len(keep)), str(n_stories), f"{pp:.3f}", f"{pr:.3f}", f"{pf:.3f}",
                     f"{bcubed(t, p):.3f}"))  # fmt: skip
    print(f"{len(paths)} articles, {len(set(truth))} labelled stories, {len(groups)} predicted")
    print(f"prepare {prepared:.1f} s, group {grouped * 1000:.0f} ms\n")
    header = ("split", "articles", "stories", "pair P", "pair R", "pair F1", "B3 F1")
    print(table(rows, header))

    merged = []
    for sid, story in sorted(stories.items()):
        kind, other = story.get("hard_negative"), story.get("look_alike_of")
        if not kind or not other:
            continue
        mine = {predicted[i] for i, s in enumerate(truth) if s == sid}
        theirs = {predicted[i] for i, s in enumerate(truth) if s == other}
        if mine & theirs:
            merged.append(f"  {kind}: {sid} merged with {other}")
    print(f"\nhard negatives merged with their look-alike: {len(merged)}")
    print("\n".join(merged))
    split_stories = [
        s
        for s in sorted(set(truth))
        if len({predicted[i] for i, t in enumerate(truth) if t == s}) > 1
    ]
    print(f"stories split over several predicted stories: {len(split_stories)}")
    for s in split_stories:
        print(f"  {s}")
    if args.show:
        for members in groups:
            print("--", ", ".join(f"{truth[i]}:{paths[i].rsplit('/', 1)[1][:30]}" for i in members))


if __name__ == "__main__":
    main()
