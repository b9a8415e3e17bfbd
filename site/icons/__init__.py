"""The site's icon set: a red five-pointed star on a plain ground, drawn in code (no artwork to
license). ``drawing`` makes the files under ``static/siteshell/icons/`` (``manage.py
make_site_icons``); ``views`` serves ``/favicon.ico`` and the web app manifest."""
