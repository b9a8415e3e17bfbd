"""Media shared by every plugin. Images carry credit, source and alt text; video and audio
carry a poster, captions and a transcript."""

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index
from wagtailmedia.models import AbstractMedia

from media import uploads
from media.renditions import image_filter


class CommemorationImage(AbstractImage):
    """An image with the facts a publicity office must keep about it."""

    alt_text = models.CharField(
        _("替代文字"),
        max_length=255,
        blank=True,
        help_text=_("为视障读者描述图片内容，例如“黄继光烈士塑像”。装饰性图片可勾选下方选项而不填写。"),
    )
    is_decorative = models.BooleanField(
        _("装饰性图片"), default=False, help_text=_("纯装饰、不传达信息的图片，读屏软件会跳过")
    )
    caption = models.CharField(_("图片说明"), max_length=255, blank=True)
    author = models.CharField(_("摄影/作者"), max_length=100, blank=True)
    source = models.CharField(_("来源"), max_length=255, blank=True)
    licence = models.CharField(_("版权或许可"), max_length=255, blank=True)
    date_taken = models.DateField(_("拍摄日期"), null=True, blank=True)

    admin_form_fields = Image.admin_form_fields + (
        "alt_text",
        "is_decorative",
        "caption",
        "author",
        "source",
        "licence",
        "date_taken",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("图片")
        verbose_name_plural = _("图片")

    @property
    def default_alt_text(self):
        if self.is_decorative:
            return ""
        return self.alt_text or self.title

    @property
    def needs_alt_text(self):
        """True while the image may not appear on published content (no alt text, not decorative)."""
        return not self.is_decorative and not self.alt_text.strip()

    def save(self, *args, **kwargs):
        # Files that did not come through the admin form (imports, demo data, scripts) are
        # cleaned here, so no original on disk keeps its GPS position.
        if self.file and not getattr(self.file, "_committed", True):
            upload = self.file.file
            if not getattr(upload, uploads.SANITIZED_FLAG, False):
                self.file = uploads.clean_image_upload(upload, self.file.name)
                self._set_image_file_metadata()
        super().save(*args, **kwargs)

    def get_renditions(self, *filters):
        # A spec string is parsed into a Filter once per process, not on every call.
        return super().get_renditions(*(image_filter(f) if isinstance(f, str) else f for f in filters))

    def get_rendition(self, filter):
        # Wagtail 7.4's get_rendition() writes the rendition to the cache on every call, even
        # one it has just read from there; get_renditions() writes only what it did not find
        # in the cache or a prefetch (upstream fix: wagtail/wagtail#14541, after 7.4).
        return next(iter(self.get_renditions(filter).values()))


class CommemorationRendition(AbstractRendition):
    image = models.ForeignKey(CommemorationImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def __setstate__(self, state):
        super().__setstate__(state)
        # Unpickled means read from the cache: Wagtail 7.4 marks only prefetched renditions
        # as ``_from_cache`` and so wrote every cached one back on every request
        # (wagtail/wagtail#14541, fixed after 7.4).
        self._from_cache = True


class CommemorationMedia(AbstractMedia):
    """A video (风采展示小视频) or an audio recording (口述历史) with what makes it accessible."""

    poster = models.ForeignKey(
        CommemorationImage,
        verbose_name=_("封面图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("视频播放前显示的画面"),
    )
    captions = models.FileField(
        _("字幕文件（WebVTT）"),
        upload_to="media_captions",
        blank=True,
        validators=[FileExtensionValidator(["vtt"])],
        help_text=_("听障观众需要字幕。请上传 UTF-8 编码的 .vtt 文件。"),
    )
    captions_language = models.CharField(_("字幕语言"), max_length=20, default="zh-Hans")
    transcript = models.TextField(
        _("文字稿"), blank=True, help_text=_("口述历史的完整文字稿，显示在播放器旁，也供搜索使用")
    )
    description = models.TextField(_("简介"), blank=True)

    admin_form_fields = (
        "title",
        "file",
        "collection",
        "poster",
        "captions",
        "captions_language",
        "transcript",
        "description",
        "duration",
        "width",
        "height",
        "tags",
    )

    search_fields = AbstractMedia.search_fields + [
        index.SearchField("transcript"),
        index.SearchField("description"),
    ]

    class Meta(AbstractMedia.Meta):
        verbose_name = _("视频与音频")
        verbose_name_plural = _("视频与音频")

    def clean(self, *args, **kwargs):
        super().clean(*args, **kwargs)
        errors = {}
        if self.file and not getattr(self.file, "_committed", True):
            try:
                uploads.validate_media_file(self.file.file, self.type)
            except ValidationError as error:
                errors["file"] = error
        if self.captions and not getattr(self.captions, "_committed", True):
            try:
                uploads.validate_webvtt(self.captions.file)
            except ValidationError as error:
                errors["captions"] = error
        if errors:
            raise ValidationError(errors)

    @property
    def mime_type(self):
        return self.sources[0]["type"]
