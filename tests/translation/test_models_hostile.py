"""Hostile model archives and faults during installs: one line, nothing lost, nothing left.

Archives that broke the installer before (deeply nested metadata.json gave a
RecursionError traceback, the zip "encrypted" flag a RuntimeError) and the
regressions the model fuzzer found live in ``tests/data/hostile/models/``.
Signals and full disks are tested on real subprocesses.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from processor.cli import main
from processor.errors import ModelError
from processor.translation.models import archive
from processor.translation.models.store import ModelStore
from tests.support import data
from tests.support.batch import interruptible
from tests.support.translation import (
    nested_json,
    replace_entry,
    set_flag_bits,
    store_snapshot,
    tree,
)

ROOT = data.REPO
HOSTILE = data.HOSTILE / "models"


def one_line_failure(store: ModelStore, source: Path, *must_contain: str) -> str:
    before = store_snapshot(store)
    with pytest.raises(ModelError) as err:
        store.install(str(source))
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(source)), message
    for text in must_contain:
        assert text in message, message
    assert store_snapshot(store) == before
    return message


def test_deeply_nested_metadata_is_one_line(model_store, tiny_ru_en, tiny_ru_en_archive, tmp_path):
    for depth in (3_000, 100_000):
        bad = replace_entry(
            tiny_ru_en_archive,
            tmp_path / f"nested-{depth}.argosmodel",
            "metadata.json",
            nested_json(depth),
        )
        one_line_failure(model_store, bad, "metadata.json is nested too deeply")
    result = CliRunner().invoke(main, ["models", "install", str(bad)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.stderr.splitlines()) == 1


def test_huge_and_odd_metadata_is_one_line(model_store, tiny_ru_en_archive, tmp_path):
    huge = b'{"code": "' + os.urandom(1 << 20).hex().encode() + b'"}'
    bad = replace_entry(tiny_ru_en_archive, tmp_path / "huge.argosmodel", "metadata.json", huge)
    one_line_failure(model_store, bad, "metadata.json is too large")
    for name, body, reason in (
        ("list", b"[1, 2]", "not a JSON object"),
        ("codes", b'{"from_codes": 5, "to_code": "en"}', "no from_code/to_code"),
        ("string-codes", b'{"from_codes": "ru", "to_codes": "en"}', "no from_code/to_code"),
        ("type", b'{"type": ["x"], "from_code": "ru", "to_code": "en"}', "not a translation"),
        ("binary", b"\xff\xfe\x00garbage", "unreadable metadata.json"),
    ):
        bad = replace_entry(
            tiny_ru_en_archive, tmp_path / f"{name}.argosmodel", "metadata.json", body
        )
        one_line_failure(model_store, bad, reason)


def test_encrypted_entries_are_refused_before_extraction(model_store, tiny_ru_en_archive, tmp_path):
    bad = tmp_path / "encrypted.argosmodel"
    bad.write_bytes(set_flag_bits(tiny_ru_en_archive.read_bytes(), 0x1))
    # What used to happen: a RuntimeError traceback.
    with zipfile.ZipFile(bad) as zf, pytest.raises(RuntimeError):
        zf.read(zf.infolist()[0])
    one_line_failure(model_store, bad, "encrypted entry")


def test_decompression_limits(model_store, tiny_ru_en_archive, tmp_path, monkeypatch):
    # A ratio bomb: 64 MiB of zeros deflate to ~64 KB (1000:1).
    bomb = tmp_path / "bomb.argosmodel"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("translate-ru_en-1_9/metadata.json", b"{}")
        zf.writestr("translate-ru_en-1_9/model/model.bin", bytes(64 << 20))
    one_line_failure(model_store, bomb, "expands", "zip bomb")
    # The total size limit (lowered here; 4 GiB by default).
    monkeypatch.setenv(archive.MAX_BYTES_ENV, "100000")
    one_line_failure(model_store, tiny_ru_en_archive, "unpacks to more than 100000 bytes")
    monkeypatch.delenv(archive.MAX_BYTES_ENV)
    assert model_store.install(str(tiny_ru_en_archive)).name == "translate-ru_en"


def test_lying_size_header_cannot_write_more(model_store, tiny_ru_en_archive, tmp_path):
    """An entry whose headers claim fewer bytes than it holds is cut and fails its CRC."""
    data = bytearray(tiny_ru_en_archive.read_bytes())
    with zipfile.ZipFile(tiny_ru_en_archive) as zf:
        infos = {i.filename: i for i in zf.infolist()}
    info = infos["translate-ru_en-1_9/model/model.bin"]
    small = (1000).to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = small  # local header
    patched = 0
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_len = int.from_bytes(data[start + 28 : start + 30], "little")
        if data[start + 46 : start + 46 + name_len] == info.filename.encode():
            data[start + 24 : start + 28] = small  # central directory
            patched += 1
        start += 4
    assert patched == 1
    bad = tmp_path / "lying.argosmodel"
    bad.write_bytes(bytes(data))
    one_line_failure(model_store, bad, "corrupt archive")


def test_stale_staging_of_a_dead_process_is_removed(model_store, tiny_ru_en_archive):
    argos = model_store.argos_dir
    dead = argos / ".processor-staging-999999999-abc"
    alive = argos / f".processor-staging-{os.getppid()}-xyz"  # a live process: left alone
    for folder in (dead, alive):
        (folder / "partial").mkdir(parents=True)
    model_store.install(str(tiny_ru_en_archive))
    assert not dead.exists() and alive.exists()
    assert [m.name for m in model_store.installed()] == ["translate-ru_en"]


def test_index_package_of_the_same_version_is_not_downloaded_again(model_store, index_server):
    index = index_server + "index.json"
    model_store.install("translate-ru_en", index=index)
    lines: list[str] = []
    model_store.install("translate-ru_en", index=index, progress=lines.append)
    assert lines == ["translate-ru_en 1.9 is already installed; --force downloads it again"]
    (model_store.argos_dir / "translate-ru_en-1_9" / "README.md").unlink()
    model_store.install("translate-ru_en", index=index, force=True)
    assert (model_store.argos_dir / "translate-ru_en-1_9" / "README.md").is_file()


# --- faults on real subprocesses -------------------------------------------------------------

# Runs `processor models install ARCHIVE` with the hook given in HOOK applied first.
_RUNNER = """
import os, signal, sys, time
from processor.translation.models import install
hook = os.environ["HOOK"]
if hook == "pause-after-extract":
    real = install._check_argos
    def paused(*args):
        print("staged", flush=True)
        time.sleep(60)
        return real(*args)
    install._check_argos = paused
