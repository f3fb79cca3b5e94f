"""statistics for pylife, written in Python: averages and spread."""

from math import fsum as _fsum, gcd as _gcd, isqrt as _isqrt


class StatisticsError(ValueError):
    pass


def _values(data, at_least, what):
    values = list(data)
    if len(values) < at_least:
        raise StatisticsError(what)
    return values


# Sums are exact (ints and floats as integer fractions) and rounded once
# at the end, as CPython's statistics does with Fractions.
def _ratio(x):
    return (x, 1) if isinstance(x, int) else x.as_integer_ratio()


def _add(a, b):
    num = a[0] * b[1] + b[0] * a[1]
    den = a[1] * b[1]
    g = _gcd(num, den)
    return num // g, den // g


def _exact_sum(values):
    total = (0, 1)
    for v in values:
        total = _add(total, _ratio(v))
    return total


def _result(frac, values):
    # An int when every value was an int and the result is whole; else a float.
    num, den = frac
    if all(isinstance(v, int) for v in values) and num % den == 0:
        return num // den
    return num / den


def _exact_mean(values):
    num, den = _exact_sum(values)
    return num, den * len(values)


def mean(data):
    values = _values(data, 1, 'mean requires at least one data point')
    return _result(_exact_mean(values), values)


def fmean(data, weights=None):
    values = _values(data, 1, 'fmean requires at least one data point')
    if weights is None:
        return _fsum(values) / len(values)
    weights = list(weights)
    return _fsum(v * w for v, w in zip(values, weights)) / _fsum(weights)


def median(data):
    values = sorted(_values(data, 1, 'no median for empty data'))
    n = len(values)
    if n % 2:
        return values[n // 2]
    i = n // 2
    return (values[i - 1] + values[i]) / 2


def median_low(data):
    values = sorted(_values(data, 1, 'no median for empty data'))
    n = len(values)
    return values[n // 2] if n % 2 else values[n // 2 - 1]


def median_high(data):
    values = sorted(_values(data, 1, 'no median for empty data'))
    return values[len(values) // 2]


def mode(data):
    values = _values(data, 1, 'no mode for empty data')
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    best = max(counts.values())
    for v in counts:
        if counts[v] == best:
            return v


def multimode(data):
    counts = {}
    for v in data:
        counts[v] = counts.get(v, 0) + 1
    if not counts:
        return []
    best = max(counts.values())
    return [v for v in counts if counts[v] == best]


def _sum_of_squares(values, centre):
    # Sum of (v - centre)**2, exactly, centre an exact fraction.
    cn, cd = centre
    total = (0, 1)
    for v in values:
        n, d = _ratio(v)
        diff_num = n * cd - cn * d
        total = _add(total, (diff_num * diff_num, d * d * cd * cd))
    return total


def _centre(values, given):
    return _exact_mean(values) if given is None else _ratio(given)


def _variance(values, given, ddof):
    num, den = _sum_of_squares(values, _centre(values, given))
    return num, den * (len(values) - ddof)


def pvariance(data, mu=None):
    values = _values(data, 1, 'pvariance requires at least one data point')
    return _result(_variance(values, mu, 0), values)


def variance(data, xbar=None):
    values = _values(data, 2, 'variance requires at least two data points')
    return _result(_variance(values, xbar, 1), values)


def _sqrt_of_frac(n, m):
    # sqrt(n/m) correctly rounded: an integer square root with 60 or more
    # bits, made odd when inexact, then rounded to a float once.
    shift = max(0, 60 - (n.bit_length() - m.bit_length()) // 2)
    scaled = n << (2 * shift)
    r = _isqrt(scaled // m)
    if r * r * m != scaled:
        r |= 1
    return r / (1 << shift)


def pstdev(data, mu=None):
    values = _values(data, 1, 'pstdev requires at least one data point')
    return _sqrt_of_frac(*_variance(values, mu, 0))


def stdev(data, xbar=None):
    values = _values(data, 2, 'stdev requires at least two data points')
    return _sqrt_of_frac(*_variance(values, xbar, 1))


def geometric_mean(data):
    from math import log, exp
    values = _values(data, 1, 'geometric_mean requires a non-empty dataset containing positive numbers')
    return exp(_fsum(log(v) for v in values) / len(values))


def harmonic_mean(data):
    values = _values(data, 1, 'harmonic_mean requires at least one data point')
    if any(v == 0 for v in values):
        return 0
    # CPython sums the reciprocals 1 / v, floats, exactly.
    num, den = _exact_sum([1 / v for v in values])
    return len(values) * den / num
