"""Finds sentences for people left in code instead of the message catalogue (locale/, bot/messages.py).

Three kinds of file:
- Python: every string literal (f-strings' pieces too, docstrings not) that looks like Polish text: a Polish
  letter, or a word only Polish uses ("nie", "jest", "albo"…);
- HTML templates: every text node and every attribute people see or hear (title, alt, aria-label,
  placeholder, a description's content…) with any letter left once the `{{…}}` placeholders are taken out:
  a page's every word comes from the catalogue;
- JavaScript: every string and template literal (comments and regular expressions skipped) that looks
  like Polish text, as in Python.

Modules that READ Polish (regular expressions and word lists over what people write) are exempt: see
EXEMPT. `python -m bot.sentence_scan [root …]` prints what it finds (default: bot/web) and exits 1 if
anything is found.
"""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent

# Paths (relative to the project, "/" at the end for a folder) whose Polish literals are not said to
# anybody: they recognise what people write, or they are not ours.
EXEMPT = (
    # Reading Polish input: the tokenizer, the morphology, numbers written as words, districts and their
    # neighbourhoods, the value words of the profile's slots, the crisis and safety signals.
    "bot/nlp/",
    # The words that ask for a language ("po polsku", "українською"): patterns over the message.
    "bot/language.py",
    # The regular expressions that recognise facts in a message ("nie mam pracy", "mieszkam na Woli").
    "bot/dialogue/patterns.py",
    # Which facts a message implies and how an answer reads ("tak, korzystam"): patterns over the message.
    "bot/dialogue/facts.py",
    # Family members in Ukrainian and English messages ("синові 15"): a pattern over the message.
    "bot/dialogue/kin.py",
    # The writer's own statements in Ukrainian and English messages ("що таке", "і", "але"): patterns too.
    "bot/dialogue/clauses.py",
    # A wish to go on, in each language ("wróćmy do rozmowy", "що далі?"): patterns over the message.
    "bot/dialogue/going_on.py",
    # This scanner's own list of the words that give Polish away.
    "bot/sentence_scan.py",
    # Third-party browser code (socket.io-client), copied by scripts/assets.sh.
    "bot/web/static/vendor/",
    # The operators' console: start-up failures and the retention command's report, read by whoever
    # runs the servers, not by residents or staff in the pages.
    "actions/startup.py",
    "bot/knowledge/loader.py",
    "bot/retention.py",
    # Writes docs/casebook.md, a document for social workers kept beside the code (not a page).
    "bot/casebook.py",
)

