"""The training log and programs as services over a store (no web, no SQL)."""
