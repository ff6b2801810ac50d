"""Steps of one process read from headlines and leads of the labelled set."""

from __future__ import annotations

from pathlib import Path

from processor.digest.slots import conflict, slots_of
from tests.digest.conftest import path_of


def _slots(number: int) -> dict[str, frozenset[str]]:
    """The slots of a labelled file: headline (first line after the header) and lead."""
    text = Path(path_of(number)).read_text(encoding="utf-8")
    body = [line for line in text.split("\n\n", 1)[1].splitlines() if line.strip()]
    return slots_of(body[0], " ".join(body[1:3]))


def test_readings_of_one_bill():
    first, final, second_final = _slots(60), _slots(61), _slots(62)
    assert first["reading"] == {"1"}
    assert final["reading"] == {"final"} and second_final["reading"] == {"2", "final"}
    assert conflict(first, final) and conflict(first, second_final)
    assert not conflict(final, second_final)
    # "Final" only of a decision taken: a lead saying nothing is settled names no reading.
    assert "reading" not in slots_of("Сенат вернётся к закону", "Окончательно вопрос не решён.")


def test_turnout_as_of_a_time_of_day():
    at_16, at_18 = _slots(17), _slots(18)
    # "по состоянию на 16:00 (14:00 по Москве)": the aside is the same time told again.
    assert at_16["as of"] == {"16:00"} and at_18["as of"] == {"18:00"}
    assert conflict(at_16, at_18)
    assert conflict(at_18, _slots(19))  # the 18:00 count against the polls closing


def test_steps_named_in_the_headline_first():
    assert _slots(43)["step"] == {"nominated"} and _slots(42)["step"] == {"appointed"}
    # The results article's lead recalls that the vote was valid; its headline says results.
    assert _slots(24)["step"] == {"results"} and _slots(14)["step"] == {"valid"}
    # "на полях саммита": the summit is where the talks were held, not what happened.
    assert _slots(65)["step"] == {"talks"} and _slots(66)["step"] == {"summit"}


def test_an_article_silent_on_a_slot_conflicts_with_none():
    assert "step" not in _slots(44)  # "Токаев прибыл в Москву": no step of these
    assert not conflict(_slots(44), _slots(43))
