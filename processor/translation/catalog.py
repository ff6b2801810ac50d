"""Known CTranslate2 conversions that ``processor models install NAME`` can fetch.

The Argos index has no Kazakh package, so a few published CTranslate2 conversions
of Kazakh-capable models are listed here by name.  Their files are fetched one by
one over HTTPS from ``{base}/{repo}/resolve/main/{file}`` (the Hugging Face layout),
where ``base`` is ``--mirror``, else ``$PROCESSOR_MODEL_MIRROR``, else
``https://huggingface.co``, so an organisation's internal mirror works too.

Small files come first and ``model.bin`` last, so a repository that lacks the
tokenizer fails in seconds rather than after a large download.  The tokenizer is
also looked for in the upstream repository, since conversions do not always copy
it.  Only the standard library is used (urllib): no new dependency, and nothing is
imported until a download runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from processor.errors import ModelError

DEFAULT_MIRROR = "https://huggingface.co"
MIRROR_ENV = "PROCESSOR_MODEL_MIRROR"
DOWNLOAD_TIMEOUT = 60.0
# Files at least this large get percentage lines on the progress callback.
PROGRESS_MIN_BYTES = 8 << 20
# Without a Content-Length, report every this many bytes instead.
PROGRESS_STEP_BYTES = 100 << 20

Progress = Callable[[str], None]


@dataclass(frozen=True)
class CatalogEntry:
    """One known model: where its files are and what to record about it."""

    name: str
    repo: str
    style: str
    licence: str
    languages: tuple[str, ...]  # must have language tokens in the vocabulary
    quality: str
    upstream: str  # the original model this is a conversion of
    # Each required item is a list of alternates, tried in order (first found wins).
    required: tuple[tuple[str, ...], ...]
    optional: tuple[str, ...] = ()
    tokenizer: str = "sentencepiece.bpe.model"

    def url(self, base: str, file: str, repo: str | None = None) -> str:
        return f"{base.rstrip('/')}/{repo or self.repo}/resolve/main/{file}"


_NLLB_FILES: tuple[tuple[str, ...], ...] = (
    ("model.bin",),
    ("config.json",),
    ("shared_vocabulary.json", "shared_vocabulary.txt"),
    ("sentencepiece.bpe.model",),
)
_NLLB_OPTIONAL = ("README.md", "tokenizer_config.json", "special_tokens_map.json")
_NLLB_LICENCE = "CC-BY-NC-4.0 (non-commercial)"

CATALOG: dict[str, CatalogEntry] = {
    entry.name: entry
    for entry in (
        CatalogEntry(
            name="nllb-200-distilled-600M",
            repo="entai2965/nllb-200-distilled-600M-ctranslate2",
            style="nllb",
            licence=_NLLB_LICENCE,
            languages=("en", "kk", "ru"),
            quality="FLORES-200 devtest chrF++ rus->kaz 42.4",
            upstream="facebook/nllb-200-distilled-600M",
            required=_NLLB_FILES,
            optional=_NLLB_OPTIONAL,
        ),
        CatalogEntry(
            name="nllb-200-distilled-1.3B",
            repo="entai2965/nllb-200-distilled-1.3B-ctranslate2",
            style="nllb",
            licence=_NLLB_LICENCE,
            languages=("en", "kk", "ru"),
            quality="FLORES-200 devtest chrF++ rus->kaz 44.3, eng->kaz 45.9",
            upstream="facebook/nllb-200-distilled-1.3B",
            required=_NLLB_FILES,
            optional=_NLLB_OPTIONAL,
        ),
    )
}


def find(name: str) -> CatalogEntry | None:
    """The catalog entry called ``name`` (case-insensitive: ``600m`` works too)."""
    lowered = name.strip().lower()
    return next((e for e in CATALOG.values() if e.name.lower() == lowered), None)


def mirror_base(override: str | None = None) -> str:
    """Where catalog files come from: ``override``, ``$PROCESSOR_MODEL_MIRROR``, Hugging Face."""
    return (override or os.environ.get(MIRROR_ENV) or DEFAULT_MIRROR).rstrip("/")


class NotFound(ModelError):
    """The server answered 404: the file is not there (an alternate may be)."""


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB" if size >= 1 << 20 else f"{size / 1024:.0f} KB"


def fetch_file(url: str, dest: Path, label: str, progress: Progress | None = None) -> int:
    """Stream ``url`` into ``dest``; return its size.

    A 404 raises :class:`NotFound`; any other failure, including a connection that
    ends before the announced Content-Length, raises a one-line ModelError.
    """
    import http.client
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": "processor"})
    received = 0
    try:
        with urllib.request.urlopen(request, timeout=DOWNLOAD_TIMEOUT) as response:
            header = response.headers.get("Content-Length")
            total = int(header) if header and header.isdigit() else None
            shown_pct = 0
            next_step = PROGRESS_STEP_BYTES
            with open(dest, "wb") as fh:
                while chunk := response.read(1 << 20):
                    fh.write(chunk)
                    received += len(chunk)
                    if progress is None:
                        continue
                    if total and total >= PROGRESS_MIN_BYTES:
                        pct = received * 100 // total // 10 * 10
                        if pct > shown_pct:
                            shown_pct = pct
                            progress(f"{label}: {pct}% of {_mb(total)}")
                    elif total is None and received >= next_step:
                        next_step += PROGRESS_STEP_BYTES
                        progress(f"{label}: {_mb(received)}")
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            raise NotFound(f"{label} not found (HTTP 404)", path=url) from None
        why = " (repository not found, or it needs a login)" if exc.code in (401, 403) else ""
        raise ModelError(f"download failed: HTTP {exc.code} {exc.reason}{why}", path=url) from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise ModelError(f"download of {label} failed: {reason}", path=url) from None
    except http.client.HTTPException as exc:  # bad status line, incomplete read...
        raise ModelError(f"download of {label} failed: {type(exc).__name__}", path=url) from None
    # urllib's chunked reads return short data silently when the server hangs up early.
    if total is not None and received != total:
        raise ModelError(
            f"download of {label} incomplete: got {received} of {total} bytes "
            "(connection dropped; run the install again)",
            path=url,
        )
    return received


def _missing_tokenizer(entry: CatalogEntry, base: str) -> ModelError:
    upstream = f"{DEFAULT_MIRROR}/{entry.upstream}"
    return ModelError(
        f"{entry.tokenizer} is missing from {entry.repo} and {entry.upstream} (HTTP 404)",
        path=f"{base}/{entry.repo}",
        hint=(
            f"download {entry.tokenizer} from {upstream}, put it in a folder with "
            f"the model's model.bin, config.json and shared_vocabulary.*, then run: "
            f"processor models install DIR --name {entry.name}"
        ),
    )


def download(
    entry: CatalogEntry,
    dest: Path,
    *,
    mirror: str | None = None,
    progress: Progress | None = None,
) -> Path:
    """Fetch ``entry``'s files into the (existing, empty) folder ``dest``; return ``dest``.

    The caller owns ``dest`` and removes it on failure or Ctrl-C.
    """
    base = mirror_base(mirror)
    if progress:
        progress(f"downloading {entry.name} from {base}/{entry.repo} (licence: {entry.licence})")
    small = [alts for alts in entry.required if "model.bin" not in alts]
    for alternates in small:
        _fetch_required(entry, base, alternates, dest, progress)
    for name in entry.optional:
        try:
            fetch_file(entry.url(base, name), dest / name, name, progress)
        except NotFound:
            (dest / name).unlink(missing_ok=True)  # optional: the model works without it
    for alternates in entry.required:
        if "model.bin" in alternates:
            _fetch_required(entry, base, alternates, dest, progress)
    return dest


def _fetch_required(
    entry: CatalogEntry,
    base: str,
    alternates: tuple[str, ...],
    dest: Path,
    progress: Progress | None,
) -> None:
    sources = [(entry.repo, name) for name in alternates]
    if alternates == (entry.tokenizer,):
        # The tokenizer is the upstream model's own file; fetch it there when the
        # conversion did not copy it (ct2-transformers-converter needs --copy_files).
        sources.append((entry.upstream, entry.tokenizer))
    for repo, name in sources:
        target = dest / name
        try:
            fetch_file(entry.url(base, name, repo), target, name, progress)
            return
        except NotFound:
            target.unlink(missing_ok=True)
    if alternates == (entry.tokenizer,):
        raise _missing_tokenizer(entry, base)
    wanted = " or ".join(alternates)
    raise ModelError(f"{wanted} is missing (HTTP 404)", path=f"{base}/{entry.repo}")
