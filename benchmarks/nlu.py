"""NLU quality on the held-out set, against Rasa's default English-style pipeline, plus training cost.

    .venv/bin/python -m benchmarks.nlu [--out var/bench-nlu]

Trains two NLU models on data/nlu — ours (config.yml) and a baseline (WhitespaceTokenizer + count
vectors + DIET, same epochs) — measuring wall time and peak memory of each training, then runs
`rasa test nlu` on tests/nlu_heldout (never trained on) and prints intent macro-F1 and entity F1.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

import yaml

from benchmarks.measure import ROOT, measured

RASA = str(ROOT / ".venv" / "bin" / "rasa")
HELDOUT = ROOT / "tests" / "nlu_heldout" / "heldout.yml"


def baseline_config(ours: dict) -> dict:
    """Rasa's English-style default: whitespace tokens, word counts, DIET with our epochs."""
    diet = next(c for c in ours["pipeline"] if c["name"] == "DIETClassifier")
    return {
        "recipe": "default.v1", "language": "pl", "assistant_id": "baseline",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            dict(diet),
            {"name": "EntitySynonymMapper"},
        ],
        "policies": [],
    }


def scores(results: Path) -> dict[str, float]:
    intent = json.loads((results / "intent_report.json").read_text())
    entity_reports = list(results.glob("*Classifier_report.json")) + list(results.glob("*Extractor_report.json"))
    entity = json.loads(entity_reports[0].read_text()) if entity_reports else {}
    micro = entity.get("micro avg") or entity.get("accuracy") or {}
    return {"intent_macro_f1": intent["macro avg"]["f1-score"], "intent_accuracy": intent["accuracy"], "entity_f1": micro.get("f1-score", 0.0)}


def evaluate(name: str, config: Path, out: Path) -> dict[str, float]:
    model_dir = out / name
    seconds, peak = measured([RASA, "train", "nlu", "--config", str(config), "--nlu", "data/nlu", "--out", str(model_dir), "--fixed-model-name", name])
    results = out / f"{name}-results"
    subprocess.run([RASA, "test", "nlu", "--model", str(model_dir / f"{name}.tar.gz"), "--nlu", str(HELDOUT), "--out", str(results)],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {**scores(results), "train_seconds": seconds, "train_peak_mib": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench-nlu")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    ours_config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    baseline_path = args.out / "baseline-config.yml"
    baseline_path.write_text(yaml.safe_dump(baseline_config(ours_config), allow_unicode=True), encoding="utf-8")
    rows = {"ours": evaluate("ours", ROOT / "config.yml", args.out), "baseline": evaluate("baseline", baseline_path, args.out)}
    from rasa.shared.nlu.training_data.loading import load_data

    examples = len(load_data(str(HELDOUT)).training_examples)
    print(f"held-out utterances: {examples}")
    print("| pipeline | intent macro-F1 | intent accuracy | entity F1 | NLU training s | training peak MiB |")
    print("|---|---|---|---|---|---|")
    for name, row in rows.items():
        print(f"| {name} | {row['intent_macro_f1']:.3f} | {row['intent_accuracy']:.3f} | {row['entity_f1']:.3f} | {row['train_seconds']:.0f} | {row['train_peak_mib']:.0f} |")
    ratio = lambda key: rows["ours"][key] / rows["baseline"][key] if rows["baseline"][key] else float("inf")  # noqa: E731
    print(f"ratio ours/baseline: intent macro-F1 {ratio('intent_macro_f1'):.3f}, entity F1 {ratio('entity_f1'):.3f}")


if __name__ == "__main__":
    main()
