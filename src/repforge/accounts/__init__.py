"""Accounts: users, passwords, sessions, tokens, password resets (no web, no SQL)."""
