"""One equivalence check per worked pair: ``migration.checks.NAME.check(steps=10) -> equivalence.Report``."""
