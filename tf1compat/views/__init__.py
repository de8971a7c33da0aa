"""Legacy views of the 2018 Python stack: what ``import numpy`` (and friends) give code in the legacy scope."""
