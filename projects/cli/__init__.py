"""The command-line client (`schema-designer`, or `python -m projects.cli`): drives the
HTTP API from a terminal or a CI job. Standard library only, no Django settings."""
