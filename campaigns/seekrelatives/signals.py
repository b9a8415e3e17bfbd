"""Signal handlers: a sender's data erased (on request, in 个人信息查询) takes their attachments
and additions with it; a story published or unpublished refreshes its martyr's record page; a
clue, case or list entry saved or deleted clears the cached figures."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from campaigns.seekrelatives.figures import figures_changed
from campaigns.seekrelatives.housekeeping import erase_clue_files
from campaigns.seekrelatives.models import Clue, ClueCase, SoughtMartyr, SuccessStoryPage
from campaigns.seekrelatives.pagecache import story_changed


@receiver(post_save, sender=Clue, dispatch_uid="seekrelatives.clue_erased")
def clue_erased(sender, instance, update_fields=None, **kwargs):
    if instance.personal_data_erased_at is not None and (
        update_fields is None or "personal_data_erased_at" in update_fields
    ):
        erase_clue_files(instance)


@receiver(page_published, sender=SuccessStoryPage, dispatch_uid="seekrelatives.story_published")
@receiver(page_unpublished, sender=SuccessStoryPage, dispatch_uid="seekrelatives.story_unpublished")
def story_published(sender, instance, **kwargs):
    story_changed(instance)


def counted_changed(sender, **kwargs):
    figures_changed()


for counted in (Clue, ClueCase, SoughtMartyr):
    for signal in (post_save, post_delete):
        signal.connect(counted_changed, sender=counted, dispatch_uid=f"seekrelatives.figures.{counted.__name__}")
