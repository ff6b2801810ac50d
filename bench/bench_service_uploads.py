"""Benchmark: the service's memory under a flood of uploads (issue 21, item 4).

Run from the repository root: ``python -m bench.bench_service_uploads [--files 150 --mb 19]``

Starts ``processor serve`` (default limits: 50 files, 20 MB each, 200 MB a request) and
sends one request of ``--files`` files of ``--mb`` MB each (150 x 19 MB, 2.9 GB: it once
took the server from 143 MB to 2,981 MB), streamed by the client so that only the
server's memory grows.  Reports the server's resident memory when idle (the baseline),
its peak (``VmHWM``) and what it keeps afterwards, and the answer it gave; then the same
for one accepted request of 5 x 19 MB.  The goal is a peak under 300 MB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from bench.harness import table

BOUNDARY = "bench-boundary-7f3a"


def _memory(pid: int) -> tuple[float, float]:
    """(resident MB now, peak resident MB) of process ``pid``."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _body(files: int, size: int) -> Iterator[bytes]:
    """A multipart body of ``files`` text files of ``size`` bytes, made as it is sent."""
    line = ("Касым-Жомарт Токаев провел переговоры. " * 30 + "\n").encode()
    for i in range(files):
        yield (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="a{i}.txt"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        sent = 0
        while sent < size:
            chunk = line * max(1, min(size - sent, 2**20) // len(line))
            chunk = chunk[: size - sent]
            sent += len(chunk)
            yield chunk
        yield b"\r\n"
    yield f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="languages"\r\n\r\nru\r\n'.encode()
    yield f"--{BOUNDARY}--\r\n".encode()


def _start(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, XDG_DATA_HOME=str(folder / "home"), XDG_CONFIG_HOME=str(folder))
    proc = subprocess.Popen(
        [sys.executable, "-m", "processor", "serve", "--port", str(port), "--data",
         str(folder / "data")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            httpx.get(f"{url}/health", timeout=1)
            return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the service did not start")


def _send(url: str, files: int, size: int) -> str:
    headers = {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    try:
        r = httpx.post(f"{url}/api/briefs", content=_body(files, size), headers=headers,
                       timeout=600)  # fmt: skip
    except httpx.TransportError as exc:  # the server may close once it has refused
        return f"closed ({type(exc).__name__})"
    return f"{r.status_code} {r.json().get('detail', r.json().get('status', ''))}"[:70]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=150)
    parser.add_argument("--mb", type=int, default=19)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-uploads-") as tmp:
        proc, url = _start(Path(tmp))
        try:
            httpx.get(f"{url}/api/models", timeout=60)  # the app's lazy imports, once
            idle, _ = _memory(proc.pid)
            for files in (args.files, 5):
                start = time.perf_counter()
                answer = _send(url, files, args.mb * 2**20)
                seconds = time.perf_counter() - start
                time.sleep(1)
                now, peak = _memory(proc.pid)
                memory = (f"{idle:.0f}", f"{peak:.0f}", f"{now:.0f}", f"{peak / idle:.2f}x")
                rows.append((f"{files} x {args.mb} MB", *memory, f"{seconds:.1f}", answer))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    header = ("request", "idle MB", "peak MB", "after MB", "peak/idle", "s", "answer")
    print(table(rows, header))


if __name__ == "__main__":
    main()
