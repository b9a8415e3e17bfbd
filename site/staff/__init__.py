"""Staff accounts in the admin, the Chinese way: one 姓名 field, names in Chinese order,
initials for avatars, the time zones the bureau uses (docs/staff-admin.md).

Django's user keeps ``first_name`` and ``last_name``; a Chinese name is not two fields in
Western order. The whole name is stored in ``first_name`` with ``last_name`` left empty, so
both of Django's names return it as written (王小明): ``get_full_name()``, which Wagtail shows
wherever it names a person, and ``get_short_name()``/``first_name``, which Wagtail's sidebar and
greetings use. No surname list is needed: compound surnames (欧阳, 司马), names of ethnic
minorities without a surname and foreign names all keep their form.
"""
