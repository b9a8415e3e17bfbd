"""Loads the starter list (``starter_words.txt``): only words not in the list yet, in any
spelling, so running it again, or on a database where staff already added words, changes
nothing they entered. Going back leaves the words in place (staff may have kept them)."""

from django.db import migrations

STARTER_NOTE = "初始词库"


def load_starter_words(apps, schema_editor):
    from siteshell.screening.normalisation import normalise
    from siteshell.screening.wordlists import starter_words

    SensitiveWord = apps.get_model("screening", "SensitiveWord")
    known = set(SensitiveWord.objects.values_list("normalised", flat=True))
    new = []
    for category, word in starter_words():
        normalised = normalise(word)
        if normalised and normalised not in known:
            known.add(normalised)
            new.append(SensitiveWord(word=word, normalised=normalised, category=category, note=STARTER_NOTE))
    SensitiveWord.objects.bulk_create(new)


class Migration(migrations.Migration):
    dependencies = [("screening", "0001_initial")]

    operations = [migrations.RunPython(load_starter_words, migrations.RunPython.noop)]
