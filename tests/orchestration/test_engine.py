"""The engine setting picks the dbt target, and a misspelt engine is refused by name."""

from __future__ import annotations

import pytest

from orchestration.settings import ENGINES, engine


def test_duckdb_is_the_engine_unless_spark_is_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLANWATCH_ENGINE", raising=False)
    assert (engine(), ENGINES[engine()]) == ("duckdb", "build")
    monkeypatch.setenv("PLANWATCH_ENGINE", " Spark ")
    assert (engine(), ENGINES[engine()]) == ("spark", "spark")


def test_an_unknown_engine_is_refused_naming_it_and_the_choices(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLANWATCH_ENGINE", "sparkk")
    with pytest.raises(ValueError, match=r"'sparkk' is not an engine .*duckdb, spark"):
        engine()
