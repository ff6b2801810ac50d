"""Offline translation: installed models, routing, the CTranslate2 engine.

Import-light on purpose: names other than :class:`Translator` are loaded on first
use, and nothing here imports ``ctranslate2`` or ``sentencepiece``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from processor.errors import DeviceError, NoRouteError, TranslatorOutputError
from processor.translation.base import Translator, check_one_output_per_input, checked_translate

if TYPE_CHECKING:
    from processor.translation.engines.ct2 import TranslationSettings
    from processor.translation.engines.routes import Route, get_translator, list_routes
    from processor.translation.models.hints import airgapped_instructions, install_hint
    from processor.translation.models.installed import InstalledModel
    from processor.translation.models.store import ModelStore, default_store

_LAZY = {
    "TranslationSettings": "processor.translation.engines.ct2",
    "get_translator": "processor.translation.engines.routes",
    "list_routes": "processor.translation.engines.routes",
    "install_hint": "processor.translation.models.hints",
    "airgapped_instructions": "processor.translation.models.hints",
    "Route": "processor.translation.engines.routes",
    "InstalledModel": "processor.translation.models.installed",
    "ModelStore": "processor.translation.models.store",
    "default_store": "processor.translation.models.store",
}

__all__ = [
    "DeviceError",
    "InstalledModel",
    "ModelStore",
    "NoRouteError",
    "Route",
    "TranslationSettings",
    "Translator",
    "TranslatorOutputError",
    "airgapped_instructions",
    "check_one_output_per_input",
    "checked_translate",
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
