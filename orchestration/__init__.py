"""planwatch: a data warehouse that monitors a five-year plan."""
