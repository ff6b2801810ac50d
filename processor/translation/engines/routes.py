"""Pick the best installed route for a language pair.

Candidates are every installed model that translates the pair directly (Argos
packages, bilingual CTranslate2 models, multilingual models covering both
languages), then pivots through English (ru->en, then en->kk) built from direct
candidates when no direct route exists.  Direct routes rank before pivots; among
equals, published quality (:data:`processor.translation.models.catalog.QUALITY`) decides,
then smaller/bilingual models (faster), then name for a stable order.  Every
route's ``describe()`` names each model and its licence (memos and logs show it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from processor.errors import NoRouteError
from processor.translation.base import Translator
from processor.translation.engines.ct2 import (
    CT2Translator,
    IdentityTranslator,
    PivotTranslator,
    TranslationSettings,
    resolve_device,
)
from processor.translation.models.hints import airgapped_instructions, install_hint
from processor.translation.models.installed import InstalledModel
from processor.translation.models.store import ModelStore, default_store

__all__ = [
    "MEMO_PAIRS",
    "Route",
    "Step",
    "airgapped_instructions",
    "candidate_routes",
    "get_translator",
    "install_hint",
    "list_routes",
    "routes_json",
]

PIVOT = "en"
# The pairs the product needs (memo languages): `processor models list` shows their routes.
MEMO_PAIRS: tuple[tuple[str, str], ...] = (("ru", "en"), ("ru", "kk"))


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

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "models": self.models,
            "pivot": self.pivot,
            "score": self.score,
            "chosen": self.chosen,
            "describe": self.describe(),
        }


def _rank(route: Route) -> tuple[int, float, bool, list[str]]:
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


def get_translator(
    source: str,
    target: str,
    settings: TranslationSettings | None = None,
    *,
    store: ModelStore | None = None,
) -> Translator:
    """The best installed route for ``source`` -> ``target`` as a ready Translator.

    Raises :class:`~processor.errors.NoRouteError` (with the install command as its
    hint) when nothing installed covers the pair, even through English, and
    :class:`~processor.errors.DeviceError` when the requested device is not available
    (checked first: a machine without a GPU fails the same way with or without models).
    """
    if source == target:
        return IdentityTranslator(source)
    if settings is not None and settings.device != "cpu":
        resolve_device(settings.device)
    routes = list_routes(source, [target], store=store)
    if not routes:
        raise NoRouteError(source, target, hint=install_hint(source, target))
    best = routes[0]
    engines = [CT2Translator(s.model, s.source, s.target, settings) for s in best.steps]
    if len(engines) == 1:
        return engines[0]
    return PivotTranslator(engines[0], engines[1])


def routes_json(store: ModelStore, pairs: Sequence[tuple[str, str]] = MEMO_PAIRS) -> dict[str, Any]:
    """``processor models list --json``: the store's folders, models, problems and routes."""
    installed, problems = store.scan()
    return {
        "argos_dir": str(store.argos_dir),
        "models_dir": str(store.models_dir),
        "models": [m.to_json() for m in installed],
        "problems": problems,
        "routes": {
            f"{s}->{t}": [r.to_json() for r in candidate_routes(installed, s, t)] for s, t in pairs
        },
    }
