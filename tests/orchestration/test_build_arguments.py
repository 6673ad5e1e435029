"""dbt builds incrementally only on marts the same code and reference data built."""

from __future__ import annotations

from orchestration.refresh.fingerprint import code_fingerprint
from orchestration.settings import Paths
from orchestration.transform.assets import build_arguments, record_build


def test_a_change_of_code_or_reference_data_rebuilds_the_incremental_models_whole(
    warehouse: Paths,
) -> None:
    code = code_fingerprint()
    warehouse.warehouse.mkdir(parents=True, exist_ok=True)
    assert build_arguments(warehouse, code) == ["build", "--full-refresh"]  # never built

    warehouse.build_db.write_bytes(b"")
    record_build(warehouse, code)

    assert build_arguments(warehouse, code) == ["build"]
    assert build_arguments(warehouse, code[::-1]) == ["build", "--full-refresh"]
    warehouse.build_db.unlink()
    assert build_arguments(warehouse, code) == ["build", "--full-refresh"]
    assert code == code_fingerprint() and len(code) == 64
