"""Talks × honour roll: a speaker linked to an honour-roll profile shows their honour on the talk
page, and the profile shows their upcoming talks. A plugin of its own because it needs both:
it is left out with either, and talks works without the honour roll (speakers as plain text)."""
