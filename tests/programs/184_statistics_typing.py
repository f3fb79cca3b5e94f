import statistics as st
from typing import List, Dict, Optional, Any, Tuple, Union
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.stdev(data))
print(st.mean([1, 2, 3, 4]), st.median([3, 1, 2]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]))
print(st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.pvariance([1, 2, 3, 4]), st.multimode("aabbbcccc"), st.fmean([1, 2, 4]))
print(st.mean([1.0, 2.5]), st.harmonic_mean([40, 60]), round(st.geometric_mean([54, 24, 36]), 6))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
def total(xs: List[int], scale: Optional[float] = None) -> Dict[str, Any]:
    return {"sum": sum(xs) * (scale or 1)}
print(total([1, 2, 3], 2.0), List[int], Optional)
print(st.mean([0.1, 0.2, 0.3]), st.variance([0.1, 0.2, 0.4]), st.stdev([0.1, 0.2, 0.4]), st.pstdev([1, 2, 3, 4, 5]))
print(st.mean([1, 2]), st.mean([2, 4]), st.variance([1, 2, 3, 4]), st.stdev([2, 4, 4, 4, 5, 5, 7, 9], xbar=5))
print(st.harmonic_mean([1, 2, 4]), st.pvariance([1.5, 2.5]), st.mean([10**20, 1]))
