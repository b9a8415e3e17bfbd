"""Demo: the talks' speakers who are also on the honour roll are linked to their profiles (by
name), once both demos are loaded. Idempotent: a link already made is kept."""

from django.utils.translation import gettext as _

from campaigns.talks.interface import Speaker
from honors.interface import published_profiles


def load_demo(context):
    linked = 0
    for speaker in Speaker.objects.filter(profile_page__isnull=True):
        profile = published_profiles().filter(title=speaker.name).first()
        if profile is not None:
            speaker.profile_page = profile
            speaker.save(update_fields=["profile_page"])
            linked += 1
    context.log("  " + _("宣讲人荣誉风采：关联 %(count)d 位宣讲人的人物页") % {"count": linked})
