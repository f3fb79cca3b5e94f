# statistics: mean, median (low/high), mode, multimode, stdev, variance, and errors for empty data
import statistics as st

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.median_low(data), st.median_high(data), st.mode(data))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data))
print(st.mean([1.5, 2.5]), st.median([3, 1, 2]), st.multimode("aabbc"), st.mode(["x", "y", "y"]))
print(st.fmean([1, 2, 3, 4]), st.geometric_mean([1, 4]) if hasattr(st, "geometric_mean") else "-")
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print("StatisticsError:", e)
heights = [1.62, 1.75, 1.80, 1.68, 1.71]
print(round(st.mean(heights), 4), round(st.stdev(heights), 6))
