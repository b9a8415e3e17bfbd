"""Notifications to the public (email, SMS) and tracking codes of their submissions."""
