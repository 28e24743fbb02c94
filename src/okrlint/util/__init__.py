"""The util stage."""
