"""Benchmark: the service's time to a second memo, with warm workers and without.

A service job briefs its articles through ``brief_batch`` with one worker and the time
budget (processor/service/app.py).  Here, in one process, job after job on the seed
(``--lang ru``: no translation, so the target is 0.5 s flat): with ``Limits(warm=True)``,
as the service runs, the worker keeps the glossary, its matcher and natasha loaded
between jobs; without it (as before issue 20) each job's worker loads them again.
Alternated, ``--repeat`` times; min and median of each job after the first.

Then the same through HTTP, as a user meets it: ``processor serve`` on loopback, the seed
uploaded job after job, and the time from the upload to the memo's readiness as the client
learns it, by the page's long poll (``?after=&wait=``) and by a poll every 700 ms (the page
before); with its phases (upload, server: queue to finished).

Run: ``python -m bench.bench_service_jobs [--repeat 5]``
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import SEED, table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from processor.batch import Limits
    from processor.batch.run import BatchSettings, brief_batch
    from processor.batch.workers import stop_warm_workers
    from processor.pipeline import BriefOptions

    options = BriefOptions(languages=("ru",), formats=("docx",))
    times: dict[bool, list[float]] = {False: [], True: []}
    with tempfile.TemporaryDirectory() as folder:

        def job(warm: bool, n: int) -> float:
            settings = BatchSettings(limits=Limits(jobs=1, warm=warm), force=True)
            start = time.perf_counter()
            [result] = brief_batch([SEED], Path(folder) / f"{warm}-{n}", options, settings)
            assert result.ok, result.error
            return time.perf_counter() - start

        job(True, -1)  # the first memo of the service: imports and the first worker's loads
        for n in range(max(1, args.repeat)):
            for warm in (False, True):
                times[warm].append(job(warm, n))
        stop_warm_workers()
    rows = [
        (
            "warm worker (the service now)" if warm else "fresh worker per job (before)",
            f"{min(t):.2f}",
            f"{statistics.median(t):.2f}",
        )
        for warm, t in times.items()
    ]
    print(f"seed, --lang ru, {args.repeat} repeats; load {os.getloadavg()[0]:.1f}")
    print(table(rows, ("time to a second memo", "min s", "median s")))
    ratio = statistics.median(times[False]) / statistics.median(times[True])
    print(f"fresh / warm: {ratio:.2f}x (target: warm <= 0.5 s plus the translation time)")
    over_http(args.repeat)


def over_http(repeat: int) -> None:
    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        for key in ("PROCESSOR_DATA_DIR", "ARGOS_PACKAGES_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME"):
            env[key] = str(Path(folder) / "home" / key.lower())
        command = [sys.executable, "-m", "processor", "serve", "--port", str(port),
                   "--data", str(Path(folder) / "data")]  # fmt: skip
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            phases: dict[str, list[float]] = {}
            for n in range(1 + 2 * max(1, repeat)):
                long_poll = n % 2 == 0
                start = time.perf_counter()
                job = httpx.post(
                    f"{url}/api/briefs",
                    files=[("files", (SEED.name, SEED.read_bytes()))],
                    data={"languages": "ru", "formats": "docx"},
                    timeout=60,
                ).json()
                uploaded = time.perf_counter() - start
                while job["status"] in ("queued", "running"):
                    if long_poll:
                        query = f"?after={job['version']}&wait=5"
                    else:
                        time.sleep(0.7)
                        query = ""
                    job = httpx.get(f"{url}/api/jobs/{job['id']}{query}", timeout=10).json()
                seen = time.perf_counter() - start
                assert job["status"] == "done", job
                if n == 0:
                    continue  # the first memo: imports and the worker's loads
                how = "long poll (the page now)" if long_poll else "poll every 0.7 s (before)"
                phases.setdefault("upload (POST answered)", []).append(uploaded)
                phases.setdefault("server: queued to finished", []).append(
                    job["finished"] - job["created"]
                )
                phases.setdefault(f"client sees the memo, {how}", []).append(seen)
        finally:
            server.terminate()
            server.wait(timeout=30)
    rows = [(k, f"{min(v):.2f}", f"{statistics.median(v):.2f}") for k, v in phases.items()]
    print(f"\nover HTTP (processor serve), seed, --lang ru; load {os.getloadavg()[0]:.1f}")
    print(table(rows, ("second memo and later", "min s", "median s")))


if __name__ == "__main__":
    main()