elif hook == "sigterm-between-renames":
    real_rename = os.rename
    calls = []
    def rename(src, dst):
        real_rename(src, dst)
        calls.append(dst)
        if len(calls) == 1:
            os.kill(os.getpid(), signal.SIGTERM)
    os.rename = rename
from processor.cli import main
from tests.support import data
from tests.support.batch import interruptible
sys.argv = ["processor", "models", "install", sys.argv[1]]
main()
"""


def _spawn(archive_path: Path, hook: str, fsize: int | None = None) -> subprocess.Popen[str]:
    env = dict(os.environ, HOOK=hook, PYTHONPATH=str(ROOT))

    def limits() -> None:
        interruptible()  # SIGINT reaches it even when this test runs with SIGINT ignored
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.Popen(
        [sys.executable, "-c", _RUNNER, str(archive_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=limits,
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_signal_during_install_leaves_the_store_unchanged(
    model_store, tiny_ru_en, tiny_en_kk_archive, signum
):
    before = store_snapshot(model_store)
    proc = _spawn(tiny_en_kk_archive, "pause-after-extract")
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "staged"
    # The package is fully extracted into staging at this point.
    staged = [p.name for p in model_store.argos_dir.iterdir() if p.name.startswith(".")]
    assert len(staged) == 1
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.strip().splitlines() == ["interrupted: no partial install was left behind"]
    assert store_snapshot(model_store) == before


def test_signal_between_the_renames_never_loses_the_model(model_store, tiny_ru_en_archive):
    model_store.install(str(tiny_ru_en_archive))
    proc = _spawn(tiny_ru_en_archive, "sigterm-between-renames")
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    # The signal waited for the replacement to be in place: the model is still installed.
    names, entries = store_snapshot(model_store)
    assert names == ["translate-ru_en"]
    assert not [e for e in entries if "/." in e or e.startswith(".")]
    assert (model_store.argos_dir / "translate-ru_en-1_9" / "model" / "model.bin").is_file()


def test_full_disk_during_install_leaves_the_store_unchanged(
    model_store, tiny_ru_en, tiny_en_kk_archive, tiny_nllb_dir
):
    before = store_snapshot(model_store)
    # ulimit -f: any file beyond 64 KB fails with EFBIG, as a full disk fails with ENOSPC.
    for source, reason in (
        (tiny_en_kk_archive, "cannot extract: File too large"),
        (tiny_nllb_dir, "cannot copy: "),
    ):
        proc = _spawn(source, "none", fsize=64 << 10)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 1
        (line,) = err.strip().splitlines()
        assert line.startswith(f"error: {source}: {reason}"), line
        assert store_snapshot(model_store) == before


def test_no_space_left_while_extracting(model_store, tiny_ru_en, tiny_en_kk_archive, monkeypatch):
    class FullDisk:
        def __init__(self, path: Path, mode: str):
            self._fh = open(path, mode)  # noqa: SIM115 - closed in __exit__
            self._room = 50_000

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self._fh.close()

        def write(self, data: bytes) -> int:
            self._room -= len(data)
            if self._room < 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self._fh.write(data)

    monkeypatch.setattr(archive, "open", FullDisk, raising=False)
    before = store_snapshot(model_store)
    message = one_line_failure(model_store, tiny_en_kk_archive, "No space left on device")
    assert "cannot extract" in message
    assert store_snapshot(model_store) == before


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.argosmodel")), ids=lambda p: p.name)
def test_hostile_archives_from_files(model_store, tiny_ru_en, path, tmp_path):
    """Every archive in tests/data/hostile/models/ fails in one line, changing nothing."""
    outside = tree(tmp_path)
    one_line_failure(model_store, path)
    assert tree(tmp_path) == outside  # the store is under tmp_path: nothing written anywhere
