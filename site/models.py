"""The shell's own content: the home page and the site-wide settings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from siteshell import plugins
from siteshell.modes import parse_extra_dates


class QuickLinkBlock(blocks.StructBlock):
    """A prominent link on the home page (e.g. 网上祭英烈, 为烈士寻亲)."""

    title = blocks.CharBlock(label=_("标题"), max_length=40)
    description = blocks.CharBlock(label=_("说明"), max_length=80, required=False)
    page = blocks.PageChooserBlock(label=_("站内页面"), required=False)
    url = blocks.URLBlock(label=_("外部链接"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("请选择站内页面或填写外部链接"))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("快捷入口")
        template = "siteshell/blocks/quick_link.html"


class HomePage(Page):
    """The site's root page. Its sections and child page types come from the plugins."""

    intro = models.TextField(
        _("导语"),
        blank=True,
        max_length=300,
        help_text=_("首页顶部的一段话，建议不超过100字"),
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("题图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quick_links = StreamField(
        [("link", QuickLinkBlock())],
        verbose_name=_("快捷入口"),
        blank=True,
        max_num=8,
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("quick_links"),
        HelpPanel(
            content=_(
                "导语之后“在这里，您可以……”一句列出的服务，和首页下方的栏目（如“最美退役军人风采”），"
                "都由已启用的功能模块自动提供：导语里不必再写。"
            ),
            heading=_("栏目"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    @classmethod
    def clean_subpage_models(cls):
        # Page types under the home page are whatever the enabled plugins declare.
        from wagtail.coreutils import resolve_model_string

        return [resolve_model_string(name, cls._meta.app_label) for name in plugins.home_page_types()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = plugins.home_sections(request, self)
        return context


#: Site settings are read on every page; each process keeps them this long in the cache.
SETTINGS_CACHE_SECONDS = 300


class CachedSiteSetting(BaseSiteSetting):
    """A site setting read from the cache (Redis in production) instead of the database on
    every request; saving it in the admin replaces the cached copy at once."""

    class Meta:
        abstract = True

    @classmethod
    def cache_key(cls, site_id):
        return f"siteshell:setting:{cls._meta.label_lower}:{site_id}"

    @classmethod
    def for_site(cls, site):
        from django.core.cache import cache

        if site is None:
            return super().for_site(site)
        instance = cache.get(cls.cache_key(site.pk))
        if instance is None:
            instance = super().for_site(site)
            cache.set(cls.cache_key(site.pk), instance, SETTINGS_CACHE_SECONDS)
        return instance

    def save(self, *args, **kwargs):
        from django.core.cache import cache

        super().save(*args, **kwargs)
        cache.delete(self.cache_key(self.site_id))

    def delete(self, *args, **kwargs):
        from django.core.cache import cache

        site_id = self.site_id
        result = super().delete(*args, **kwargs)
        cache.delete(self.cache_key(site_id))
        return result


@register_setting(icon="site")
class BureauSettings(CachedSiteSetting):
    """The bureau that runs the site: its name and contact details for the footer."""

    bureau_name = models.CharField(_("单位名称"), max_length=100, default="退役军人事务局")
    tagline = models.CharField(_("口号"), max_length=100, blank=True, default="崇尚英雄　缅怀先烈　关爱退役军人")
    # The admin's branding (siteshell.admin_branding): login page, sidebar, browser tab.
    emblem = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("单位徽标"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("显示在管理后台的登录页、侧栏和浏览器标签上；宜用正方形、背景透明的图片"),
    )
    address = models.CharField(_("地址"), max_length=200, blank=True)
    postcode = models.CharField(_("邮编"), max_length=10, blank=True)
    phone = models.CharField(_("服务电话"), max_length=50, blank=True)
    email = models.EmailField(_("电子邮箱"), blank=True)
    office_hours = models.CharField(_("办公时间"), max_length=100, blank=True)
    icp_number = models.CharField(_("ICP备案号"), max_length=50, blank=True)
    police_record_number = models.CharField(_("公安机关备案号"), max_length=50, blank=True)

    panels = [
        FieldPanel("bureau_name"),
        FieldPanel("tagline"),
        FieldPanel("emblem"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postcode"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
            ],
            heading=_("联系方式"),
        ),
        MultiFieldPanel([FieldPanel("icp_number"), FieldPanel("police_record_number")], heading=_("备案信息")),
    ]

    class Meta:
        verbose_name = _("单位信息")


@register_setting(icon="view")
class DisplaySettings(CachedSiteSetting):
    """Site-wide display modes."""

    class MourningMode(models.TextChoices):
        AUTO = "auto", _("自动（在下列纪念日启用）")
        ON = "on", _("立即启用")
        OFF = "off", _("关闭")

    mourning_mode = models.CharField(
        _("哀悼模式（全站灰色）"),
        max_length=10,
        choices=MourningMode.choices,
        default=MourningMode.AUTO,
    )
    mourning_on_qingming = models.BooleanField(_("清明节（按当年节气计算）"), default=True)
    mourning_on_martyrs_day = models.BooleanField(_("9月30日 烈士纪念日"), default=True)
    mourning_on_memorial_day = models.BooleanField(_("12月13日 国家公祭日"), default=True)
    extra_mourning_dates = models.TextField(
        _("其他哀悼日期"),
        blank=True,
        help_text=_("每行一个日期：09-30 表示每年这一天，2025-04-04 只表示那一天"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("mourning_mode"),
                FieldPanel("mourning_on_qingming"),
                FieldPanel("mourning_on_martyrs_day"),
                FieldPanel("mourning_on_memorial_day"),
                FieldPanel("extra_mourning_dates"),
            ],
            heading=_("哀悼模式"),
        ),
    ]

    class Meta:
        verbose_name = _("显示模式")

    def clean(self):
        super().clean()
        try:
            parse_extra_dates(self.extra_mourning_dates)
        except ValidationError as error:
            raise ValidationError({"extra_mourning_dates": error.messages}) from error
