"""The admin form of every page: the slug (缩略名) may be left empty; it is then made from the
title in pinyin when the form is saved, previewed or autosaved, with or without JavaScript."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from siteshell.slugs.pages import page_slug


class PinyinSlugPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug = self.fields.get("slug")
        if slug is None:
            return
        slug.required = False
        slug.help_text = _(
            "网址中代表本页的部分，只用小写字母、数字和连字符。不填则按标题的拼音自动生成，如“李卫国”为 li-weiguo。"
        )
        slug.widget.attrs.update(self._pinyin_attributes())

    def _pinyin_attributes(self):
        """What ``siteshell/js/pinyin-slug.js`` needs to fill the slug while the title is typed."""
        query = {}
        if self.parent_page is not None:
            query["parent"] = self.parent_page.pk
        if self.instance.pk:
            query["page"] = self.instance.pk
        attributes = {"data-pinyin-slug-url": f"{reverse('siteshell_slugs:pinyin')}?{urlencode(query)}"}
        # As Wagtail's own title → slug sync: a published page keeps its address when renamed.
        if not (self.instance.pk and self.instance.live):
            attributes["data-pinyin-slug-sync"] = "auto"
            if self.instance.pk and self.instance.title:
                attributes["data-pinyin-slug-auto"] = page_slug(self.instance.title, self.parent_page, self.instance)
        return attributes

    def clean(self):
        if "slug" in self.fields and not self.cleaned_data.get("slug") and "slug" not in self.errors:
            title = self.cleaned_data.get("title")
            slug = page_slug(title, self.parent_page, self.instance) if title else ""
            if slug:
                self.cleaned_data["slug"] = slug
            elif title:
                # On the title, which is in sight, and on the slug, on the tab where it is filled in.
                message = _("标题里没有能写进网址的文字，请手动填写缩略名。")
                self.add_error("title", message)
                self.add_error("slug", message)
        return super().clean()
