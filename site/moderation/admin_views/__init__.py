"""The inbox (待办) in the Wagtail admin: kinds, lists, review pages, reports, the export."""
