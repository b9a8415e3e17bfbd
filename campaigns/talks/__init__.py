"""老兵宣讲: veterans' talks in schools, communities and memorial facilities — a public calendar
with iCalendar feeds, and booking requests from schools reviewed in the moderation inbox."""
