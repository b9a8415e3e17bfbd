"""A term saved in or deleted from the 搜索词典 reaches this process's tokenizer at once (the
other processes check within ``SEARCH_DICTIONARY_CHECK_SECONDS``). Connected in
``SearchConfig.ready()``."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search import analysis
from search.models import SearchTerm


@receiver(post_save, sender=SearchTerm, dispatch_uid="search_term_saved")
@receiver(post_delete, sender=SearchTerm, dispatch_uid="search_term_deleted")
def refresh_dictionary(sender, **kwargs):
    analysis.refresh_dictionary()
