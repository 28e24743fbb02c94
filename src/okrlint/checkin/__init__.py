"""The checkin stage."""
