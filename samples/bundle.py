"""The bundled SYNTHETIC sample submissions in raw/<department>/, seeded and deterministic."""

from __future__ import annotations

from pathlib import Path

from orchestration.settings import SEEDS_DIR, TEMPLATES_DIR
from samples.indicators import write_indicators
from samples.projects import write_project_files
from samples.sectors import write_sectors
from samples.writer import Expect, Samples


def write_samples(raw: Path = TEMPLATES_DIR.parent, seeds_dir: Path = SEEDS_DIR) -> Expect:
    """Write every sample file under raw/<department>/ and return the expected outcomes."""
    samples = Samples(raw, seeds_dir)
    write_indicators(samples)
    write_sectors(samples)
    write_project_files(raw, seeds_dir, samples.names, samples.rng, samples.expect)
    return samples.expect
