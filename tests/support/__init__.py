"""Helpers the tests share: data locator, translator doubles, tiny real-format models."""
