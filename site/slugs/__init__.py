"""Readable page addresses: a page's slug (缩略名) is made from its title in pinyin
(李卫国 → ``li-weiguo``), for every page type, unique among its siblings (``li-weiguo-2``),
and stays editable.

- :mod:`~siteshell.slugs.pinyin` — the title written in pinyin;
- :mod:`~siteshell.slugs.pages` — unique among siblings;
- :mod:`~siteshell.slugs.setup` — :func:`~siteshell.slugs.setup.install` (called by the shell's
  ``AppConfig.ready``): pages saved without a slug (``add_child``, the admin) get the pinyin one;
- :mod:`~siteshell.slugs.forms` — the admin form: an empty slug is filled when the form is
  cleaned, so saving works without JavaScript;
- :mod:`~siteshell.slugs.views` and ``siteshell/js/pinyin-slug.js`` — the editor shows the
  slug while the title is typed (in place of Wagtail's own title → slug sync, which would
  write the Chinese characters).
"""
