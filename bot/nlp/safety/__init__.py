"""Safety first: recognising a person in danger in what they write, and in which kind of danger.

Two detectors work side by side and their findings are combined in `assess`:
- `signals`: lemma-based patterns (lexicon.yml) for explicit phrases, methods, places and plans,
  matched on every inflected form with or without diacritics, with negation, distance ("kiedyś",
  "rok temu") and idioms ("umieram z nudów") taken into account;
- `classifier`: a trained classifier over character n-grams and lemmas, for the many ways people
  say it that no pattern lists.

Ukrainian and English (issue 14) have their own lexicons of word stems (lexicon_uk.yml,
lexicon_en.yml), read beside the Polish one; `languages` keeps a lexicon off a message plainly in
another language.

A miss is the worst failure this product can have; a false alarm costs one extra message. So a
sure finding gets the help numbers at once, and an unsure one a direct question with the numbers.
"""

# Set by the Rasa server in `session_started_metadata` when a session opens with a cry for help:
# the greeting waits, the numbers come first (bot/rasa_server/safety_first.py, actions/session.py).
QUIET_START = "quiet_start"
