"""Agreement of ``kazakh.inflect`` with an independent Kazakh analyser, over the glossary.

Every glossary entry's Kazakh rendering is put in the six oblique cases; the last word of
each form is checked against apertium-kaz (an HFST morphology of Kazakh, GPL-3.0: used here
as an outside tool only, never shipped).  A form agrees when the analyser generates it from
one of the nominative's own analyses (noun or proper noun) with that case.  Words the
analyser does not know are added to a copy of its lexicon with the continuation class
their glossary type implies (surname in -ов/-ев, -ин; first name; place; organization;
Latin-script name; abbreviation; common noun), so harmony and the final sound still come
from its phonology (twol), not from our rules.

Needs ``hfst`` (Debian package) and an apertium-kaz source checkout:

    python -m bench.bench_kazakh --apertium-kaz ~/src/apertium-kaz [--work /tmp/apk]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from bench.harness import table
from processor.glossary import load_glossaries
from processor.glossary.kazakh import inflect, is_front, looks_possessive, sound_class

CASE_TAGS = {
    "genitive": "gen",
    "dative": "dat",
    "accusative": "acc",
    "locative": "loc",
    "ablative": "abl",
    "instrumental": "ins",
}


def _lookup(fst: Path, words: list[str]) -> dict[str, list[str]]:
    """hfst-lookup on many inputs at once: input -> outputs (unknown: empty)."""
    proc = subprocess.run(
        ["hfst-lookup", "-q", str(fst)],
        input="\n".join(words) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    out: dict[str, list[str]] = defaultdict(list)
    for line in proc.stdout.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not parts[1].endswith("+?"):
            out[parts[0]].append(parts[1])
    return out


def _continuation(word: str, etype: str) -> str:
    if re.search(r"[A-Za-z]", word):
        return "NP-ORG-LAT"
    if word.isupper() and len(word) > 1:
        return "NP-ORG-ABBR"
    if etype == "person":
        if re.search(r"(ов|ев|ёв)$", word):
            return "NP-COG-OB"
        if re.search(r"(ин|ын)$", word):
            return "NP-COG-IN"
        return "NP-ANT-M"
    return {"place": "NP-TOP", "organization": "NP-ORG"}.get(etype, "N1")


def _build(source: Path, work: Path, extra: dict[str, str]) -> tuple[Path, Path]:
    """Compile apertium-kaz (plus ``extra`` stems) into a generator and an analyser."""
    work.mkdir(parents=True, exist_ok=True)
    lexc = (source / "apertium-kaz.kaz.lexc").read_text(encoding="utf-8")
    lexc = "\n".join(line for line in lexc.splitlines() if "Err/Orth" not in line)
    added = "".join(
        f"{w.replace(' ', '% ')}:{w.replace(' ', '% ')} {c} ;\n" for w, c in extra.items()
    )
    lexc = lexc.replace("LEXICON Proper\n", "LEXICON Proper\n" + added, 1)
    (work / "kaz.lexc").write_text(lexc, encoding="utf-8")

    def run(*args: str) -> None:
        subprocess.run(args, check=True, cwd=work, capture_output=True)

    run("hfst-twolc", "-q", str(source / "apertium-kaz.kaz.twol"), "-o", "twol.hfst")
    run("hfst-lexc", "-q", "kaz.lexc", "-o", "lexc.hfst")
    run("hfst-compose-intersect", "-1", "lexc.hfst", "-2", "twol.hfst", "-o", "gen.hfst")
    run("hfst-invert", "gen.hfst", "-o", "morf.hfst")
    run("hfst-fst2fst", "-O", "-i", "gen.hfst", "-o", "gen.ohfst")
    run("hfst-fst2fst", "-O", "-i", "morf.hfst", "-o", "morf.ohfst")
    return work / "gen.ohfst", work / "morf.ohfst"


def _nominatives(analyses: list[str]) -> list[str]:
    return [
        a
        for a in analyses
        if "+" not in a and a.endswith("<nom>") and re.search(r"<(?:n|np)>", a)
        and "<subst>" not in a
    ]  # fmt: skip


def _recase(form: str, like: str) -> str:
    return like[:1] + form[1:] if form[:1].lower() == like[:1].lower() else form


def _klass(last: str) -> str:
    """The class a form belongs to, for the report."""
    if re.search(r"[A-Za-z]", last):
        return "Latin-script"
    if re.search(r"\d|\+$", last):
        return "numeral"
    if last.isupper() and len(last) > 1:
        return "abbreviation"
    low = last.lower()
    if low.endswith("ь"):
        return "soft sign"
    if re.search(r"(ов|ев|ёв)$", low):
        return "surname -ов/-ев " + ("front" if is_front(last) else "back")
    if re.search(r"ин$", low):
        return "-ин"
    if looks_possessive(last if " " not in last else "x " + last):
        return "possessive"
    return f"{'front' if is_front(last) else 'back'} {sound_class(last)}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--apertium-kaz", type=Path, required=True, help="apertium-kaz checkout")
    ap.add_argument("--work", type=Path, help="build folder (default: a temporary one)")
    args = ap.parse_args()
    if not shutil.which("hfst-lookup"):
        raise SystemExit("needs the hfst tools (Debian: apt-get install hfst)")
    work = args.work or Path(tempfile.mkdtemp(prefix="apertium-kaz-"))

    entries = load_glossaries().entries
    lasts = {e.kk.split()[-1]: e.type for e in entries}
    gen, morf = _build(args.apertium_kaz, work, {})
    # A capitalized rendering (Республикасы) is looked up as written, else in lower case.
    spellings = {w: [w, w[:1].lower() + w[1:]] for w in lasts}
    known = _lookup(morf, sorted({s for v in spellings.values() for s in v}))
    extra = {
        w: _continuation(w, t)
        for w, t in lasts.items()
        if not any(_nominatives(known.get(s, [])) for s in spellings[w])
    }
    if extra:
        gen, morf = _build(args.apertium_kaz, work, extra)
        known = _lookup(morf, sorted({s for v in spellings.values() for s in v}))

    wanted: list[str] = []
    plan: list[tuple[str, str, str, list[str]]] = []
    for entry in entries:
        last = entry.kk.split()[-1]
        noms = next((n for s in spellings[last] if (n := _nominatives(known.get(s, [])))), [])
        for case, tag in CASE_TAGS.items():
            ours = inflect(entry.kk, case).split()[-1]
            queries = [n[: -len("<nom>")] + f"<{tag}>" for n in noms]
            wanted.extend(queries)
            plan.append((entry.kk, case, ours, queries))
    generated = _lookup(gen, sorted(set(wanted)))

    agree, total, unchecked = Counter(), Counter(), 0
    misses: dict[str, list[str]] = defaultdict(list)
    for base, case, ours, queries in plan:
        # Compared without the hyphen: apertium's hyphenated path skips its own phonology
        # (ҚР-ге, Astana-ге), its unhyphenated forms apply it (ҚРға, Astanaға).
        ours = ours.replace("-", "")
        reference = {
            _recase(form, ours) for q in queries for form in generated.get(q, []) if "-" not in form
        }
        if not reference:
            unchecked += 1
            continue
        klass = _klass(base.split()[-1])
        total[klass] += 1
        if ours in reference:
            agree[klass] += 1
        else:
            misses[klass].append(
                f"{base} {case}: ours {ours}, apertium {'/'.join(sorted(reference))}"
            )
    n, ok = sum(total.values()), sum(agree.values())
    # apertium's twol does not read Latin letters: those forms are checked by rule only.
    n_cyr, ok_cyr = n - total["Latin-script"], ok - agree["Latin-script"]
    print(f"{len(entries)} entries x 6 cases; {len(extra)} stems added to apertium's lexicon")
    print(f"agreement: {ok}/{n} = {ok / n:.1%} ({unchecked} forms apertium could not generate)")
    print(f"agreement, Cyrillic forms: {ok_cyr}/{n_cyr} = {ok_cyr / n_cyr:.1%}")
    rows = [(k, str(agree[k]), str(total[k]), f"{agree[k] / total[k]:.0%}") for k in sorted(total)]
    print(table(rows, ("class", "agree", "forms", "share")))
    for klass in sorted(misses):
        print(f"\n## {klass}")
        for line in misses[klass][:12]:
            print("  " + line)


if __name__ == "__main__":
    main()
