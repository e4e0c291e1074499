"""Latin-letter copies of the Cyrillic training messages of the Ukrainian and English crisis classifier."""

from __future__ import annotations

from bot.nlp.safety.latin_copies import ENGLISH_STYLE, POLISH_STYLE, in_latin_letters, style_for, with_latin_copies


def test_both_spellings_people_type() -> None:
    text = "Хочу вмерти, щоб усе скінчилось. Чоловік б'є мене"
    assert in_latin_letters(text, ENGLISH_STYLE) == "khochu vmerty, shchob use skinchylos. cholovik bye mene"
    assert in_latin_letters(text, POLISH_STYLE) == "choczu wmerty, szczob use skinczylos. czolowik bje mene"


def test_each_cyrillic_example_gets_one_copy_with_its_label() -> None:
    texts = ["ночую на вокзалі, нема де спати", "szukam pracy", "мені 34 роки", "I lost my job"]
    labels = ["shelter", "none", "none", "none"]
    more_texts, more_labels = with_latin_copies(texts, labels)
    assert more_texts[:4] == texts and more_labels[:4] == labels, "the examples themselves stay first"
    assert more_labels[4:] == ["shelter", "none"]
    assert more_texts[4] == in_latin_letters(texts[0], style_for(texts[0]))
    assert more_texts[5] in {in_latin_letters(texts[2], s) for s in (ENGLISH_STYLE, POLISH_STYLE)}
    assert with_latin_copies(texts, labels) == (more_texts, more_labels), "the same on every run"


def test_the_two_styles_are_both_used() -> None:
    texts = [f"я шукаю роботу {n}" for n in range(20)]
    assert {id(style_for(t)) for t in texts} == {id(ENGLISH_STYLE), id(POLISH_STYLE)}


def test_the_router_learns_both_spellings_of_each_cyrillic_ukrainian_message() -> None:
    from bot.nlp.safety.training import extra_files, read_set, router_examples

    ukrainian_file = next(p for p in extra_files() if p.stem.endswith("_uk"))
    cyrillic = next(text for text, _ in read_set(ukrainian_file) if text and not text.isascii())
    with_copies, polish = router_examples(latin_copies=True)
    without, _ = router_examples(latin_copies=False)
    spellings = {in_latin_letters(cyrillic, ENGLISH_STYLE), in_latin_letters(cyrillic, POLISH_STYLE)}
    assert spellings <= set(with_copies) and not spellings & set(without)
    assert not spellings & set(polish)


def test_the_foreign_classifier_reads_latin_letters_from_cyrillic_examples() -> None:
    from bot.nlp.safety.foreign_classifier import ForeignCrisisClassifier, ForeignSettings

    texts = ["хочу вмерти сьогодні вночі", "все, більше не можу жити", "шукаю роботу на складі", "де тут ОПС"]
    texts += ["szukam pracy w Warszawie", "mam 34 lata", "gdzie jest urząd pracy", "czy dostanę zasiłek"]
    labels = ["suicide", "suicide"] + ["none"] * 6
    latin = "khochu vmerty sohodni"
    plain = ForeignCrisisClassifier(settings=ForeignSettings(latin_copies=False)).fit(texts, labels)
    copied = ForeignCrisisClassifier(settings=ForeignSettings(latin_copies=True)).fit(texts, labels)
    assert copied.probabilities([latin])[0]["suicide"] > plain.probabilities([latin])[0]["suicide"] + 0.1
