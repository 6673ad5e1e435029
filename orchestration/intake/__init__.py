"""Department submissions into the raw schema: archive, parse, validate, quarantine, load."""

from orchestration.intake.assets import intake_assets
from orchestration.intake.run import run_intake
from orchestration.intake.sensors import raw_files_sensor

__all__ = ["intake_assets", "raw_files_sensor", "run_intake"]
