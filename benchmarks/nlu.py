"""NLU quality on the held-out set: our pipeline against Rasa's own default, several seeds each.

    .venv/bin/python -m benchmarks.nlu [--seeds 1 2 3] [--pipeline ours default path/to/config.yml]
        [--eval tests/nlu_heldout/heldout.yml] [--out var/bench-nlu] [--report]

Each pipeline is trained on data/nlu once per seed (DIET's `random_seed`; nothing else of the
configuration changes), measuring wall time and peak memory, then `rasa test nlu` runs on
tests/nlu_heldout/heldout.yml (written apart from the training data, never trained on).
Printed as mean, min and max over the seeds: intent macro-F1 and accuracy of the intent
classifier, intent macro-F1 as the assistant answers, and entity F1.

Two intent figures, because our pipeline ends with the crisis detector (bot/rasa_server/nlu/crisis.py): where
it sees danger it puts a `crisis_*` intent first, whatever DIET chose ("śpię na dworcu" is
`sit_homeless` for DIET and a shelter crisis for the detector, docs/nlu-conventions.md). The
intent classifier's figure scores the best intent in the ranking that is not a crisis takeover,
which compares the pipelines on the same task (Rasa's default has no detector); "as the assistant
answers" scores the top intent, takeovers included (every takeover counts as an error, since the
sets have no crisis labels). The detector itself is measured by `benchmarks.crisis`.

`default` is Rasa's default pipeline exactly as Rasa ships it (the file `rasa init` leaves
commented in config.yml, read from the installed package), with `language: pl`. `ours` is
config.yml. Any other argument is a configuration file to compare (an experiment).

Pipeline experiments are measured on the development set (`--eval benchmarks/nlu_dev/dev.yml`,
written apart from both the training data and the held-out set), never on the held-out set: the
held-out figure is taken once, for the pipeline chosen. A model is trained again only when its
configuration or the training data changed (the fingerprint is kept beside the model), so one
trained model can be scored on both sets.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import statistics
import subprocess
from pathlib import Path

import yaml

from benchmarks.measure import ROOT, measured

RASA = str(ROOT / ".venv" / "bin" / "rasa")
HELDOUT = ROOT / "tests" / "nlu_heldout" / "heldout.yml"
TRAINING = ROOT / "data" / "nlu"
METRICS = ("intent_macro_f1", "intent_accuracy", "assistant_intent_macro_f1", "entity_f1")
UNCACHED = {"RASA_MAX_CACHE_SIZE": "0"}  # Rasa's training cache would make a repeated run look fast


def rasa_default_config() -> dict:
    """rasa/engine/recipes/config_files/default_config.yml of the installed Rasa, in Polish."""
    import rasa.engine.recipes.default_recipe as recipe

    path = Path(recipe.__file__).parent / "config_files" / "default_config.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {**config, "language": "pl", "assistant_id": "rasa_default", "policies": []}


def config_for(pipeline: str) -> dict:
    if pipeline == "default":
        return rasa_default_config()
    path = ROOT / "config.yml" if pipeline == "ours" else Path(pipeline)
    return {**yaml.safe_load(path.read_text(encoding="utf-8")), "policies": []}


def seeded(config: dict, seed: int) -> dict:
    pipeline = [dict(c, random_seed=seed) if c["name"].endswith("DIETClassifier") else c for c in config["pipeline"]]
    return {**config, "pipeline": pipeline}


def scores(results: Path) -> dict[str, float]:
    """`rasa test nlu`'s report: the top intent (crisis takeovers included) and the entities."""
    intent = json.loads((results / "intent_report.json").read_text())
    entity_reports = sorted(results.glob("*DIETClassifier_report.json"))
    entity = json.loads(entity_reports[0].read_text()) if entity_reports else {}
    micro = entity.get("micro avg") or entity.get("accuracy") or {}
    return {"assistant_intent_macro_f1": intent["macro avg"]["f1-score"], "entity_f1": micro.get("f1-score", 0.0)}


def classifier_intent(ranking: list[dict]) -> str:
    """The best intent that is neither a crisis takeover nor the fallback.

    The detector keeps DIET's ranking after its own entries; `rasa test nlu` likewise undoes the
    FallbackClassifier's `nlu_fallback` to score the intent behind it."""
    from bot.rasa_server.nlu.crisis import is_crisis_intent

    return next(
        (r["name"] for r in ranking if not is_crisis_intent(r["name"]) and r["name"] != "nlu_fallback"), "nlu_fallback"
    )


