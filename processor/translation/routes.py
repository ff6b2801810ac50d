"""Pick the best installed route for a language pair.

Candidates are every installed model that translates the pair directly (Argos
packages, bilingual CTranslate2 models, multilingual models covering both
languages), then pivots through English (ru->en, then en->kk) built from direct
candidates when no direct route exists.  Direct routes rank before pivots; among
equals, published quality (:data:`processor.translation.store.QUALITY`) decides,
then smaller/bilingual models (faster), then name for a stable order.  Every
route's ``describe()`` names each model and its licence (memos and logs show it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from processor.errors import NoRouteError
from processor.translation.engine import (
    CT2Translator,
    IdentityTranslator,
    PivotTranslator,
    TranslationSettings,
)
from processor.translation.store import InstalledModel, ModelStore, default_store

PIVOT = "en"

# The catalog model suggested for Kazakh: the smaller one (2 cores, no GPU is the norm).
NLLB_DEFAULT = "nllb-200-distilled-600M"
NLLB_FILES = "model.bin, config.json, shared_vocabulary.json (or .txt), sentencepiece.bpe.model"
NLLB_CONVERT = (
    f"ct2-transformers-converter --model facebook/{NLLB_DEFAULT} "
    f"--quantization int8 --output_dir {NLLB_DEFAULT}-ct2 "
    "--copy_files sentencepiece.bpe.model"
)


@dataclass(frozen=True)
class Step:
    """One model translating ``source`` -> ``target``."""

    model: InstalledModel
    source: str
    target: str


@dataclass(frozen=True)
class Route:
    """A way to translate ``source`` -> ``target``: one step (direct) or two (pivot)."""

    source: str
    target: str
    steps: tuple[Step, ...]
    score: float | None = None  # published quality of the direct model, when known
    chosen: bool = False  # the route get_translator() uses for this pair

    @property
    def kind(self) -> str:
        return "direct" if len(self.steps) == 1 else "pivot"

    @property
    def pivot(self) -> str | None:
        return self.steps[0].target if len(self.steps) > 1 else None

    @property
    def models(self) -> list[str]:
        return [s.model.name for s in self.steps]

    def describe(self) -> str:
        parts = [
            f"{s.model.name} ({s.model.kind}, {s.source}->{s.target}, licence: {s.model.licence})"
            for s in self.steps
        ]
        text = " then ".join(parts)
        return f"pivot through {self.pivot}: {text}" if self.pivot else text


def _rank(route: Route) -> tuple:
    first = route.steps[0].model
    return (
        len(route.steps),  # direct before pivot
        -(route.score if route.score is not None else -1.0),
        first.multilingual,  # bilingual packages are smaller and faster
        route.models,
    )


def _direct(models: Iterable[InstalledModel], source: str, target: str) -> list[Route]:
    return [
        Route(source, target, (Step(m, source, target),), m.score(source, target))
        for m in models
        if m.covers(source, target)
    ]


def candidate_routes(models: Sequence[InstalledModel], source: str, target: str) -> list[Route]:
    """Every route for the pair, best first."""
    routes = _direct(models, source, target)
    # Pivots only when nothing translates the pair directly: a pivot is never preferred,
    # and listing every combination of multilingual models would only add noise.
    if not routes and PIVOT not in (source, target):
        first = sorted(_direct(models, source, PIVOT), key=_rank)
        second = sorted(_direct(models, PIVOT, target), key=_rank)
        for a in first:
            for b in second:
                # One multilingual model on both legs is its own direct route already.
                if a.steps[0].model.path != b.steps[0].model.path:
                    routes.append(Route(source, target, a.steps + b.steps, None))
    routes.sort(key=_rank)
    if routes:
        best = routes[0]
        routes[0] = Route(best.source, best.target, best.steps, best.score, chosen=True)
    return routes


def list_routes(
    source: str, targets: Sequence[str] | str, *, store: ModelStore | None = None
) -> list[Route]:
    """All installed routes from ``source`` to each target, best first per target."""
    models = (store or default_store()).installed()
    if isinstance(targets, str):
        targets = [targets]
    return [r for t in targets if t != source for r in candidate_routes(models, source, t)]


def install_hint(source: str, target: str, *, from_index: bool = True) -> str:
    """The exact command that would install a model for ``source`` -> ``target`` (one line).

    Kazakh (and any pair the Argos index lacks) gets the catalog's NLLB-200 model,
    downloaded by name, with the air-gapped folder install as the alternative.
    """
    if "kk" in (source, target) or not from_index:
        return (
            f"processor models install {NLLB_DEFAULT} (downloads it); without internet: "
            f"processor models install /path/to/{NLLB_DEFAULT}-ct2 --name {NLLB_DEFAULT} "
            f"(a CTranslate2 folder: {NLLB_FILES})"
        )
    return f"processor models install translate-{source}_{target}"


def airgapped_instructions(source: str, target: str) -> str:
    """How to install a model for the pair on a machine without internet (README, CLI)."""
    if "kk" in (source, target):
        from processor.translation.catalog import CATALOG, DEFAULT_MIRROR

        entry = CATALOG[NLLB_DEFAULT]
        return "\n".join(
            [
                f"No Argos package translates {source}->{target}; NLLB-200 does.",
                f"Connected: processor models install {NLLB_DEFAULT}",
                f"Air-gapped: bring a CTranslate2 NLLB-200 folder ({NLLB_FILES}),",
                f"  e.g. the files of {DEFAULT_MIRROR}/{entry.repo}",
                f"  (sentencepiece.bpe.model is also in {DEFAULT_MIRROR}/{entry.upstream}),",
                "  or convert one on a connected machine:",
                "  pip install ctranslate2 transformers sentencepiece",
                f"  {NLLB_CONVERT}",
                "then on this machine:",
                f"  processor models install /path/to/{NLLB_DEFAULT}-ct2 --name {NLLB_DEFAULT}",
                "For ru->en bring translate-ru_en-1_9.argosmodel from the Argos index and:",
                "  processor models install translate-ru_en-1_9.argosmodel",
                "NLLB-200 weights are CC-BY-NC-4.0 (non-commercial use only).",
            ]
        )
    return "\n".join(
        [
            f"Connected: processor models install translate-{source}_{target}",
            "Air-gapped: on a connected machine download the package file, e.g.",
            f"  https://argos-net.com/v1/translate-{source}_{target}-1_9.argosmodel",
            "(links are in https://github.com/argosopentech/argospm-index), copy it here, then:",
            f"  processor models install translate-{source}_{target}-1_9.argosmodel",
        ]
    )


def get_translator(
    source: str,
    target: str,
    settings: TranslationSettings | None = None,
    *,
    store: ModelStore | None = None,
):
    """The best installed route for ``source`` -> ``target`` as a ready Translator.

    Raises :class:`~processor.errors.NoRouteError` (with the install command as its
    hint) when nothing installed covers the pair, even through English.
    """
    if source == target:
        return IdentityTranslator(source)
    routes = list_routes(source, [target], store=store)
    if not routes:
        raise NoRouteError(source, target, hint=install_hint(source, target))
    best = routes[0]
    engines = [CT2Translator(s.model, s.source, s.target, settings) for s in best.steps]
    if len(engines) == 1:
        return engines[0]
    return PivotTranslator(engines[0], engines[1])
