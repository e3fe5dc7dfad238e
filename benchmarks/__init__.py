"""Benchmarks for briefgen at archive scale (not part of the installed package)."""
