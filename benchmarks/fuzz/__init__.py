"""Conversation fuzzer: many generated conversations against the running stack, invariants after every turn.

    .venv/bin/python -m benchmarks.fuzz --conversations 150 --seed 1 [--out violations.json]

Modules: `pool` (Polish messages annotated with the facts they state), `noise` (typos, missing
diacritics), `answers` (answers to the question the bot showed), `generator` (the simulated
person), `reading` (what a reply shows), `invariants` (the six checks), `services` (starting the
Rasa server, action server and web app), `runner` (conversations in parallel, the report).
"""
