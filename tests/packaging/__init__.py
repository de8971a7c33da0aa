"""Tests of what a team installs: the wheel and its commands, from any folder."""
