"""Exceptions of the cikit package.

Every error cikit raises is a :class:`cikit.Error`. The message is the same located message the
``cikit`` command prints (``file:line:column: ...`` for a spec or CSV file, ``<DataFrame>: row R,
column 'x': ...`` for data given as a DataFrame).
"""


class Error(Exception):
    """Base class of cikit's errors."""


class SpecError(Error, ValueError):
    """The spec (YAML file, text or dict) or an option is invalid: unknown key or method name,
    wrong type, a tree that does not fit the data's columns, ..."""


class DataError(Error, ValueError):
    """The data are invalid: a missing column, a non-numeric cell, an empty or duplicate unit id,
    an unreadable file."""


class MethodError(Error, ArithmeticError):
    """A method cannot be computed on these data (a constant indicator, a singular matrix, ...)."""


class InternalError(Error, RuntimeError):
    """A postcondition inside cikit failed: a bug; please report it with the input."""


class CikitWarning(UserWarning):
    """A warning of a cikit computation (an adjustment made, a weak statistic, ...)."""
