"""The HTTP API and the web page: one FastAPI app over the library's use cases.

Endpoints (schema at ``/openapi.json``):

* ``GET /health``: liveness, version, queued jobs.
* ``GET /api/models``: installed models and the route each memo language takes.
* ``POST /api/glossary/find``: names and terms in a text, no model needed.
* ``POST /api/briefs``: upload articles, get a job that writes memos (DOCX/MD/JSON).
* ``POST /api/translations``: upload documents, get a job that translates them.
* ``POST /api/digests``: articles (multipart) -> a job writing one digest of them all.
* ``GET /api/jobs/{id}``: status, progress, per-input outcomes, result links.
* ``GET /api/jobs/{id}/files/{name}``: one result file.
* ``GET /``: the web page (Russian, Kazakh and English interface).

With an API key set, every ``/api`` call needs the header ``X-API-Key``.
"""

# No ``from __future__ import annotations``: FastAPI reads the endpoint annotations at
# definition time, and they name classes imported here.
import contextlib
import functools
import hmac
import secrets
import shutil
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Header, HTTPException, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from pydantic import BaseModel

import processor
from processor.preparation import MEMO_LANGUAGES
from processor.service.guard import LOOPBACK_NAMES, Guard, guarded
from processor.service.jobs import JobStore, Work
from processor.service.uploads import Limits, UploadRejected, check_request, receive_uploads

if TYPE_CHECKING:
    from processor.glossary import Glossary
    from processor.results import Result

STATIC = Path(__file__).parent / "static"
FORMATS = ("docx", "md", "json")
# A find holds one of the server's threads: its text is bounded so that the worst text
# (a glossary surname before thousands of distinct words) stays within a few seconds
# (bench/bench_find_bound.py); an article is well under 100 KB.
FIND_MAX_BYTES = 256 * 1024


@dataclass
class ServiceConfig:
    """How a service instance runs: where it writes, what it accepts, who may call it."""

    data_dir: Path
    api_key: str | None = None
    limits: Limits = field(default_factory=Limits)
    glossaries: tuple[str, ...] = ()
    # "ray": brief jobs run their articles as Ray tasks, models in Ray actors.
    executor: str = "local"
    address: str | None = None
    limits_jobs: int = 2  # CPUs of a local Ray instance
    # Listening on loopback only: the page may promise that files stay on this computer.
    loopback_only: bool = True
    # Host names the service answers to (DNS rebinding); None: any (an API key is set).
    allowed_hosts: tuple[str, ...] | None = LOOPBACK_NAMES


class FindRequest(BaseModel):
    """Text to look glossary terms up in."""

    text: str


def _outcome(result: "Result") -> dict[str, Any]:
    """One input's outcome as the API shows it: the manifest item, without server paths."""
    record = result.record()
    record["source"] = Path(str(record["source"])).name
    record["outputs"] = [Path(str(p)).name for p in result.outputs]
    found = record.get("report")
    if isinstance(found, dict):
        report = dict(found)
        report["source"] = record["source"]
        report["output"] = Path(str(report.get("output", ""))).name
        record["report"] = report
    return record


def public_models(data: dict[str, Any]) -> dict[str, Any]:
    """``processor models list --json`` without the server's paths: a caller needs the
    models and routes, never where the server keeps them."""
    folders = [str(data.pop("argos_dir", "")), str(data.pop("models_dir", ""))]
    for model in data.get("models", []):
        model.pop("path", None)
    problems = []
    for line in data.get("problems", []):
        for folder in filter(None, folders):
            line = line.replace(folder.rstrip("/") + "/", "")
        problems.append(line)
    data["problems"] = problems
    return data


def brief_work(languages: tuple[str, ...], formats: tuple[str, ...], full_text: bool,
               glossaries: tuple[str, ...], executor: str = "local",
               address: str | None = None) -> Work:  # fmt: skip
    """The job that writes memos for every uploaded article.

    It runs like a CLI batch: every article is read in a worker process with a time
    budget, so a hostile upload costs only itself; progress is counted per article.
    """

    def work(
        inputs: list[Path], out: Path, progress: Callable[[int, int, str], None]
    ) -> list[dict[str, Any]]:
        from processor.batch.executor import DEFAULT_MEMORY_MB, Limits
        from processor.batch.run import BatchReport, BatchSettings, brief_batch
        from processor.pipeline import BriefOptions

        done: list[str] = []

        def finished(result: "Result", skipped: bool) -> None:
            done.append(result.source)
            progress(len(done), len(inputs), Path(result.source).name)

        progress(0, len(inputs), "")  # the page words the phase in its own language
        options = BriefOptions(
            languages=languages, formats=formats, full_text=full_text, glossaries=glossaries
        )
        settings = BatchSettings(
            # The worker stays loaded for the next job; capped like the CLI's workers.
            limits=Limits(jobs=1, warm=True, memory_mb=DEFAULT_MEMORY_MB),
            force=True,
            executor="ray" if executor == "ray" else "local",
            address=address,
        )
        results = brief_batch(inputs, out, options, settings, report=BatchReport(finished=finished))
        return [_outcome(r) for r in results]

    return work


