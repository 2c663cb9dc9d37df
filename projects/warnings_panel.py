"""The editor's schema warnings: every warning, grouped by code, each group folded or
open, and groups the team dismissed for this project kept apart (still listed). The
deploy check's findings come as one group per dialect (code ``deploy-<dialect>``)."""

from __future__ import annotations

from dataclasses import dataclass

from designer.deploy import DIALECT_LABELS, Finding, deploy_check
from designer.problems import Problem, Severity
from designer.problems import warnings as only_warnings
from designer.validate import validate
from projects.memo import PerSchema, rule_answers


@dataclass(frozen=True)
class WarningGroup:
    code: str
    problems: tuple[Problem, ...]
    dismissed: bool

    @property
    def title(self) -> str:
        if self.code.startswith(DEPLOY_PREFIX):
            return f"Deploy check: {DIALECT_LABELS.get(self.code.removeprefix(DEPLOY_PREFIX), 'unknown')}"
        return self.code.replace("-", " ").capitalize()


DEPLOY_PREFIX = "deploy-"
_warnings: PerSchema[list[Problem]] = PerSchema()
_deploy: PerSchema[list[Problem]] = PerSchema()


def deploy_warnings(schema) -> list[Problem]:
    """The deploy check's rules (without rendering, which release and bundles do), as
    warnings: what would fail on each target dialect, with its fix."""
    return _deploy.get(schema, None, lambda: [_as_problem(f) for f in _rule_findings(schema)])


def _rule_findings(schema) -> list[Finding]:
    return deploy_check(schema, rendered=False, memo=rule_answers.get()).findings


def _as_problem(finding: Finding) -> Problem:
    return Problem(
        code=f"{DEPLOY_PREFIX}{finding.dialect}",
        severity=Severity.WARNING,
        message=f"{finding.object}: {finding.message}. Fix: {finding.fix}.",
    )


def schema_warnings(schema, *, found: list[Problem] | None = None) -> list[Problem]:
    """``found``: the warnings the edit's validation already produced for ``schema``."""
    if found is not None:
        _warnings.put(schema, None, found)
        return found
    return _warnings.get(schema, None, lambda: only_warnings(validate(schema, memo=rule_answers.get())))


def warning_groups(schema, *, dismissed: list[str], found: list[Problem] | None = None) -> list[WarningGroup]:
    """``found``: the warnings the edit's validation already produced (None: validate now)."""
    problems = [*schema_warnings(schema, found=found), *deploy_warnings(schema)]
    by_code: dict[str, list[Problem]] = {}
    for problem in problems:
        by_code.setdefault(problem.code, []).append(problem)
    groups = [WarningGroup(code, tuple(items), code in dismissed) for code, items in by_code.items()]
    return sorted(groups, key=lambda g: (g.dismissed, g.code))
