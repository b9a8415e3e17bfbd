from django.utils.translation import gettext_lazy as _

from siteshell.plugins import PluginConfig


class SpeakerProfilesConfig(PluginConfig):
    name = "campaigns.talks.speakerprofiles"
    label = "speakerprofiles"
    verbose_name = _("宣讲人荣誉风采")

    class PluginMeta:
        name = _("宣讲人荣誉风采")
        version = "1.0.0"
        description = _("宣讲人可关联荣誉风采人物页：宣讲页显示其荣誉，人物页显示其近期宣讲")
        author = _("示范市退役军人事务局")
        category = "content"
        requires = ("talks", "honors")
        compatibility = ">=1.0,<2"

    def load_demo(self, context):
        from campaigns.talks.speakerprofiles.demo import load_demo

        load_demo(context)
