"""Speed and memory benchmarks of planwatch on synthetic data: `python -m benchmarks [--quick]`."""
