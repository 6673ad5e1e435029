# planwatch — the two commands that matter: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3 2>/dev/null)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SPARK_STAMP := $(VENV)/.spark-installed

.PHONY: run test test-spark spark lint ui bench bench-scale clean browser
REGIONS ?= 3

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null \
		|| { echo "planwatch needs Python 3.11 (python3.11 on PATH, or PYTHON=/path/to/python3.11)"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

run: $(STAMP)  ## Build, audit and publish everything once from raw/.
	$(BIN)/planwatch refresh

test: $(STAMP) lint browser  ## Lint, then the whole test suite.
	$(BIN)/planwatch prepare
	$(BIN)/python -m pytest -n 2 --dist loadgroup --ignore=tests/spark

test-spark: $(SPARK_STAMP)  ## The Spark lane: the bundled samples built on DuckDB and on Spark agree.
	$(BIN)/planwatch prepare
	$(BIN)/python -m pytest tests/spark

spark: $(SPARK_STAMP)  ## Java 17 (Debian) and pyspark with dbt-spark, for PLANWATCH_ENGINE=spark.

$(SPARK_STAMP): $(STAMP) requirements-spark.lock
	@if command -v java >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	else echo "the Spark engine needs Java 17: apt-get install openjdk-17-jre-headless"; exit 1; fi
	$(BIN)/python -m pip install --quiet -r requirements-spark.lock
	@touch $(SPARK_STAMP)

lint: $(STAMP)  ## ruff for Python, sqlfluff for the dbt SQL.
	$(BIN)/ruff check orchestration reports samples benchmarks tests
	$(BIN)/ruff format --check orchestration reports samples benchmarks tests
	cd dbt_project && ../$(BIN)/sqlfluff lint models tests macros

ui: $(STAMP)  ## The Dagster UI on this project.
	$(BIN)/planwatch ui

bench: $(STAMP)  ## Performance and memory benchmarks (BENCH_ARGS=--quick for a short run).
	$(BIN)/python -m benchmarks $(BENCH_ARGS)

bench-scale: $(STAMP)  ## The real refresh over a SYNTHETIC nation of REGIONS counties, against bare dbt and DuckDB.
	$(BIN)/python -m benchmarks scale --regions $(REGIONS)

browser:  ## Headless Chromium and a CJK font for the report browser test (Debian packages).
	@if command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	else echo "the report browser test needs: apt-get install chromium fonts-noto-cjk"; exit 1; fi

clean:
	rm -rf warehouse dbt_project/target dbt_project/logs
