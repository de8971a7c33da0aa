"""Build script: the metadata lives in setup.cfg; this file says what the distribution holds.

Only ``tf1compat`` and ``migration`` are installed at the top level of site-packages. The worked TF1
programs (the repository's top-level ``legacy_examples/``) ship inside ``migration`` as
``migration/legacy_examples/``, so ``python -m migration.diff NAME --verify`` works from an installed wheel.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["tf1compat", "tf1compat.*", "migration", "migration.*"])
    + ["migration.legacy_examples"],
    package_dir={"migration.legacy_examples": "legacy_examples"},
    package_data={"tf1compat": ["data/*.gz", "data/*.md"], "migration.legacy_examples": ["data/*"]},
)
