"""A word saved in or deleted from the list reaches this process's automaton at once (the
other processes check within ``SCREENING_CHECK_SECONDS``). Connected in
``ScreeningConfig.ready()``."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from siteshell.screening import matcher
from siteshell.screening.models import SensitiveWord


@receiver(post_save, sender=SensitiveWord, dispatch_uid="sensitive_word_saved")
@receiver(post_delete, sender=SensitiveWord, dispatch_uid="sensitive_word_deleted")
def forget_word_list(sender, **kwargs):
    matcher.invalidate()
