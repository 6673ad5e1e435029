"""The submission datasets: one module each, their shared types (spec) and the registry."""
