"""Tests of memo."""
