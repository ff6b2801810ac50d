"""The service's digest job: ``processor.digest()`` over the uploaded articles.

Outcomes as the job API shows them: one per input (its story, or why it is not in the
digest), and one for the digest itself naming the files written (no server paths).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from processor.service.jobs import Work


def digest_work(
    languages: tuple[str, ...],
    formats: tuple[str, ...],
    glossaries: tuple[str, ...],
    title: str | None = None,
    executor: str = "local",
    address: str | None = None,
) -> Work:
    """The job that writes one digest of every uploaded article (each read in a worker
    process with a time budget, like a CLI batch)."""

    def work(
        inputs: list[Path], out: Path, progress: Callable[[int, int, str], None]
    ) -> list[dict[str, Any]]:
        from processor.batch.executor import DEFAULT_MEMORY_MB, Limits
        from processor.batch.run import BatchSettings
        from processor.digest import DigestOptions, digest

        progress(0, len(inputs), "reading and grouping")
        options = DigestOptions(
            languages=languages, formats=formats, glossaries=glossaries, title=title
        )
        settings = BatchSettings(
            limits=Limits(jobs=1, memory_mb=DEFAULT_MEMORY_MB),
            executor="ray" if executor == "ray" else "local",
            address=address,
        )
        result = digest(inputs, out, options, settings=settings)
        story_of = {
            a.input: s.id for d in result.digests[:1] for s in d.stories for a in s.articles
        }
        outcomes: list[dict[str, Any]] = [
            {"source": Path(p).name, "status": "ok", "story": story_of[str(p)]}
            for p in inputs
            if str(p) in story_of
        ]
        for item in result.failed + result.excluded:
            reason = item["reason"].replace(str(Path(item["input"]).parent) + "/", "")
            outcomes.append(
                {"source": Path(item["input"]).name, "status": "error", "reason": reason}
            )
        outcomes.append(
            {
                "source": "digest",
                "status": "ok"
                if result.exit_code == 0
                else "missing"
                if result.exit_code == 3
                else "error",
                "stories": result.stories,
                "missing": [m.to_dict() for m in result.missing],
                "errors": result.errors,
                "outputs": [p.name for p in result.outputs],
            }
        )
        return outcomes

    return work
