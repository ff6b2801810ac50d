"""Fuzz ``processor models install`` with structure-aware mutations of a genuine .argosmodel.

A real Argos package (CTranslate2 model, SentencePiece tokenizer, metadata.json)
is built once with ``tests/tiny_models.py``.  Hypothesis then mutates it the way
hostile or damaged archives differ from it: entry names (traversal, absolute,
drive letters, control characters, hidden or several top folders, duplicates),
entries dropped, duplicated or added, entry data replaced or truncated,
metadata.json replaced by arbitrary JSON or nested deeply, zip flags (encrypted),
Unix modes (symlinks), compression methods, and finally the archive bytes
themselves (truncation, flipped bytes).

The property, for every archive: the install either succeeds or raises one
:class:`~processor.errors.ModelError` whose message is one line; on failure the
store (which already holds another package) is exactly as before, with no staging
folder left; and nothing is ever written outside the store.

Run briefly by ``tests/test_models_fuzz.py``; for longer::

    python -m fuzz.models --minutes 5

prints executions per second and the count, and saves any failing archive to
``tests/data/hostile/models/fuzz-<hash>.argosmodel`` (a regression test picks it up).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
import time
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from processor.errors import ModelError
from processor.translation.models.store import ModelStore
from tests.support import tiny_models
from tests.support.translation import nested_json, set_flag_bits, store_snapshot, tree

TOP = "translate-ru_en-1_9"
HOSTILE = Path(__file__).resolve().parent.parent / "tests" / "data" / "hostile" / "models"
_LINES = [
    *tiny_models.KAZAKH,
    "Касым-Жомарт Токаев провел телефонный разговор с президентом США.",
    "Стороны обсудили вопросы двустороннего сотрудничества и региональной безопасности.",
    "The parties discussed bilateral cooperation and regional security.",
]


@dataclass(frozen=True)
class Entry:
    """One zip entry as the mutator sees it."""

    name: str
    data: bytes
    method: int = zipfile.ZIP_DEFLATED
    mode: int = 0o100644  # Unix mode (external attributes >> 16)
    flags: int = 0  # general-purpose flag bits set after writing (bit 0: encrypted)


# --- the genuine package -----------------------------------------------------------------------


def build_package(workdir: Path) -> tuple[list[Entry], Path]:
    """The genuine package's entries, and an installed store template holding en->kk."""
    sp = tiny_models.train_sentencepiece(
        workdir / "sp" / "sp.model", vocab_size=150, lines=_LINES * 3
    )
    small = {"d_model": 16, "ffn": 32, "heads": 2, "num_layers": 1}
    ru_en = tiny_models.build_argos_package_dir(workdir / "src" / TOP, sp, seed=1, **small)
    entries = [
        Entry(f"{TOP}/{p.relative_to(ru_en).as_posix()}", p.read_bytes())
        for p in sorted(ru_en.rglob("*"))
        if p.is_file()
    ]
    en_kk = tiny_models.build_argos_package_dir(
        workdir / "src" / "translate-en_kk-1_0", sp, from_code="en", to_code="kk", seed=2, **small
    )
    template = workdir / "template"
    ModelStore(template / "processor", template / "argos").install(str(en_kk))
    return entries, template


