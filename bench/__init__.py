"""Benchmarks: synthetic data and the scripts that report coffeechat's speed targets."""
