"""Module docstring."""


class Documented:
    """Class docstring."""

    def method(self):
        """Method docstring."""
        return None


def plain():
    'single-quoted docstring'
