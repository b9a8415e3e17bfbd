"""The body of a resource: text, and the shared media blocks (``media.blocks``)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

import media.blocks as media_blocks


class ResourceBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label=_("小标题"), form_classname="title", max_length=80)
    paragraph = blocks.RichTextBlock(label=_("正文"), features=["bold", "italic", "ol", "ul", "link"])
    image = media_blocks.ImageBlock()
    video = media_blocks.VideoBlock()
    video_embed = media_blocks.VideoEmbedBlock()
    audio = media_blocks.AudioBlock()
    document = media_blocks.DocumentLinkBlock()

    class Meta:
        label = _("正文")
