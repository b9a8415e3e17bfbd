"""A term saved in or deleted from the 搜索词典, or a group of the 搜索同义词, reaches this
process at once (the other processes check within ``SEARCH_DICTIONARY_CHECK_SECONDS``); the
synonyms also reach Elasticsearch when it is configured. Connected in ``SearchConfig.ready()``."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search import analysis
from search.models import SearchSynonym, SearchTerm


@receiver(post_save, sender=SearchTerm, dispatch_uid="search_term_saved")
@receiver(post_delete, sender=SearchTerm, dispatch_uid="search_term_deleted")
def refresh_dictionary(sender, **kwargs):
    analysis.refresh_dictionary()


@receiver(post_save, sender=SearchSynonym, dispatch_uid="search_synonym_saved")
@receiver(post_delete, sender=SearchSynonym, dispatch_uid="search_synonym_deleted")
def refresh_synonyms(sender, **kwargs):
    analysis.refresh_synonyms()
    transaction.on_commit(push_synonyms_to_elasticsearch)


def push_synonyms_to_elasticsearch():
    from search.service import elasticsearch_backend

    backend = elasticsearch_backend()
    if backend is not None:
        backend.update_synonyms()
