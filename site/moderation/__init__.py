"""The shell's moderation service: everything the public submits waits here for staff."""
