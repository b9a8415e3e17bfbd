"""Speakers: veterans, martyrs' relatives and others of the 老兵宣讲团, by name. A speaker may be
linked to a page of another plugin (an honour-roll profile) when an enabled plugin offers one
(``campaigns.talks.extensions.SPEAKER_PAGE_TYPES``); otherwise the name is all there is."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.search import index

from campaigns.talks.extensions import speaker_page_types


class ProfilePagePanel(PageChooserPanel):
    """The speaker's profile page, offered only while a plugin names the page types speakers may
    link to. Without one the field stays out of the form, so a link made earlier is kept."""

    def get_form_options(self):
        types = speaker_page_types()
        if not types:
            return {}
        self.page_type = types
        return super().get_form_options()

    class BoundPanel(PageChooserPanel.BoundPanel):
        def is_shown(self):
            return self.field_name in self.form.fields and super().is_shown()


class Speaker(index.Indexed, models.Model):
    name = models.CharField(_("姓名"), max_length=50)
    role = models.CharField(
        _("身份"),
        max_length=100,
        blank=True,
        help_text=_("例如“抗美援朝老战士”“烈士亲属”“全国老兵宣讲团成员”"),
    )
    bio = models.TextField(_("简介"), blank=True, max_length=1000)
    profile_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("人物风采页面"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("宣讲人也是荣誉风采人物时，选择其人物页面，页面上会显示他的近期宣讲"),
    )
    accepts_bookings = models.BooleanField(
        _("接受学校预约"), default=True, help_text=_("勾选后，学校预约宣讲时可以指定这位宣讲人")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("bio"),
        ProfilePagePanel("profile_page"),
        FieldPanel("accepts_bookings"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("role")]

    class Meta:
        verbose_name = _("宣讲人")
        verbose_name_plural = pgettext_lazy("plural", "宣讲人")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name}（{self.role}）" if self.role else self.name

    def clean(self):
        super().clean()
        types = {name.lower() for name in speaker_page_types()}
        if self.profile_page_id and types:
            page_type = self.profile_page.specific_class
            if page_type is None or page_type._meta.label_lower not in types:
                raise ValidationError({"profile_page": _("只能选择人物风采页面")})
