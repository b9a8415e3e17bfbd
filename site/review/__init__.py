"""Editorial review: the two-step workflow (初审 → 终审), the staff roles and the audit trail."""
