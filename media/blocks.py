"""StreamField blocks for media, shared by every plugin."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("图片"))
    caption = blocks.CharBlock(label=_("图片说明"), required=False, help_text=_("不填则使用图片库中的说明"))

    class Meta:
        icon = "image"
        label = _("图片")
        template = "media/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("标题"), required=False)
    images = blocks.ListBlock(ImageBlock(), label=_("图片"), min_num=1)

    class Meta:
        icon = "doc-full"
        label = _("图集")
        template = "media/blocks/gallery.html"


class VideoEmbedBlock(blocks.StructBlock):
    """A video hosted on a video platform (an uploaded file is the media library's job)."""

    video = EmbedBlock(label=_("视频链接"), help_text=_("视频平台上的视频页面地址"))
    caption = blocks.CharBlock(label=_("说明"), required=False)

    class Meta:
        icon = "media"
        label = _("外链视频")
        template = "media/blocks/video_embed.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文档"))
    title = blocks.CharBlock(label=_("链接文字"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("文档下载")
        template = "media/blocks/document_link.html"
