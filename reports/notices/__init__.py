"""A notice per department: what it must fix and what it still owes, ready to send."""
