"""Fuzzers for the readers and glossary loaders (issue 13); see fuzz/readers.py."""
