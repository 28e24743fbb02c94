"""The diff stage."""
