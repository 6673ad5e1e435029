"""Data steward actions on submissions (list, withdraw, reprocess), recorded in the ledger."""
