"""Benchmark: the HTTP service under 20 concurrent clients (glossary look-ups).

Starts ``processor serve`` on a loopback port, sends ``--requests`` POSTs to
``/api/glossary/find`` from ``--clients`` concurrent clients, and reports requests
per second and the p50/p95 latency. The baseline, measured in this process, is the
same look-up called directly (``Glossary.find``), so the ratio is what HTTP, JSON and
the server add per look-up.

Run: ``python -m bench.bench_service [--clients 20] [--requests 2000]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import SEED, table


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]


async def _load(url: str, texts: list[str], clients: int, requests: int) -> list[float]:
    import httpx

    latencies: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(texts[i % len(texts)])

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            text = queue.get_nowait()
            start = time.perf_counter()
            response = await http.post(f"{url}/api/glossary/find", json={"text": text})
            response.raise_for_status()
            latencies.append(time.perf_counter() - start)

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=60, limits=limits) as http:
        await asyncio.gather(*(client(http) for _ in range(clients)))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    args = parser.parse_args()

    import httpx

    from processor.glossary import load_glossaries

    texts = _paragraphs()
    glossary = load_glossaries(builtin=True)
    start = time.perf_counter()
    for i in range(args.requests):
        glossary.find(texts[i % len(texts)])
    direct = (time.perf_counter() - start) / args.requests

    port = _port()
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(
            [sys.executable, "-m", "processor", "serve", "--port", str(port), "--data", tmp],
            stderr=subprocess.DEVNULL,
            env=os.environ.copy(),
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(f"{url}/health", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            httpx.post(f"{url}/api/glossary/find", json={"text": texts[0]}, timeout=60)  # warm
            began = time.perf_counter()
            latencies = asyncio.run(_load(url, texts, args.clients, args.requests))
            wall = time.perf_counter() - began
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    rows = [
        ("direct Glossary.find", f"{1 / direct:.0f}", f"{direct * 1000:.2f}", "-", "1.00x"),
        (
            f"HTTP, {args.clients} clients",
            f"{len(latencies) / wall:.0f}",
            f"{statistics.median(latencies) * 1000:.2f}",
            f"{p95 * 1000:.2f}",
            f"{(wall / len(latencies)) / direct:.2f}x",
        ),
    ]
    print(f"{args.requests} look-ups of seed paragraphs ({Path(SEED).name})")
    print(table(rows, ("path", "req/s", "p50 ms", "p95 ms", "time per look-up vs direct")))


if __name__ == "__main__":
    main()
