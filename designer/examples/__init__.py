"""Example schemas: the blog demo shown on first run, and synthetic ones for benchmarks."""
