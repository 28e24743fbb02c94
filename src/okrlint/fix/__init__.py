"""The fix stage."""
