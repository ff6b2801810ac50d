"""A local Ray instance keeps to loopback: it listens there and connects nowhere else.

Ray, left to itself, binds its services on the machine's outside address (found by routing
towards 8.8.8.8) and, even with usage statistics off, asks the cloud metadata addresses
which cloud it runs on. Users sit on air-gapped machines, so processor's local instance
must do neither. Each test starts one through :func:`processor.batch.ray.start` in a
subprocess (as ``processor brief --executor ray`` does) and runs a task on it.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="the ray extra is not installed")

# Starts the instance, runs a task, waits for the head's start-up probes, then lists the
# address every Ray process (the driver's descendants) listens on.
DRIVER = r"""
import json, os, time
from pathlib import Path
from processor.batch import ray as on_ray

on_ray.start(None, workers=2)
import ray
assert ray.get(ray.remote(lambda: 41 + 1).remote()) == 42
time.sleep(3)

def descendants(root):
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found

inodes = set()
for pid in descendants(os.getpid()) | {os.getpid()}:
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        continue
listening = []
for table in ("tcp", "tcp6"):
    for line in Path(f"/proc/net/{table}").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and fields[9] in inodes:  # 0A: LISTEN
            listening.append(fields[1].split(":")[0])
print(json.dumps(listening))
on_ray.stop()
"""


def _address(hexed: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An address as /proc/net/tcp{,6} writes it: 32-bit words in host (little-endian) order."""
    raw = bytes.fromhex(hexed)
    flipped = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
    if len(flipped) == 4:
        return ipaddress.IPv4Address(flipped)
    address = ipaddress.IPv6Address(flipped)
    return address.ipv4_mapped or address


def _env() -> dict[str, str]:
    # What processor's own start sets is under test, so none of it comes from outside.
    names = ("RAY_USAGE_STATS_ENABLED", "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "RAY_ADDRESS")
    return {k: v for k, v in os.environ.items() if k not in names}


def test_a_local_ray_instance_listens_on_loopback_only() -> None:
    run = subprocess.run(
        [sys.executable, "-c", DRIVER], capture_output=True, text=True, timeout=300, env=_env()
    )
    assert run.returncode == 0, run.stderr
    listening = [_address(h) for h in json.loads(run.stdout.strip().splitlines()[-1])]
    assert listening, "no Ray process was seen listening"
    assert all(a.is_loopback for a in listening), listening


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace to see connections")
def test_a_local_ray_instance_connects_to_nothing_outside(tmp_path: Path) -> None:
    trace = tmp_path / "connect.trace"
    run = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace),
         sys.executable, "-c", DRIVER],
        capture_output=True, text=True, timeout=300, env=_env(),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    text = trace.read_text()
    peers = re.findall(r'inet_addr\("([0-9.]+)"\)', text)
    peers += re.findall(r'inet_pton\(AF_INET6, "([0-9a-fA-F:.]+)"', text)
    assert peers, "no connection was traced"
    addresses = [ipaddress.ip_address(p) for p in peers]
    outside = {
        str(a)
        for a in addresses
        if not (a.is_loopback or (isinstance(a, ipaddress.IPv6Address) and a.ipv4_mapped
                                  and a.ipv4_mapped.is_loopback))
    }  # fmt: skip
    # Ray's defaults reach 8.8.8.8 (route lookup), 169.254.169.254 and a DNS resolver.
    assert not outside, f"Ray connected outside the machine: {sorted(outside)}"
