"""A test plugin that uses the shell's tracking codes and notifications as a real plugin would
(a request for proxy sweeping, say): see docs/notifications.md."""
