"""Offline translation: installed models, routing, the CTranslate2 engine.

Import-light on purpose: names other than :class:`Translator` are loaded on first
use, and nothing here imports ``ctranslate2`` or ``sentencepiece``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from processor.errors import NoRouteError
from processor.translation.base import Translator

if TYPE_CHECKING:
    from processor.translation.engine import TranslationSettings
    from processor.translation.routes import (
        Route,
        airgapped_instructions,
        get_translator,
        install_hint,
        list_routes,
    )
    from processor.translation.store import InstalledModel, ModelStore, default_store

_LAZY = {
    "TranslationSettings": "processor.translation.engine",
    "get_translator": "processor.translation.routes",
    "list_routes": "processor.translation.routes",
    "install_hint": "processor.translation.routes",
    "airgapped_instructions": "processor.translation.routes",
    "Route": "processor.translation.routes",
    "InstalledModel": "processor.translation.store",
    "ModelStore": "processor.translation.store",
    "default_store": "processor.translation.store",
}

__all__ = [
    "InstalledModel",
    "ModelStore",
    "NoRouteError",
    "Route",
    "TranslationSettings",
    "Translator",
    "airgapped_instructions",
    "default_store",
    "get_translator",
    "install_hint",
    "list_routes",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
