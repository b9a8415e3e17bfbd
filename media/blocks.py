"""StreamField blocks for media, shared by every plugin.

Use them in a plugin's ``StreamBlock``::

    image = media_blocks.ImageBlock()
    gallery = media_blocks.GalleryBlock()
    video = media_blocks.VideoBlock()            # an uploaded film with poster and captions
    video_embed = media_blocks.VideoEmbedBlock() # a film on a video platform
    audio = media_blocks.AudioBlock()            # an oral history with its transcript
    document = media_blocks.DocumentLinkBlock()

The templates load ``media/css/media.css`` styles (class names ``media-*``).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from media.checks import alt_text_error


class ImageBlock(blocks.StructBlock):
    """An image with its caption and credit. Publishing needs the image's alt text
    (or the image marked decorative); a draft may be saved without it."""

    image = ImageChooserBlock(label=_("图片"))
    caption = blocks.CharBlock(label=_("图片说明"), required=False, help_text=_("不填则使用图片库中的说明"))

    class Meta:
        icon = "image"
        label = _("图片")
        template = "media/blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if image is not None and not self.is_deferred_validation and image.needs_alt_text:
            raise StructBlockValidationError(block_errors={"image": alt_text_error(image)})
        return value


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("标题"), required=False)
    images = blocks.ListBlock(ImageBlock(), label=_("图片"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("图集")
        template = "media/blocks/gallery.html"


class VideoBlock(blocks.StructBlock):
    """A film uploaded to the media library (风采展示小视频), with poster and captions."""

    video = VideoChooserBlock(label=_("视频"))
    caption = blocks.CharBlock(label=pgettext_lazy("text under a video or recording", "说明"), required=False)

    class Meta:
        icon = "media"
        label = _("视频")
        template = "media/blocks/video.html"


class VideoEmbedBlock(blocks.StructBlock):
    """A video hosted on a video platform (哔哩哔哩、腾讯视频、优酷 or any oEmbed provider)."""

    video = EmbedBlock(label=_("视频链接"), help_text=_("视频平台上的视频页面地址"))
    caption = blocks.CharBlock(label=pgettext_lazy("text under a video or recording", "说明"), required=False)

    class Meta:
        icon = "media"
        label = _("外链视频")
        template = "media/blocks/video_embed.html"


class AudioBlock(blocks.StructBlock):
    """An audio recording (口述历史) with its transcript shown beside the player."""

    audio = AudioChooserBlock(label=_("音频"))
    caption = blocks.CharBlock(label=pgettext_lazy("text under a video or recording", "说明"), required=False)
    show_transcript = blocks.BooleanBlock(label=_("显示文字稿"), required=False, default=True)

    class Meta:
        icon = "media"
        label = _("音频")
        template = "media/blocks/audio.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文档"))
    title = blocks.CharBlock(label=_("链接文字"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("文档下载")
        template = "media/blocks/document_link.html"


class MediaStreamBlock(blocks.StreamBlock):
    """Every media block, for a plugin that wants them all in one go."""

    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    video_embed = VideoEmbedBlock()
    audio = AudioBlock()
    document = DocumentLinkBlock()

    class Meta:
        label = _("媒体")
