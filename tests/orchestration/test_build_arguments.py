"""dbt builds incrementally, and keeps its docs, only for the code and seeds that built them."""

from __future__ import annotations

from orchestration.refresh.fingerprint import code_fingerprint
from orchestration.settings import Paths
from orchestration.transform.assets import build_arguments, record_build
from orchestration.transform.docs import BUILT_WITH, docs_current


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


def test_the_dbt_docs_are_generated_again_only_when_the_project_changed(warehouse: Paths) -> None:
    code = code_fingerprint()
    assert not docs_current(warehouse, code)  # no site yet

    warehouse.dbt_docs.mkdir(parents=True)
    (warehouse.dbt_docs / "index.html").write_text("<html></html>", "utf-8")
    assert not docs_current(warehouse, code)  # a site of unknown origin
    (warehouse.dbt_docs / BUILT_WITH).write_text(code, "utf-8")

    assert docs_current(warehouse, code)
    assert not docs_current(warehouse, code[::-1])
