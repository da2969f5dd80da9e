"""Quietroom: a website and psychoeducation blog for psychotherapy practices."""
