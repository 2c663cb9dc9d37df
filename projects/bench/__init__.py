"""The `bench` command's measurements, one module per subject; each prints a table (see docs/benchmarks.md)."""
