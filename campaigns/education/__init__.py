"""国防教育: national-defence education resources for schools by grade band and topic (lesson
plans, readers, videos, stories), printable and downloadable, and the 红星班 / 少年军校 pages
listing participating schools and their activities."""
