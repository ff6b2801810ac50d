"""Tests of glossary."""
