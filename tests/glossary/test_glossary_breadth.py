"""The glossary of the whole state (issue 17): districts, courts, akimats, prosecutor's offices,
state committees, media, international organisations and foreign leaders, from lists."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from processor.glossary import Glossary, load_glossaries
from processor.glossary.load import builtin_paths, read_glossary
from tests.support.data import REPO

NEW_FILES = (
    "kazakhstan-admin",
    "kazakhstan-state",
    "kazakhstan-media",
    "international",
    "kazakhstan-people",
    "kazakhstan-parliament",
)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossaries()


def _one(glossary: Glossary, text: str, written: str) -> tuple[str, str, str, str | None]:
    (m,) = [m for m in glossary.find(text) if m.text == written]
    return m.entry.en, m.entry.kk, m.entry.type, m.case


@pytest.mark.parametrize(
    ("text", "written", "en", "kk", "case"),
    [
        ("Аким Жарминского района провел прием.", "Жарминского района", "Zharma district",
         "Жарма ауданы", "gent"),
        ("В Глубоковском районе открыли суд.", "Глубоковском районе", "Glubokoye district",
         "Глубокое ауданы", "loct"),
        ("Он работал в Зыряновском районе.", "Зыряновском районе", "Altai district",
         "Алтай ауданы", "loct"),  # former name -> today's district
        ("Жители района Биржан сал.", "района Биржан сал", "Birzhan Sal district",
         "Біржан сал ауданы", "gent"),
        ("Решением Алматинского городского суда иск отклонен.", "Алматинского городского суда",
         "Almaty City Court", "Алматы қалалық соты", "gent"),
        ("Иск подала прокуратура Алматинской области.", "прокуратура Алматинской области",
         "Prosecutor's Office of Almaty region", "Алматы облысының прокуратурасы", "nomn"),
        ("В акимате Костанайской области прошло совещание.", "акимате Костанайской области",
         "Akimat of Kostanay region", "Қостанай облысының әкімдігі", "loct"),
        ("Комитет государственных доходов сообщил.", "Комитет государственных доходов",
         "State Revenue Committee", "Мемлекеттік кірістер комитеті", "nomn"),
        ("В Южно-Казахстанской области тогда", "Южно-Казахстанской области",
         "South Kazakhstan region", "Оңтүстік Қазақстан облысы", "loct"),
    ],
)  # fmt: skip
def test_state_names_in_every_case_with_their_renderings(
    glossary: Glossary, text: str, written: str, en: str, kk: str, case: str
) -> None:
    assert _one(glossary, text, written)[:2] == (en, kk)
    assert _one(glossary, text, written)[3] == case


def test_every_region_and_city_has_its_court_akimat_and_prosecutor(glossary: Glossary) -> None:
    cities = [glossary.by_id(c) for c in ("astana", "almaty", "shymkent")]
    hand = [e for e in glossary.entries if e.glossary == "kazakhstan-public-life"]
    regions = [e for e in hand if e.id.endswith("-region")] + cities
    assert len(regions) == 20
    for region in regions:
        for body in ("court", "akimat", "prosecutor"):
            entry = glossary.by_id(f"{region.id}-{body}")
            assert entry.type == "organization" and entry.en.isascii(), entry.id


def test_districts_of_every_region_by_kato(glossary: Glossary) -> None:
    districts = [e for e in glossary.entries if e.glossary == "kazakhstan-admin"]
    kato = {c for e in districts for c in re.findall(r"KATO (\d{4})", e.note or "")}
    assert len(kato) >= 180  # every district and city administration of the KATO list
    codes = "10 11 15 19 23 27 31 33 35 39 43 47 55 59 61 62 63 71 75 79"  # 17 regions + 3 cities
    assert {k[:2] for k in kato} == set(codes.split())
    for e in districts:
        assert e.en.isascii() and not re.search(r"[a-zA-Z]", e.kk), e.id


def test_media_the_issue_names_are_found(glossary: Glossary) -> None:
    names = ["Zakon.kz", "Tengrinews", "Казинформ", "Казахстанская правда", "Vlast.kz",
             "Orda.kz", "Курсив", "Kapital.kz", "Азаттык", "NUR.KZ", "Informburo.kz", "BAQ.kz",
             "Lada.kz", "Sputnik Казахстан", "Хабар", "ТАСС", "РИА Новости", "Интерфакс",
             "Интерфакс-Казахстан", "КазТАГ", "Ulysmedia", "Exclusive.kz", "24.kz",
             "Astana TV", "Forbes Kazakhstan", "The Steppe", "Коммерсантъ", "РБК", "Регнум",
             "Fergana.news", "24.kg", "Sputnik"]  # fmt: skip
    text = ". ".join(f"Сообщает {n}" for n in names) + "."
    found = {m.text for m in glossary.find(text)}
    assert [n for n in names if n not in found] == []
    # The agency's web names only: the Fergana valley is not an outlet.
    assert [m.entry.id for m in glossary.find("В Фергане прошли переговоры.")] != ["fergana-news"]


def test_neighbours_leaders_and_international_organisations(glossary: Glossary) -> None:
    text = ("Абдулла Арипов, Адылбек Касымалиев, Кохир Расулзода и Урсула фон дер Ляйен "
            "обсудили с ПРООН, ОПЕК+, Международным олимпийским комитетом и G20.")  # fmt: skip
    ids = [m.entry.id for m in glossary.find(text)]
    assert ids == ["aripov", "kasymaliev", "rasulzoda", "von-der-leyen", "undp", "opec-plus",
                   "ioc", "g20"]  # fmt: skip
    assert glossary.by_id("ioc").en == "International Olympic Committee"


def test_former_government_members_and_space_people(glossary: Glossary) -> None:
    text = ("Бывший премьер-министр Аскар Мамин, экс-министр образования Асхат Аймагамбетов и "
            "космонавт Айдын Аимбетов встретились с главой Роскосмоса Дмитрием Бакановым и "
            "астронавтом NASA.")  # fmt: skip
    ids = [m.entry.id for m in glossary.find(text)]
    assert ids == ["mamin", "aimagambetov", "aimbetov", "roscosmos", "bakanov", "nasa"]
    assert _one(glossary, text, "Дмитрием Бакановым") == (
        "Dmitry Bakanov",
        "Дмитрий Баканов",
        "person",
        "ablt",
    )
    assert _one(glossary, text, "Асхат Аймагамбетов")[:2] == (
        "Askhat Aimagambetov",
        "Асхат Аймағамбетов",
    )
    agencies = "Европейское космическое агентство (ЕКА) договорилось с CNSA и Казкосмосом."
    assert [(m.text, m.entry.en) for m in glossary.find(agencies)] == [
        ("Европейское космическое агентство", "European Space Agency"),
        ("ЕКА", "European Space Agency"),
        ("CNSA", "China National Space Administration"),
        ("Казкосмосом", "Kazcosmos"),
    ]
    # A common surname alone is nobody's: no short form for Ким, Волков, Борисов.
    assert [m.entry.id for m in glossary.find("Ким и Волков пришли.")] == []


def test_new_entries_carry_a_source_note_with_a_date_and_override_nothing() -> None:
    files = {read_glossary(p)[0]: read_glossary(p)[1] for p in builtin_paths()}
    assert set(NEW_FILES) <= files.keys()
    hand = {e.key for e in files["kazakhstan-public-life"]}
    listed = [e.key for name in NEW_FILES for e in files[name]]
    assert len(listed) == len(set(listed)), "one name in two list files: one would override"
    for name in NEW_FILES:
        for e in files[name]:
            assert e.note and "2026-12-07" in e.note, f"{name}: {e.id} has no check date"
            assert e.key not in hand, f"{name}: {e.ru} overrides kazakhstan.yaml"


def test_generated_admin_glossary_matches_its_tables() -> None:
    script = REPO / "tools" / "build_admin_glossary.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
