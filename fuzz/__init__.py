"""Fuzzers: long runs with ``python -m fuzz.<name> --minutes N``; brief runs in the tests."""
