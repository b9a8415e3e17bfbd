from django.utils.translation import gettext_lazy as _

from siteshell.plugins import PluginConfig


class MediaConfig(PluginConfig):
    name = "media"
    label = "media"
    verbose_name = _("媒体库")

    class PluginMeta:
        name = _("媒体库")
        version = "0.1.0"
        description = _("图片、视频、音频和文档的上传、保管与展示")
        category = "service"
