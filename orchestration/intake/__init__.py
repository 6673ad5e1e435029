"""Department submissions into the raw schema: archive, parse, validate, quarantine, load."""

from orchestration.intake.run import run_intake

__all__ = ["run_intake"]
