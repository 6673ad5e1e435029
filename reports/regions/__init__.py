"""A prefecture's or province's view: its counties side by side, with roll-ups where additive."""
