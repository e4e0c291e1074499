"""The recommendations in Ukrainian and English (issue 14): the knowledge base's texts translated,
institution and tool names in Polish followed by a translation, identifiers unchanged."""

from __future__ import annotations

import pytest

from benchmarks.profiles import profiles
from bot.eligibility import recommend
from bot.knowledge.catalogue import Catalogue
from bot.messages import using

PROFILES = profiles(300, seed=14)


def _texts(result: dict) -> list[str]:
    texts = []
    for item in result["recommendations"]:
        texts += item["reasons"] + item["documents"] + [step["text"] for step in item["steps"]]
        texts += [reason for tool in item["tool_details"] for reason in tool["reasons"]]
    return texts


def _ids(result: dict) -> list:
    return [(item["institution"], item["tools"]) for item in result["recommendations"]], result["missing"]


@pytest.mark.parametrize("language", ["uk", "en"])
def test_every_text_of_a_recommendation_is_translated(catalogue: Catalogue, language: str) -> None:
    for profile in PROFILES:
        polish = recommend(profile, catalogue)
        with using(language):
            translated = recommend(profile, catalogue)
        assert _ids(translated) == _ids(polish), "identifiers never change"
        untranslated = set(_texts(polish)) & set(_texts(translated))
        assert not untranslated, f"{language}: shown in Polish for {profile}: {sorted(untranslated)[:3]}"
        for before, after in zip(polish["recommendations"], translated["recommendations"]):
            assert after["name"].startswith(before["name"] + " (") and after["name"].endswith(")")
            assert after["contact"] == before["contact"], "addresses stay as the source states them"


def test_polish_stays_as_it_was(catalogue: Catalogue) -> None:
    profile = {"age": 52, "work_status": "registered_unemployed", "disability_certificate": True}
    with using("pl"):
        assert recommend(profile, catalogue) == recommend(profile, catalogue)
    names = [item["name"] for item in recommend(profile, catalogue)["recommendations"]]
    assert all("(" not in name for name in names if name.startswith("Urząd"))
