"""Entity F1 of what the assistant sees: every entity the NLU pipeline outputs, whoever extracted it.

    .venv/bin/python -m benchmarks.entities --model models/drogowskaz.tar.gz
        --nlu benchmarks/nlu_dev/dev.yml [--out var/entities-dev]

`rasa test nlu` scores each extractor apart (an entity carries the name of the component that found
it): DIET's report leaves out the catalogue names the catalogue filter finds in the text
(bot/rasa_server/nlu/entity_filter.py) and the Ukrainian and English models' entities on messages
read in those languages. This scores their union, the entities the actions receive, with Rasa's own
evaluation (the same token alignment and report), and prints micro and macro F1 and each type's F1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
from pathlib import Path

ASSISTANT = "assistant"


def assistant_entity_report(model: Path, evaluation: Path, out: Path | None = None) -> dict:
    import structlog
    from rasa.core.agent import Agent
    from rasa.nlu.test import evaluate_entities, get_eval_data
    from rasa.shared.nlu.training_data.loading import load_data

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    agent = Agent.load(str(model))
    _, _, results = asyncio.run(get_eval_data(agent.processor, load_data(str(evaluation))))
    for result in results:
        for entity in result.entity_predictions:
            entity["extractor"] = ASSISTANT
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    evaluated = evaluate_entities(
        results,
        {ASSISTANT},
        str(out) if out is not None else None,
        successes=False,
        errors=out is not None,
        disable_plotting=True,
        report_as_dict=True,
    )
    return evaluated[ASSISTANT]["report"]


def summary(report: dict) -> dict[str, float]:
    types = {k: round(v["f1-score"], 3) for k, v in report.items() if isinstance(v, dict) and "avg" not in k}
    return {
        "micro_f1": round((report.get("micro avg") or report.get("accuracy") or {}).get("f1-score", 0.0), 3),
        "macro_f1": round(report["macro avg"]["f1-score"], 3),
        **types,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--nlu", type=Path, required=True)
    parser.add_argument("--out", type=Path, help="folder for the report and the errors")
    args = parser.parse_args()
    print(json.dumps(summary(assistant_entity_report(args.model, args.nlu, args.out)), ensure_ascii=False))


if __name__ == "__main__":
    main()
