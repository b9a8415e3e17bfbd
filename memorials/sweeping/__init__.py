"""代祭扫 (proxy tomb sweeping): a family who cannot travel asks the memorial facility's staff to
sweep a martyr's grave for them; staff accept, schedule and do it, upload photos, and the family
follows every step on a status page with a tracking code.

A plugin of its own (label ``sweeping``) that requires the martyr archive and uses it only
through ``memorials.interface`` and its extension points, so a bureau can switch it off alone
(``SITE_PLUGINS_DISABLED=sweeping``). See docs/sweeping.md.
"""