def translate_work(target: str, keep_formatting: bool, glossaries: tuple[str, ...]) -> Work:
    """The job that translates every uploaded document into ``target``: the library's
    ``translate_files``, as the CLI runs it (one result per input, formatting kept)."""

    def work(
        inputs: list[Path], out: Path, progress: Callable[[int, int, str], None]
    ) -> list[dict[str, Any]]:
        from processor.document_translation import TranslateOptions, translate_files

        progress(0, len(inputs), "")
        options = TranslateOptions(
            target=target, glossaries=glossaries, keep_formatting=keep_formatting
        )
        return [_outcome(r) for r in translate_files(inputs, out, options)]

    return work


def _key_matches(given: str | None, key: str) -> bool:
    """Compared as bytes: a header arrives as latin-1 text of the UTF-8 bytes sent, and
    hmac.compare_digest refuses non-ASCII str (a 500 with a traceback)."""
    sent = (given or "").encode("latin-1", "replace")
    return hmac.compare_digest(sent, key.encode("utf-8"))


def create_app(config: ServiceConfig) -> Any:
    """The ASGI app behind :mod:`processor.service.guard`; the caller runs it (``processor
    serve`` uses uvicorn on loopback)."""
    config.data_dir.mkdir(parents=True, exist_ok=True)
    store = JobStore(config.data_dir)
    incoming = config.data_dir / ".incoming"  # uploads land here until all are accepted
    token = secrets.token_urlsafe(32)  # the page's token for state-changing requests

    # The interactive docs load scripts from a CDN: off, since nothing may go online.
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if config.executor == "ray":  # up for the service's life, not started per job
            from processor.batch import ray as on_ray

            on_ray.start(config.address, workers=max(1, config.limits_jobs))
        yield
        store.close()
        if config.executor == "ray":
            from processor.batch import ray as on_ray

            on_ray.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="processor",
        version=processor.__version__,
        description="Offline briefing memos in English and Kazakh from Russian articles.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.jobs = store

    @app.exception_handler(UploadRejected)
    async def rejected(request: Request, exc: UploadRejected) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    def authorized(x_api_key: Annotated[str | None, Header()] = None) -> None:
        if config.api_key and not _key_matches(x_api_key, config.api_key):
            raise HTTPException(401, "missing or wrong X-API-Key")

    api = [Depends(authorized)]

    @functools.cache
    def glossary() -> "Glossary":
        """Built once (inflected forms of every entry), then shared by every request."""
        from processor.glossary import load_glossaries

        return load_glossaries(config.glossaries, builtin=True)

    async def save_uploads(kind: str, files: list[UploadFile]) -> str:
        """Stream the uploads to disk, checking limits while copying; the job (and its
        folder) exists only once all of them are accepted."""
        incoming.mkdir(parents=True, exist_ok=True)
        staging = incoming / secrets.token_hex(8)
        try:
            names = await receive_uploads(files, staging, config.limits)
            check_request(len(names), sum((staging / n).stat().st_size for n in names),
                          config.limits)  # fmt: skip
            job = store.new(kind)
            for name in names:
                (staging / name).replace(store.folder(job.id) / "in" / name)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return job.id

    def _job(job_id: str) -> Any:
        job = store.get(job_id)
        assert job is not None
        return job

    def job_response(request: Request, job_id: str, status: int = 202) -> JSONResponse:
        job = store.get(job_id)
        assert job is not None
        base = str(request.base_url).rstrip("/")
        return JSONResponse(job.to_dict(base), status_code=status)

    def choices(value: str, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
        picked = tuple(v.strip() for v in value.split(",") if v.strip())
        wrong = [v for v in picked if v not in allowed]
        if wrong or not picked:
            raise HTTPException(400, f"{what}: choose from {', '.join(allowed)}")
        return picked

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {
            "status": "ok",
            "version": processor.__version__,
            "queued": store.pending(),
            "loopback_only": config.loopback_only,
        }

    @app.get("/api/models", dependencies=api)
    def models() -> dict[str, Any]:
        from processor.translation.engines.routes import routes_json
        from processor.translation.models.store import default_store

        return public_models(routes_json(default_store()))

    # A plain def: FastAPI runs it in its thread pool, so a long text never holds the
    # event loop (a 17 MB text once kept /health waiting 15 s).
    @app.post("/api/glossary/find", dependencies=api)
    def find(body: FindRequest) -> dict[str, Any]:
        if len(body.text.encode()) > FIND_MAX_BYTES:
            raise HTTPException(413, f"text over the {FIND_MAX_BYTES // 1024} KB limit of a find")
        return {"matches": [m.to_dict() for m in glossary().find(body.text)]}

    @app.post("/api/briefs", status_code=202, dependencies=api)
    async def briefs(
        request: Request,
        files: Annotated[list[UploadFile], File(description="Articles: TXT, MD, DOCX, HTML, PDF")],
        languages: Annotated[str, Form()] = "en,kk",
        formats: Annotated[str, Form()] = "docx",
        full_text: Annotated[bool, Form()] = False,
    ) -> JSONResponse:
        langs = choices(languages, MEMO_LANGUAGES, "languages")
        fmts = choices(formats, FORMATS, "formats")
        job_id = await save_uploads("brief", files)
        work = brief_work(
            langs, fmts, full_text, config.glossaries, config.executor, config.address
        )
        store.submit(_job(job_id), work)
        return job_response(request, job_id)

    @app.post("/api/digests", status_code=202, dependencies=api)
    async def digests(
        request: Request,
        files: Annotated[list[UploadFile], File(description="A day's articles")],
        languages: Annotated[str, Form()] = "en,kk",
        formats: Annotated[str, Form()] = "docx",
        title: Annotated[str | None, Form()] = None,
    ) -> JSONResponse:
        from processor.service.digests import digest_work

        langs, fmts = (
            choices(languages, MEMO_LANGUAGES, "languages"),
            choices(formats, FORMATS, "formats"),
        )
        job_id = await save_uploads("digest", files)
        work = digest_work(langs, fmts, config.glossaries, title, config.executor, config.address)
        store.submit(_job(job_id), work)
        return job_response(request, job_id)

    @app.post("/api/translations", status_code=202, dependencies=api)
    async def translations(
        request: Request,
        files: Annotated[list[UploadFile], File(description="Documents: DOCX, HTML, MD, TXT, PDF")],
        to: Annotated[str, Form()] = "en",
        keep_formatting: Annotated[bool, Form()] = True,
    ) -> JSONResponse:
        (target,) = choices(to, ("en", "kk", "kk-latn"), "to")[:1]
        job_id = await save_uploads("translate", files)
        store.submit(_job(job_id), translate_work(target, keep_formatting, config.glossaries))
        return job_response(request, job_id)

    @app.get("/api/jobs/{job_id}", dependencies=api)
    def job_status(request: Request, job_id: str, after: int = -1, wait: float = 0) -> JSONResponse:
        # ``?after=<version>&wait=<s>``: answer when the job changes past the version the
        # client saw, at most 5 s later (a waiting poll holds one of the server's threads).
        if store.wait(job_id, after, min(max(wait, 0.0), 5.0)) is None:
            raise HTTPException(404, f"no job {job_id}")
        return job_response(request, job_id, status=200)

    @app.get("/api/jobs/{job_id}/files/{name}", dependencies=api)
    def job_file(job_id: str, name: str) -> FileResponse:
        path = store.output(job_id, name)
        if path is None:
            raise HTTPException(404, f"no file {name} in job {job_id}")
        return FileResponse(path, filename=name)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page() -> HTMLResponse:
        html = (STATIC / "index.html").read_text(encoding="utf-8")
        # The token app.js sends with every state-changing request (guard.py): only a
        # page of this origin can read it.
        meta = f'<meta name="processor-token" content="{token}">'
        return HTMLResponse(html.replace("</head>", f"{meta}\n</head>", 1))

    @app.get("/app.js", include_in_schema=False)
    def script() -> FileResponse:
        return FileResponse(STATIC / "app.js", media_type="text/javascript")

    # Multipart overhead (part headers) on top of the files; a JSON text may be escaped.
    upload_body = config.limits.max_total_bytes + config.limits.max_files * 2**14 + 2**20
    guard = Guard(
        token=token,
        max_body_bytes=max(upload_body, 3 * config.limits.max_file_bytes + 2**20),
        allowed_hosts=config.allowed_hosts,
    )
    return guarded(app, guard)
