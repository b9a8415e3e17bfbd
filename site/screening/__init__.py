"""Sensitive-word screening (敏感词): one pass over a text, for the moderators."""
