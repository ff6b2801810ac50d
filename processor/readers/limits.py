"""How much work one input may cost a reader.

Every bound is a field of :class:`ReadLimits`; a reader that hits one fails
with one line naming the file and the limit, and the batch goes on.  The
defaults are far above any real article (a news page is well under 5 MB,
nested under 100 levels) and far below what hurts a shared machine.

``PROCESSOR_MAX_INPUT_MB`` changes the size limit for every run that does
not pass its own :class:`ReadLimits` (``read_document(path, limits=...)``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from processor.errors import InputError, ProcessorError

MIB = 1024 * 1024
ENV_MAX_INPUT_MB = "PROCESSOR_MAX_INPUT_MB"
# libxml2 (huge_tree mode) stops building a tree at this depth.
HTML_DEPTH_CEILING = 2048


@dataclass(frozen=True)
class ReadLimits:
    """Bounds on one input; see the module docstring for why each exists."""

    # Size of one input file as stored (any format).
    max_bytes: int = 50 * MIB
    # Element nesting of an HTML page (browsers flatten beyond 512 as well); at most
    # HTML_DEPTH_CEILING, the depth to which libxml2 reports a page's shape.
    max_html_depth: int = 512
    # Elements of an HTML page: a news page has a few thousand; parsing costs ~60 us each.
    max_html_elements: int = 50_000
    # DOCX: all parts of the zip together, uncompressed.
    max_unpacked_bytes: int = 256 * MIB
    # DOCX: uncompressed / compressed size of one part; only parts over 1 MiB are
    # judged, since tiny parts compress far better than text ever does.
    max_ratio: int = 200
    # PDF: pages read from one file.
    max_pdf_pages: int = 2000

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not isinstance(value, int) or value <= 0:
                raise ValueError(f"ReadLimits.{name} must be a positive integer, got {value!r}")
        if self.max_html_depth > HTML_DEPTH_CEILING:
            raise ValueError(f"ReadLimits.max_html_depth can be at most {HTML_DEPTH_CEILING}")

    @classmethod
    def from_env(cls) -> ReadLimits:
        """The defaults, with ``PROCESSOR_MAX_INPUT_MB`` applied when it is set."""
        raw = os.environ.get(ENV_MAX_INPUT_MB, "").strip()
        if not raw:
            return cls()
        try:
            megabytes = float(raw)
        except ValueError:
            megabytes = 0.0
        if not 0 < megabytes < 1e9:
            raise ProcessorError(f"{ENV_MAX_INPUT_MB} must be a positive number of MB, got '{raw}'")
        return cls(max_bytes=max(1, int(megabytes * MIB)))

    def check_size(self, size: int, path: str) -> None:
        if size > self.max_bytes:
            raise InputError(
                f"file is {_mb(size)}, over the {_mb(self.max_bytes)} limit per input "
                f"(set {ENV_MAX_INPUT_MB} to raise it)",
                path=path,
            )


def _mb(size: int) -> str:
    return f"{size / MIB:.1f} MB" if size >= MIB // 10 else f"{size} bytes"
