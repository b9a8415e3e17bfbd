"""The staff group of the campaign (imported by ``apps.py`` before Django is set up: nothing else
here)."""

from django.utils.translation import gettext_lazy as _

#: The group that works the cases and alone sees the senders' personal data in full.
CASE_TEAM = _("寻亲专班")
