from django.db import models
from wagtail.models import Page
from wagtail.search import index


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
