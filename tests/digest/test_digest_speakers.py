"""A digest's key point is signed with its speaker as the memo signs it: not when its own
words name the speaker (the digest of tests/data/digest said "…, передает BAQ.KZ. —
пресс-служба Акорды")."""

from __future__ import annotations

from processor.digest.articles import signed
from processor.speech import Speaker


def test_a_point_that_names_its_speaker_is_not_signed_again():
    press = {"p1.s1": Speaker("пресс-служба Акорды", kind="organization")}
    named = "Об этом сообщила пресс-служба Акорды, передает BAQ.KZ."
    assert signed(press, ["p1.s0", "p1.s1"], named) is None
    assert signed(press, ["p1.s1"], "Референдум пройдет 15 марта.") == "пресс-служба Акорды"
    guest = {"p3.s2": Speaker("Эдуард Полетаев", "политолог")}
    assert signed(guest, ["p3.s2"], "Считаю, крайне важно ...") == "Эдуард Полетаев, политолог"
    assert signed(guest, ["p3.s2"], "По словам Полетаева, ...") is None
    assert signed(guest, ["p9.s0"], "Считаю, крайне важно ...") is None
