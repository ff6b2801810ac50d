"""Fuzzers: long runs with ``python -m fuzz.<name> --minutes N`` (readers, models); brief runs
are part of the test suite."""