def write_archive(entries: list[Entry], dest: Path) -> bytes:
    """Write ``entries`` as a zip and return its bytes (flags patched in afterwards)."""
    with warnings.catch_warnings(), zipfile.ZipFile(dest, "w") as zf:
        warnings.simplefilter("ignore")  # duplicate names are one of the mutations
        for entry in entries:
            info = zipfile.ZipInfo(entry.name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = entry.method
            info.external_attr = (entry.mode & 0xFFFF) << 16
            # Level 1: the fuzzer spends its time in the installer, not in zlib.
            zf.writestr(info, entry.data, compresslevel=1)
    data = dest.read_bytes()
    if any(e.flags for e in entries):
        data = set_flag_bits(data, next(e.flags for e in entries if e.flags))
        dest.write_bytes(data)
    return data


# --- mutations -----------------------------------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_META_KEYS = st.sampled_from(
    [
        "from_code",
        "to_code",
        "from_codes",
        "to_codes",
        "type",
        "code",
        "package_version",
        "target_prefix",
        "license",
    ]
)
_hostile_names = st.sampled_from(
    [
        "../evil.txt",
        f"{TOP}/../../evil.txt",
        "/tmp/evil.txt",
        "C:\\evil.txt",
        f"{TOP}\\..\\x",
        f"{TOP}/./metadata.json",
        f".{TOP}/metadata.json",
        "other/metadata.json",
        "",
        f"{TOP}/" + "n" * 300,
        f"{TOP}/a\x00b",
        f"{TOP}/a\nb",
        f"{TOP}/модель.bin",
        f"{TOP}/model",
        f"{TOP}/model/model.bin/x",
        TOP,
        f"{TOP}/",
        f"{TOP}//x",
        "..",
        ".",
    ]
)
_methods = st.sampled_from(
    [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]
)
_modes = st.sampled_from(
    [0o100644, 0o100755, stat.S_IFLNK | 0o777, stat.S_IFDIR | 0o755, 0o104755, 0]
)


@st.composite
def metadata(draw: st.DrawFn, original: bytes) -> bytes:
    kind = draw(st.integers(0, 4))
    if kind == 0:  # arbitrary JSON
        return json.dumps(draw(_json_values)).encode()
    if kind == 1:  # deep nesting
        return nested_json(
            draw(st.sampled_from([50, 999, 1001, 3000, 100_000]) | st.integers(1, 5000))
        )
    if kind == 2:  # raw bytes, maybe not UTF-8
        return draw(st.binary(max_size=64))
    meta = json.loads(original)
    key = draw(_META_KEYS)
    if kind == 3:
        meta.pop(key, None)
    else:
        meta[key] = draw(_json_values)
    return json.dumps(meta).encode()


@st.composite
def mutated(draw: st.DrawFn, seed: list[Entry]) -> list[Entry]:
    entries = list(seed)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.integers(0, 11))
        i = draw(st.integers(0, max(len(entries) - 1, 0)))
        if not entries:
            entries.append(Entry(draw(_hostile_names), draw(st.binary(max_size=32))))
        elif op == 0:
            entries[i] = replace(entries[i], name=draw(_hostile_names | st.text(max_size=30)))
        elif op == 1:
            del entries[i]
        elif op == 2:
            entries.insert(draw(st.integers(0, len(entries))), entries[i])
        elif op == 3:
            name = draw(_hostile_names | st.just(f"{TOP}/extra.txt"))
            entries.append(Entry(name, draw(st.binary(max_size=64))))
        elif op == 4:
            data = entries[i].data
            cut = draw(st.integers(0, len(data)))
            entries[i] = replace(entries[i], data=data[:cut])
        elif op == 5:
            entries[i] = replace(entries[i], data=draw(st.binary(max_size=256)))
        elif op in (6, 10, 11):  # metadata.json is where the reading logic is
            j = next((k for k, e in enumerate(entries) if e.name.endswith("metadata.json")), i)
            entries[j] = replace(entries[j], data=draw(metadata(seed_metadata(seed))))
        elif op == 7:
            entries[i] = replace(entries[i], flags=draw(st.sampled_from([0x1, 0x8, 0x40, 0x1])))
        elif op == 8:
            entries[i] = replace(entries[i], mode=draw(_modes))
        else:
            entries[i] = replace(entries[i], method=draw(_methods))
    return entries


def seed_metadata(seed: list[Entry]) -> bytes:
    return next(e.data for e in seed if e.name.endswith("metadata.json"))


@st.composite
def damaged_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """Byte-level damage to a written archive: truncation and flipped bytes."""
    raw = bytearray(data)
    if draw(st.booleans()):
        del raw[draw(st.integers(0, len(raw))) :]
    for _ in range(draw(st.integers(0, 3))):
        if raw:
            raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
    return bytes(raw)


# --- the property -------------------------------------------------------------------------------


