from django.utils.translation import gettext_lazy as _

from siteshell.plugins import PluginConfig


class MediaConfig(PluginConfig):
    name = "media"
    label = "media"
    verbose_name = _("媒体库")

    class PluginMeta:
        name = _("媒体库")
        version = "0.2.0"
        description = _("图片、视频、音频和文档的上传、保管与展示")
        category = "service"

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_migrate, post_save
        from PIL import Image
        from pillow_heif import register_heif_opener
        from wagtail.images import get_image_model

        from media.checks import install_image_field_override
        from media.groups import grant_media_permissions
        from media.signal_handlers import enqueue_rendition_generation

        # iPhone photos (HEIC) open like any other image, for uploads and renditions alike.
        register_heif_opener()
        # Pillow refuses to decode anything beyond twice this; renditions of an image that
        # somehow got past the upload check cannot exhaust memory either.
        Image.MAX_IMAGE_PIXELS = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", Image.MAX_IMAGE_PIXELS)
        install_image_field_override()
        # Connected after the shell's group sync (siteshell is first in INSTALLED_APPS), so the
        # plugins' groups exist when their upload rights are granted.
        post_migrate.connect(grant_media_permissions, dispatch_uid="media.grant_media_permissions")
        # Renditions are made when an image is saved, not when a visitor first asks for them.
        post_save.connect(
            enqueue_rendition_generation, sender=get_image_model(), dispatch_uid="media.generate_renditions"
        )
