"""Staff names: one field, stored whole, shown as written (see the package docstring)."""

import re

#: Han characters (CJK ideographs and their extensions): a name in Chinese has no spaces.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002ebef]")


def is_chinese(text):
    return bool(HAN.search(text or ""))


def merge_name_parts(first_name, last_name):
    """The whole name from Django's two fields: 姓 then 名 for a Chinese name
    (``"小明", "王"`` → ``"王小明"``), given name first otherwise (``"Anna", "Li"`` → ``"Anna Li"``)."""
    first_name, last_name = (first_name or "").strip(), (last_name or "").strip()
    if is_chinese(first_name) or is_chinese(last_name):
        return f"{last_name}{first_name}"
    return " ".join(part for part in (first_name, last_name) if part)


def store_full_name(user, full_name):
    """Keeps the whole name in ``first_name``: ``get_full_name()`` and ``get_short_name()`` then
    both return it unchanged."""
    user.first_name = " ".join((full_name or "").split())
    user.last_name = ""


def full_name(user):
    """The name as the staff member wrote it (also for users saved before names were one field)."""
    return merge_name_parts(getattr(user, "first_name", ""), getattr(user, "last_name", ""))


def initials(user):
    """What an avatar shows: the given name of a Chinese name (the last two characters, as
    Chinese office software does: 王小明 → 小明, 王芳 → 王芳), the initials of another name, or
    the first letter of the username."""
    name = full_name(user)
    if is_chinese(name):
        if "·" in name:
            # 阿依古丽·买买提: the given name comes first, before the father's name.
            return name.split("·")[0].strip()[:2]
        return name.replace(" ", "")[-2:]
    words = name.split()
    if words:
        return "".join(word[0] for word in words[:2]).upper()
    username = user.get_username() if hasattr(user, "get_username") else ""
    return (username[:1] or "?").upper()
