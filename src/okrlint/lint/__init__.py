"""The lint stage."""
