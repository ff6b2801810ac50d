"""The daily digest: a day of articles -> stories, each once, with all their outlets.

``articles`` (one small record per input) -> ``stories`` (blocking and grouping) ->
``ranking`` -> ``content`` (the digest model, planned once, shown per language) ->
``render`` (DOCX, Markdown, JSON); ``run.digest`` drives them.
"""

from __future__ import annotations

from processor.digest.run import DigestOptions, DigestResult, digest

__all__ = ["DigestOptions", "DigestResult", "digest"]
