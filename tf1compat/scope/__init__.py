"""The legacy scope: which code is legacy, and what ``import tensorflow`` (and the 2018 stack) gives it there."""
from tf1compat.scope.import_hook import (activate, add_after_import_hook, add_runtime_hook, deactivate,
                                         ensure_tf1_runtime, in_scope, include_namespace)

__all__ = ["activate", "deactivate", "in_scope", "include_namespace", "add_after_import_hook", "add_runtime_hook", "ensure_tf1_runtime"]
