"""网上祭英烈 / 云祭扫: online tribute halls for the published martyr records (see docs/tributes.md).

A plugin of its own (label ``tributes``) that requires ``memorials`` and uses it only through
``memorials.interface`` and its extension points, so a bureau can switch the halls off and keep
the archive.
"""