POLISH_LETTER = re.compile("[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
WORD = re.compile(r"[^\W\d_]+")
LETTER = re.compile(r"[^\W\d_]")
IDENTIFIER = re.compile(r"[a-z0-9_.\-]*")
# Frequent Polish words without a Polish letter that English, code and data do not use as words.
POLISH_WORDS = frozenset(
    """
    nie tak jest czy albo lub oraz jak gdy jeszcze tylko przez przy dla ani ale jako
    mam masz jestem wpisz wybierz podaj brak dane strona kod pomoc pracy praca zasiłek
    twoja twoje twoim twojej ciebie mnie sobie jego jej tego
    od ze ci co gdzie dlaczego kiedy kto jaki jaka jakie uwaga bez przed ty
    """.split()
)
# Attributes whose text people see or hear.
HUMAN_ATTRIBUTES = frozenset(
    {"title", "alt", "aria-label", "aria-description", "aria-placeholder", "aria-roledescription", "placeholder"}
)
_TEMPLATE_PLACEHOLDER = re.compile(r"\{\{.*?\}\}")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def looks_polish(value: str) -> bool:
    """A Polish letter, or a word only Polish uses outside an identifier: text meant for a Polish reader.
    Lower-case names without spaces ("praca_socjalna", "group-dane", "staff.hint.age") are identifiers."""
    if POLISH_LETTER.search(value):
        return True
    if IDENTIFIER.fullmatch(value):
        return False
    return any(word.lower() in POLISH_WORDS for word in WORD.findall(value))


# --- Python ---------------------------------------------------------------------------------------


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


NOT_SAID = "# not said:"  # a literal's line may carry it, with the reason: Polish that nobody is told


def python_findings(source: str) -> Iterator[tuple[int, str]]:
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    lines = source.splitlines()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            marked = any(NOT_SAID in lines[i - 1] for i in range(node.lineno, (node.end_lineno or node.lineno) + 1))
            if looks_polish(node.value) and not marked:
                yield node.lineno, node.value


# --- HTML templates -------------------------------------------------------------------------------


class _TemplateText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._skip = 0  # inside <script> or <style>

    def _check(self, value: str) -> None:
        left = _TEMPLATE_PLACEHOLDER.sub("", value)
        if LETTER.search(left):
            self.found.append((self.getpos()[0], value.strip()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        named = dict(attrs)
        for name, value in attrs:
            human = name in HUMAN_ATTRIBUTES
            human |= tag == "meta" and name == "content" and named.get("name") == "description"
            human |= tag == "input" and name == "value" and named.get("type") in ("submit", "button", "reset")
            if human and value:
                self._check(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._check(data)


def template_findings(source: str) -> Iterator[tuple[int, str]]:
    parser = _TemplateText()
    parser.feed(source)
    parser.close()
    yield from parser.found


# --- JavaScript -----------------------------------------------------------------------------------

# After these a "/" starts a regular expression, not a division.
_BEFORE_REGEX = set("(,=:[!&|?{};+-*%<>~^")
_REGEX_KEYWORDS = {"return", "typeof", "case", "of", "in", "void", "delete", "throw", "new", "yield", "await"}


def _identifier(c: str) -> bool:
    return c.isalnum() or c in "_$"


class _Script:
    """A small JavaScript lexer: enough to tell strings, template literals, comments and regular
    expressions apart, and to collect the literals with their line numbers."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.literals: list[tuple[int, str]] = []

    def line(self, at: int) -> int:
        return self.source.count("\n", 0, at) + 1

    def code(self, i: int, closing_brace: bool = False) -> int:
        """Read code from i; in a template literal's `${…}`, stop after its closing brace."""
        src, depth, last, word = self.source, 0, "", ""
        while i < len(src):
            c = src[i]
            if src.startswith("//", i):
                i = src.find("\n", i)
                i = len(src) if i < 0 else i
            elif src.startswith("/*", i):
                end = src.find("*/", i + 2)
                i = len(src) if end < 0 else end + 2
            elif c in "'\"":
                i = self.string(i)
                last, word = '"', ""
            elif c == "`":
                i = self.template(i)
                last, word = '"', ""
            elif c == "/" and (last == "" or last in _BEFORE_REGEX or word in _REGEX_KEYWORDS):
                i = self.regex(i)
                last, word = "/", ""
            elif c.isspace():
                i += 1
            else:
                if c == "{":
                    depth += 1
                elif c == "}":
                    if closing_brace and depth == 0:
                        return i + 1
                    depth -= 1
                if _identifier(c):
                    word = word + c if i and _identifier(src[i - 1]) else c
                else:
                    word = ""
                last = c
                i += 1
        return i

    def string(self, i: int) -> int:
        quote, j, src = self.source[i], i + 1, self.source
        while j < len(src) and src[j] != quote:
            j += 2 if src[j] == "\\" else 1
        self.literals.append((self.line(i), src[i + 1 : j]))
        return j + 1

    def template(self, i: int) -> int:
        src, j, pieces = self.source, i + 1, []
        start = j
        while j < len(src) and src[j] != "`":
            if src[j] == "\\":
                j += 2
            elif src.startswith("${", j):
                pieces.append(src[start:j])
                j = self.code(j + 2, closing_brace=True)
                start = j
            else:
                j += 1
        pieces.append(src[start:j])
        self.literals.append((self.line(i), "{…}".join(pieces)))  # the static text, expressions marked
        return j + 1

    def regex(self, i: int) -> int:
        src, j, in_class = self.source, i + 1, False
        while j < len(src) and src[j] != "\n":
            c = src[j]
            if c == "\\":
                j += 2
                continue
            if c == "[":
                in_class = True
            elif c == "]":
                in_class = False
            elif c == "/" and not in_class:
                break
            j += 1
        j += 1
        while j < len(src) and src[j].isalpha():  # flags
            j += 1
        return j


def script_literals(source: str) -> list[tuple[int, str]]:
    script = _Script(source)
    script.code(0)
    return sorted(script.literals)


def script_findings(source: str) -> Iterator[tuple[int, str]]:
    return ((line, value) for line, value in script_literals(source) if looks_polish(value))


# --- Walking the roots ----------------------------------------------------------------------------

FINDERS = {".py": python_findings, ".html": template_findings, ".js": script_findings}


def exempt(relative: str) -> bool:
    return any(relative == entry or (entry.endswith("/") and relative.startswith(entry)) for entry in EXEMPT)


def files(roots: Iterable[str], base: Path = ROOT) -> Iterator[tuple[str, Path]]:
    for root in roots:
        start = base / root
        for path in sorted([start] if start.is_file() else start.rglob("*")):
            relative = path.relative_to(base).as_posix()
            if path.suffix in FINDERS and path.is_file() and not exempt(relative):
                yield relative, path


def scan(roots: Iterable[str], base: Path = ROOT) -> list[Finding]:
    """Every user-facing sentence left in the code under `roots` (project-relative folders or files)."""
    found = []
    for relative, path in files(roots, base):
        source = path.read_text(encoding="utf-8")
        found.extend(Finding(relative, line, value) for line, value in FINDERS[path.suffix](source))
    return found


def main(argv: list[str]) -> int:
    found = scan(argv or ["bot/web"])
    for finding in found:
        print(finding)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
