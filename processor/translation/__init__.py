"""Offline translation: installed models, routing, the CTranslate2 engine."""

from processor.translation.base import Translator

__all__ = ["Translator"]
