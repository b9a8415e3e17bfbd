"""A test plugin that builds on another plugin: it requires ``memorials``, points a foreign key
at a martyr record through ``memorials.interface`` and adds a staff-written note to the record
page through the extension point ``memorials.record.actions``."""
