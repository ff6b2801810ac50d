"""Atomic writes leave no temporary file, whenever Ctrl-C comes."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path

import pytest

from processor.fileio import write_text_atomic


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="POSIX signal masks")
def test_ctrl_c_just_after_the_temporary_file_is_made_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interrupted batch of tests/batch/test_batch_interrupt.py once left a '.part'
    file: Ctrl-C came between mkstemp and the code that removes the file on failure."""
    real = tempfile.mkstemp

    def interrupted(*args: object, **kwargs: object) -> tuple[int, str]:
        made = real(*args, **kwargs)  # type: ignore[call-overload]
        os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C as the file exists
        return made  # type: ignore[no-any-return]

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # even under nohup
    monkeypatch.setattr(tempfile, "mkstemp", interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            write_text_atomic(tmp_path / "memo.md", "text")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert list(tmp_path.iterdir()) == []
