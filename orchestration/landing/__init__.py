"""The landing archive, the system of record: every file's bytes and the append-only ledger."""
