"""The bad-input and fault corpus: hostile inputs built at test time, run through the CLI."""
