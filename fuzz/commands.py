"""Fuzz every command and the service with hostile inputs: ``python -m fuzz.commands``.

Each round picks a command (``summarize``, ``brief``, ``translate``, ``glossary find``,
``glossary check``, or a request to a running ``processor serve``) and a hostile input
(the issue 21 cases of :mod:`fuzz.cases` at large sizes, or the seed article mutated:
cut, control characters, foreign encodings, random bytes, a FIFO).  A round fails when a
command shows a traceback, exits with a code outside 0-3, or outlives its budget (a
hang); a service request fails on a 5xx, a traceback in the service's stderr, or a
server path in a response.  Counts are printed at the end.

    python -m fuzz.commands --minutes 10 [--seed 1]
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from fuzz import cases

BUDGET = 240  # seconds per command: brief's 120 s budget per input and start-up
OK_CODES = {0, 1, 2, 3}


def _mutated(rng: random.Random) -> tuple[str, bytes]:
    text = cases.seed_text()
    kind = rng.choice(["cut", "controls", "encoding", "bytes", "splice", "lines"])
    if kind == "cut":
        return "txt", cases.cut_utf8(rng.randrange(10, 9000))
    if kind == "controls":
        chars = [chr(rng.randrange(0, 32)), "\ufffe", "\uffff", "\x7f", "\u2028"]
        out = list(text)
        for _ in range(rng.randrange(1, 200)):
            out.insert(rng.randrange(len(out)), rng.choice(chars))
        return rng.choice(["txt", "md", "html"]), "".join(out).encode("utf-8", "surrogatepass")
    if kind == "encoding":
        enc = rng.choice(["cp1251", "koi8-r", "cp866", "utf-16-le", "utf-16-be", "utf-16"])
        return "txt", text.encode(enc, "replace")
    if kind == "bytes":
        return rng.choice(["txt", "docx", "pdf", "html"]), rng.randbytes(rng.randrange(1, 20000))
    if kind == "splice":
        data = bytearray(text.encode())
        for _ in range(rng.randrange(1, 50)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return rng.choice(["txt", "md"]), bytes(data)
    return "md", ("| a | b |\n|---|---|\n" + "| 1 | 2 |\n" * rng.randrange(10, 50000)).encode()


CASES: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    "controls": lambda rng: ("txt", cases.controls_in_text()),
    "html-meta": lambda rng: ("html", cases.controls_in_html_meta()),
    "punctuation": lambda rng: ("txt", cases.punctuation(rng.choice([1000, 160_000, 2_000_000]))),
    "cut": lambda rng: ("txt", cases.cut_utf8(rng.randrange(100, 9000))),
    "utf16": lambda rng: ("txt", cases.utf16_without_bom(rng.random() < 0.5)),
    "lying-meta": lambda rng: ("html", cases.html_declared("koi8-r", "utf-8")),
    "long": lambda rng: ("txt", cases.paragraphs(rng.choice([1000, 5000, 20000]))),
    "one-paragraph": lambda rng: (
        "html",
        b"<p>" + b"\xd1\x81\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xbe " * 300_000 + b"</p>",
    ),
    "mutated": _mutated,
}


def _input(rng: random.Random, folder: Path, round_: int) -> tuple[str, Path]:
    if rng.random() < 0.05:
        fifo = folder / f"fifo-{round_}.txt"
        os.mkfifo(fifo)
        return "fifo", fifo
    name = rng.choice(list(CASES))
    suffix, data = CASES[name](rng)
    path = folder / f"in-{round_}.{suffix}"
    path.write_bytes(data)
    return name, path


def _glossary(rng: random.Random, folder: Path, round_: int) -> Path:
    path = folder / f"glossary-{round_}.yaml"
    choice = rng.choice(["control", "bomb", "plain"])
    if choice == "control":
        path.write_bytes(cases.glossary_with_control())
    elif choice == "bomb":
        path.write_bytes(cases.glossary_alias_repeat(10_000, rng.choice([3_000, 30_000])))
    else:
        path.write_bytes(cases.glossary("  - {id: x, type: term, ru: слово, en: word, kk: сөз}\n"))
    return path


def command(
    rng: random.Random, path: Path, folder: Path, round_: int, which: int | None = None
) -> list[str]:
    """The arguments of one CLI round: command number ``which`` (of :data:`N_COMMANDS`), or
    one drawn at random."""
    out = str(folder / f"out-{round_}")
    shapes: list[Callable[[], list[str]]] = [
        lambda: ["summarize", str(path)],
        lambda: [
            "summarize",
            str(path),
            "--json",
            "-a",
            rng.choice(["lexrank", "lsa", "textrank"]),
        ],
        lambda: ["brief", str(path), "--lang", "ru", "-o", out, "--format", "docx,md,json"],
        lambda: ["brief", str(path), "--lang", "ru", "-o", out, "--manifest", str(path)],
        lambda: ["brief", str(path), "-o", out, "-g", str(_glossary(rng, folder, round_))],
        lambda: ["translate", str(path), "--to", "en", "-o", out],
        lambda: ["translate", str(path), "--to", "en", "-o", out, "--format", "docx"],
        lambda: ["glossary", "find", str(path)],
        lambda: ["glossary", "check", str(_glossary(rng, folder, round_))],
        lambda: ["glossary", "find", str(path), "-g", str(_glossary(rng, folder, round_))],
    ]
    assert len(shapes) == N_COMMANDS
    return shapes[rng.randrange(N_COMMANDS) if which is None else which]()


N_COMMANDS = 10


def tiny_model_env(folder: Path) -> dict[str, str]:
    """An environment whose model store holds a tiny random-weight ru->en model (built by
    tests/support/tiny_models.py and installed by ``processor models install``), so
    ``translate`` and English memos run the real engine instead of stopping at "no model"."""
    from tests.support import tiny_models

    build = folder / "tiny"
    sp = tiny_models.train_sentencepiece(build / "sp" / "sentencepiece.model")
    package = tiny_models.build_argos_package_dir(build / "translate-ru_en-1_9", sp, seed=1)
    archive = tiny_models.zip_dir(package, build / "translate-ru_en-1_9.argosmodel")
    store = folder / "store"
    env = dict(
        os.environ,
        PROCESSOR_DATA_DIR=str(store / "processor"),
        ARGOS_PACKAGES_DIR=str(store / "argos-packages"),
        XDG_DATA_HOME=str(store / "xdg-data"),
        XDG_CONFIG_HOME=str(store / "xdg-config"),
        XDG_CACHE_HOME=str(store / "xdg-cache"),
    )
    subprocess.run(
        [sys.executable, "-m", "processor", "models", "install", str(archive)],
        env=env, check=True, capture_output=True, stdin=subprocess.DEVNULL, timeout=600,
    )  # fmt: skip
    return env


def run_cli(args: list[str], cwd: Path, base_env: dict[str, str] | None = None) -> tuple[str, str]:
    """(outcome, detail): outcome is "ok", "crash" or "hang"."""
    epoch = str(random.choice([1700000000, 99999999999999]))
    env = dict(base_env or os.environ, SOURCE_DATE_EPOCH=epoch)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "processor", *args], cwd=cwd, capture_output=True, text=True,
            timeout=BUDGET, stdin=subprocess.DEVNULL, env=env,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "hang", " ".join(args)
    if "Traceback" in result.stderr or result.returncode not in OK_CODES:
        return "crash", f"{' '.join(args)}: exit {result.returncode}: {result.stderr[-500:]}"
    return "ok", str(result.returncode)


def _service(folder: Path) -> tuple[subprocess.Popen[bytes], str, Path]:
    import socket

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = folder / "service.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "processor", "serve", "--port", str(port), "--data",
         str(folder / "service"), "--max-upload-mb", "4", "--max-files", "5"],
        stdout=subprocess.DEVNULL, stderr=open(log, "wb"),  # noqa: SIM115
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(f"{url}/health", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.2)
    return proc, url, log


def _request(rng: random.Random, url: str, path: Path) -> tuple[str, str]:
    import httpx

    data = path.read_bytes() if path.is_file() else b"x"
    kind = rng.choice(["brief", "find", "evil-host", "foreign-origin", "key", "many"])
    try:
        if kind == "brief":
            r = httpx.post(f"{url}/api/briefs", files={"files": (path.name, data)},
                           data={"languages": "ru"}, timeout=120)  # fmt: skip
        elif kind == "find":
            text = data.decode("utf-8", "replace")
            r = httpx.post(f"{url}/api/glossary/find", json={"text": text}, timeout=120)
        elif kind == "evil-host":
            r = httpx.get(f"{url}/api/models", headers={"Host": "evil.example"}, timeout=30)
        elif kind == "foreign-origin":
            r = httpx.post(f"{url}/api/briefs", files={"files": (path.name, data)},
                           headers={"Origin": "http://127.0.0.1:1"}, timeout=60)  # fmt: skip
        elif kind == "key":
            r = httpx.get(f"{url}/api/models", headers={b"X-API-Key": "ключ".encode()}, timeout=30)
        else:
            files = [("files", (f"{i}-{path.name}", data)) for i in range(rng.randrange(1, 9))]
            r = httpx.post(f"{url}/api/briefs", files=files, timeout=120)
    except httpx.TimeoutException:
        return "hang", kind
    except httpx.TransportError as exc:
        return "crash", f"{kind}: {exc}"
    if r.status_code >= 500 or "/tmp/" in r.text or "/home/" in r.text:
        return "crash", f"{kind}: {r.status_code} {r.text[:300]}"
    return "ok", str(r.status_code)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--no-model", action="store_true", help="No tiny model: translate stops at 'no model'."
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts: collections.Counter[str] = collections.Counter()
    failures: list[str] = []
    deadline = time.monotonic() + args.minutes * 60
    with tempfile.TemporaryDirectory(prefix="fuzz-commands-") as tmp:
        folder = Path(tmp)
        env = None if args.no_model else tiny_model_env(folder)
        proc, url, log = _service(folder)
        try:
            round_ = 0
            while time.monotonic() < deadline:
                round_ += 1
                case, path = _input(rng, folder, round_)
                if case != "fifo" and rng.random() < 0.35:
                    outcome, detail = _request(rng, url, path)
                    where = "service"
                else:
                    args_ = command(rng, path, folder, round_)
                    outcome, detail = run_cli(args_, folder, env)
                    where = args_[0] if args_[0] != "glossary" else f"glossary {args_[1]}"
                counts[f"{where}: {outcome}"] += 1
                counts[outcome] += 1
                if outcome != "ok":
                    failures.append(f"[{case}] {detail}")
                print(f"{round_}\t{where}\t{case}\t{outcome}\t{detail[:80]}", flush=True)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        service_log = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        if "Traceback" in service_log:
            counts["service traceback"] += 1
            failures.append(service_log[-2000:])
    print("\ncounts:", dict(sorted(counts.items())))
    for failure in failures:
        print("FAIL", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
