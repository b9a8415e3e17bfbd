"""The site shell: settings, URLs, plugin registry, home page, base templates.

Imported as ``siteshell`` (see setup.py): the standard library owns ``site``.
"""
