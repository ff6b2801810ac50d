"""Tests of summarize."""