def classifier_scores(model: Path, evaluation: Path) -> dict[str, float]:
    """Intent macro-F1 and accuracy of the intent classifier, computed as `rasa test nlu` does."""
    import asyncio
    import logging

    import structlog
    from rasa.core.agent import Agent
    from rasa.model_testing import get_evaluation_metrics
    from rasa.shared.nlu.training_data.loading import load_data

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))  # no log line per parse
    agent = Agent.load(str(model))
    examples = load_data(str(evaluation)).intent_examples

    async def parsed() -> list[dict]:
        return [await agent.parse_message(example.get("text")) for example in examples]

    predicted = [classifier_intent(p.get("intent_ranking") or [p["intent"]]) for p in asyncio.run(parsed())]
    report, _, _, accuracy = get_evaluation_metrics([e.get("intent") for e in examples], predicted, output_dict=True)
    return {"intent_macro_f1": report["macro avg"]["f1-score"], "intent_accuracy": accuracy}


def fingerprint(config_text: str, training: Path) -> str:
    """The configuration, the training data and the code of our NLU components."""
    digest = hashlib.sha256(config_text.encode("utf-8"))
    for path in sorted(training.rglob("*.yml")) + sorted((ROOT / "bot" / "nlp").rglob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def trained(work: Path, config: dict, training: Path = TRAINING) -> dict[str, float]:
    """Train into `work` unless the model there was trained from the same inputs."""
    config_text = yaml.safe_dump(config, allow_unicode=True)
    stamp, timing = work / "fingerprint", work / "training.json"
    if stamp.exists() and timing.exists() and stamp.read_text() == fingerprint(config_text, training):
        return json.loads(timing.read_text())
    work.mkdir(parents=True, exist_ok=True)
    config_path = work / "config.yml"
    config_path.write_text(config_text, encoding="utf-8")
    seconds, peak = measured(
        [
            RASA,
            "train",
            "nlu",
            "--config",
            str(config_path),
            "--nlu",
            str(training),
            "--out",
            str(work),
            "--fixed-model-name",
            "nlu",
        ],
        env=UNCACHED,
    )
    row = {"train_seconds": seconds, "train_peak_mib": peak}
    timing.write_text(json.dumps(row))
    stamp.write_text(fingerprint(config_text, training))
    return row


def run(
    name: str, config: dict, seed: int, out: Path, evaluation: Path, training_data: Path = TRAINING
) -> dict[str, float]:
    work = out / f"{name}-seed{seed}"
    training = trained(work, seeded(config, seed), training_data)
    results = work / f"results-{evaluation.stem}"
    subprocess.run(
        [RASA, "test", "nlu", "--model", str(work / "nlu.tar.gz"), "--nlu", str(evaluation), "--out", str(results)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return {**classifier_scores(work / "nlu.tar.gz", evaluation), **scores(results), **training}


def one_folder(folders: list[Path], combined: Path) -> Path:
    """The training data as one folder for `rasa train nlu --nlu`: several are copied side by side."""
    if len(folders) == 1:
        return folders[0]
    shutil.rmtree(combined, ignore_errors=True)
    for index, folder in enumerate(folders):
        shutil.copytree(folder, combined / f"{index}-{folder.parent.name}-{folder.name}")
    return combined


def spread(values: list[float]) -> str:
    return f"{statistics.mean(values):.3f} ({min(values):.3f}–{max(values):.3f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--pipeline", nargs="+", default=["ours", "default"])
    parser.add_argument("--eval", type=Path, default=HELDOUT, help="the set to score on")
    parser.add_argument(
        "--training",
        type=Path,
        nargs="+",
        default=[TRAINING],
        help="the training data (a copy, to measure while it is edited); several folders are trained on together "
        "(e.g. data/nlu languages/uk/nlu languages/en/nlu: one model for all languages)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench-nlu")
    parser.add_argument(
        "--report",
        action="store_true",
        help="print the table from the scores already in --out (one run per seed may have been made apart)",
    )
    args = parser.parse_args()
    from rasa.shared.nlu.training_data.loading import load_data

    training = one_folder(args.training, args.out / "training-data")

    print(f"{args.eval}: {len(load_data(str(args.eval)).training_examples)} utterances; seeds {args.seeds}")
    print(
        "| pipeline | intent macro-F1 | intent accuracy | intent macro-F1 as the assistant answers | entity F1 "
        "| NLU training s | training peak MiB |"
    )
    print("|---|---|---|---|---|---|---|")
    for name in args.pipeline:
        label = Path(name).stem if name not in ("ours", "default") else name
        stored = [args.out / f"{label}-seed{seed}" / f"scores-{args.eval.stem}.json" for seed in args.seeds]
        if args.report:
            runs = [json.loads(path.read_text()) for path in stored]
        else:
            runs = [run(label, config_for(name), seed, args.out, args.eval, training) for seed in args.seeds]
            for path, row in zip(stored, runs):
                path.write_text(json.dumps(row, indent=1))
        cells = [spread([r[m] for r in runs]) for m in METRICS]
        seconds = statistics.mean(r["train_seconds"] for r in runs)
        peak = max(r["train_peak_mib"] for r in runs)
        print(f"| {label} | {' | '.join(cells)} | {seconds:.0f} | {peak:.0f} |", flush=True)
    print("Cells: mean over the seeds (min–max).")


if __name__ == "__main__":
    main()