class Harness:
    """Runs one install per example against a store that already holds a package.

    A failed install must leave the store as it was (that is the property), so the
    store is rebuilt from its template only after a successful install.
    """

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.seed, self.template = build_package(workdir / "build")
        self.sandbox = workdir / "sandbox"
        self.root = self.sandbox / "d1" / "d2" / "d3" / "d4"  # ../ escapes land in the sandbox
        self.store = self._fresh_store()
        self.executions = 0
        self.outcomes = {"installed": 0, "refused": 0}
        self.last: bytes = b""

    def _fresh_store(self) -> ModelStore:
        shutil.rmtree(self.root / "store", ignore_errors=True)
        shutil.copytree(self.template, self.root / "store")
        return ModelStore(self.root / "store" / "processor", self.root / "store" / "argos")

    def _outside(self) -> list[str]:
        return [p for p in tree(self.sandbox) if "store" not in Path(p).parts]

    def check(self, entries: list[Entry], damage: bytes | None) -> None:
        path = self.root / "input.argosmodel"
        try:
            data = write_archive(entries, path)
        except (ValueError, OSError, zipfile.LargeZipFile):
            return  # zipfile itself refuses to write it: not an input anyone can have
        if damage is not None:
            data = damage
            path.write_bytes(data)
        self.last = data
        self.executions += 1
        store = self.store
        before = store_snapshot(store)
        outside = self._outside()
        try:
            model = store.install(str(path))
        except ModelError as exc:
            self.outcomes["refused"] += 1
            assert "\n" not in str(exc), repr(str(exc))
            assert store_snapshot(store) == before, "installed set changed on failure"
        else:
            self.outcomes["installed"] += 1
            assert model.path.parent == store.argos_dir and model.path.is_dir()
            assert not [p for p in store.argos_dir.iterdir() if p.name.startswith(".")]
            self.store = self._fresh_store()
        after = self._outside()
        if after != outside:
            for extra in set(after) - set(outside):
                shutil.rmtree(self.sandbox / extra, ignore_errors=True)
            raise AssertionError(f"written outside the store: {sorted(set(after) - set(outside))}")


def make_test(harness: Harness, max_examples: int, *, derandomize: bool) -> Callable[[], None]:
    """A hypothesis test over ``harness``: calling it runs ``max_examples`` examples.

    ``derandomize`` makes the examples the same on every run (the test suite); the
    long run wants new ones each time.
    """

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        derandomize=derandomize,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def fuzz_install(data: st.DataObject) -> None:
        entries = data.draw(mutated(harness.seed), label="entries")
        damage = None
        if data.draw(st.integers(0, 4), label="damage?") == 0:
            with tempfile.TemporaryDirectory(dir=harness.workdir) as tmp:
                try:
                    clean = write_archive(entries, Path(tmp) / "a.zip")
                except (ValueError, OSError, zipfile.LargeZipFile):
                    return
            damage = data.draw(damaged_bytes(clean), label="damage")
        harness.check(entries, damage)

    return fuzz_install


def scratch() -> tempfile.TemporaryDirectory[str]:
    """A temporary folder, in RAM (``/dev/shm``) when there is one: faster, spares the disk."""
    shm = Path("/dev/shm")
    base = str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None
    return tempfile.TemporaryDirectory(prefix="fuzz-models-", dir=base)


def save_crash(data: bytes) -> Path:
    HOSTILE.mkdir(parents=True, exist_ok=True)
    path = HOSTILE / f"fuzz-{hashlib.sha256(data).hexdigest()[:12]}.argosmodel"
    path.write_bytes(data)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to fuzz")
    parser.add_argument("--chunk", type=int, default=300, help="examples per hypothesis run")
    args = parser.parse_args(argv)
    crashes = 0
    with scratch() as tmp:
        harness = Harness(Path(tmp))
        start = time.perf_counter()
        deadline = start + args.minutes * 60
        while time.perf_counter() < deadline:
            try:
                make_test(harness, args.chunk, derandomize=False)()
            except Exception as exc:  # a crash: keep the minimal archive, go on fuzzing
                crashes += 1
                saved = save_crash(harness.last)
                print(f"CRASH {type(exc).__name__}: {str(exc)[:200]} -> {saved}", flush=True)
            elapsed = time.perf_counter() - start
            print(
                f"{harness.executions} executions in {elapsed:.0f} s "
                f"({harness.executions / elapsed:.1f} exec/s); {harness.outcomes}; "
                f"crashes: {crashes}",
                flush=True,
            )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
