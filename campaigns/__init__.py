"""Campaigns (专项活动): the seek-relatives campaign, veterans' talks with school booking and
national-defence education resources — each a plugin of its own (``campaigns/<name>/``), switched
on or off alone."""
