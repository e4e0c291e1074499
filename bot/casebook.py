"""The casebook (data/knowledge/cases.yaml): profiles written from the study with what the engine
must and must not recommend, the study's sentence that decides it and, where the study is
ambiguous, the reading chosen. It is the engine's specification: tests run every case through the
engine and the API, and `docs/casebook.md` is generated from it for people who do not read YAML.

    .venv/bin/python -m bot.casebook            # run every case through the engine, list failures
    .venv/bin/python -m bot.casebook --write    # regenerate docs/casebook.md
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import yaml

from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS
from bot.profile import ProfileError, validate_profile

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "data" / "knowledge" / "cases.yaml"
DOC = ROOT / "docs" / "casebook.md"
ALL_TOOLS = frozenset(t for ids in TOOL_IDS.values() for t in ids)
KINDS = {"institutions": frozenset(INSTITUTION_IDS), "tools": ALL_TOOLS}
# The kinds of wrong advice issue 11 found in the rules; a case tagged `defect` failed on the rules
# before that issue (reproduce: the knowledge files of a500da3 with this casebook).
DEFECTS = {
    "tool-takes-institution-audience": "narzędzie brało odbiorców całej instytucji",
    "stages-ignored": "pominięta kolejność etapów (najpierw WTZ, potem ZAZ)",
    "groups-dropped": "pominięta grupa, którą studium wymienia",
    "warsaw-only-outside-warsaw": "usługa tylko dla Warszawy doradzana poza Warszawą",
    "route-as-condition": "droga do instytucji traktowana jak warunek",
}


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    profile: dict[str, Any]
    must: dict[str, tuple[str, ...]]
    must_not: dict[str, tuple[str, ...]]
    because: str
    reading: str | None
    defect: str | None = None


class CaseError(ValueError):
    """A case that cannot be run; the message names it."""


def _ids(case_id: str, part: str, data: Any) -> dict[str, tuple[str, ...]]:
    data = data or {}
    if not isinstance(data, dict) or set(data) - set(KINDS):
        raise CaseError(f"case '{case_id}': '{part}' must map 'institutions' and/or 'tools' to lists of IDs")
    found = {}
    for kind, known in KINDS.items():
        values = data.get(kind) or []
        unknown = [v for v in values if v not in known]
        if not isinstance(values, list) or unknown:
            raise CaseError(f"case '{case_id}': {part}.{kind} has IDs that are not in the contract: {unknown}")
        found[kind] = tuple(values)
    return found


def load_cases(path: Path = CASES) -> list[Case]:
    cases, seen = [], set()
    for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
        case_id = str(raw.get("id", ""))
        if not case_id or case_id in seen:
            raise CaseError(f"case '{case_id}': an id must be present and unique")
        seen.add(case_id)
        try:
            profile = validate_profile(raw.get("profile") or {})
        except ProfileError as error:
            raise CaseError(f"case '{case_id}': profile: {error.field}: {error.message}") from None
        must, must_not = _ids(case_id, "must", raw.get("must")), _ids(case_id, "must_not", raw.get("must_not"))
        both = {kind: set(must[kind]) & set(must_not[kind]) for kind in KINDS}
        if any(both.values()):
            raise CaseError(f"case '{case_id}': in both must and must_not: {both}")
        if raw.get("defect") is not None and raw["defect"] not in DEFECTS:
            raise CaseError(f"case '{case_id}': 'defect' must be one of {sorted(DEFECTS)}")
        if not str(raw.get("because", "")).strip():
            raise CaseError(f"case '{case_id}': 'because' must quote the study")
        cases.append(
            Case(
                case_id,
                str(raw.get("title", "")),
                profile,
                must,
                must_not,
                " ".join(str(raw["because"]).split()),
                raw.get("reading"),
                raw.get("defect"),
            )
        )
    return cases


def recommended(result: Mapping[str, Any]) -> dict[str, set[str]]:
    """Institutions and tools of a recommendation payload (engine or API: the same shape)."""
    items = result["recommendations"]
    return {
        "institutions": {item["institution"] for item in items},
        "tools": {t for item in items for t in item["tools"]},
    }


def problems(case: Case, result: Mapping[str, Any]) -> list[str]:
    """What the payload gets wrong for this case: missing musts and present must-nots."""
    found = recommended(result)
    wrong = []
    for kind in KINDS:
        missing = [i for i in case.must[kind] if i not in found[kind]]
        forbidden = [i for i in case.must_not[kind] if i in found[kind]]
        if missing:
            wrong.append(f"{kind} missing: {', '.join(missing)}")
        if forbidden:
            wrong.append(f"{kind} that must not be recommended: {', '.join(forbidden)}")
    return wrong


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _names() -> dict[str, str]:
    """Institution and tool IDs with the names the knowledge base gives them."""
    from bot.knowledge.files import read_knowledge

    data = read_knowledge(ROOT / "data" / "knowledge")
    return {item["id"]: item["name"] for item in data.institutions + data.tools}


def markdown(cases: list[Case]) -> str:
    """The casebook as a table a social worker can read: Polish labels, names instead of IDs."""
    from bot.dialogue.replies import known_facts

    names = _names()

    def listed(ids: dict[str, tuple[str, ...]]) -> str:
        return "; ".join(names[i] for kind in KINDS for i in ids[kind])

    lines = [
        "# Przypadki wzorcowe: co asystent musi, a czego nie może polecić",
        "",
        "Tabela powstaje z pliku `data/knowledge/cases.yaml` (`.venv/bin/python -m bot.casebook --write`);",
        "nie edytuj jej ręcznie. Każdy przypadek to osoba opisana tak, jak opisuje ją studium: co o niej",
        "wiadomo (czego nie ma w opisie – tego jeszcze nie wiemy), co asystent musi jej polecić, czego nie",
        "może, i zdanie studium, które o tym rozstrzyga. `make test` sprawdza każdy przypadek w silniku",
        "rekomendacji i przez API.",
        "",
        f"Przypadków: {len(cases)}.",
        "",
        "| przypadek | co wiadomo | musi polecić | nie może polecić | dlaczego (studium) | jak odczytano studium |",
        "|---|---|---|---|---|---|",
    ]
    for case in cases:
        fixed = f"<br>Błąd naprawiony w zasadach: {DEFECTS[case.defect]}." if case.defect else ""
        lines.append(
            f"| **{_cell(case.title)}** (`{case.id}`){fixed} | {_cell('; '.join(known_facts(case.profile)))} "
            f"| {_cell(listed(case.must))} | {_cell(listed(case.must_not))} | {_cell(case.because)} | {_cell(case.reading or '')} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="regenerate docs/casebook.md")
    args = parser.parse_args(argv)
    cases = load_cases()
    if args.write:
        DOC.write_text(markdown(cases), encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)} ({len(cases)} cases)")
        return 0
    import tempfile

    from bot.eligibility import recommend
    from bot.knowledge.catalogue import read_catalogue
    from bot.knowledge.db import make_engine
    from bot.knowledge.loader import load_knowledge

    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{tmp}/kb.db")
        load_knowledge(engine, ROOT / "data" / "knowledge")
        catalogue = read_catalogue(engine)
    failed = 0
    for case in cases:
        wrong = problems(case, recommend(case.profile, catalogue))
        if wrong:
            failed += 1
            print(f"{case.id}: {'; '.join(wrong)}")
    print(f"{len(cases) - failed} of {len(cases)} cases hold")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
