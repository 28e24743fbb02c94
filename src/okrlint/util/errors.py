"""Errors the command line turns into exit code 2 with a one-line message."""


class UserError(Exception):
    """Bad usage, configuration or I/O: the message says what and where."""
