from django.db import models
from wagtail.models import Page
from wagtail.search import index

from siteshell.moderation.models import ModeratedSubmission, moderation_indexes


class SampleIndexPage(Page):
    parent_page_types = ["siteshell.HomePage"]
    subpage_types = ["sampleplugin.SampleStoryPage"]
    template = "sampleplugin/index_page.html"

    class Meta:
        verbose_name = "纪念活动栏目"


class SampleStoryPage(Page):
    summary = models.CharField("摘要", max_length=200, blank=True)

    parent_page_types = ["sampleplugin.SampleIndexPage"]
    subpage_types = []
    search_fields = Page.search_fields + [index.SearchField("summary")]
    template = "sampleplugin/story_page.html"

    class Meta:
        verbose_name = "纪念活动报道"


class GuestbookMessage(ModeratedSubmission):
    """A short public message (a kind moderated in bulk)."""

    name = models.CharField("署名", max_length=30)
    text = models.CharField("留言", max_length=500)

    moderation_search_fields = ("text", "name")

    class Meta(ModeratedSubmission.Meta):
        verbose_name = "留言"
        verbose_name_plural = "留言"
        indexes = moderation_indexes("sample_guestbook")

    def __str__(self):
        return f"{self.name}：{self.text[:20]}"

    def moderation_text(self):
        return f"{self.name}\n{self.text}"

    def moderation_title(self):
        return f"{self.name}的留言"

    def moderation_public_url(self):
        from django.urls import reverse

        return reverse("sampleplugin:guestbook") + f"#message-{self.pk}"

    def moderation_details(self):
        return [("署名", self.name)]


class Letter(ModeratedSubmission):
    """A long letter (a kind reviewed one at a time)."""

    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文")
    #: Personal data: never shown in moderation_details.
    sender_phone = models.CharField("联系电话", max_length=30, blank=True)

    moderation_search_fields = ("title", "body")

    class Meta(ModeratedSubmission.Meta):
        verbose_name = "书信"
        verbose_name_plural = "书信"
        indexes = moderation_indexes("sample_letter")

    def __str__(self):
        return self.title

    def moderation_text(self):
        return f"{self.title}\n{self.body}"

    def moderation_title(self):
        return self.title

    def moderation_details(self):
        return [("标题", self.title), ("字数", str(len(self.body)))]

    def moderation_personal_data(self):
        return [("联系电话", self.sender_phone)]
