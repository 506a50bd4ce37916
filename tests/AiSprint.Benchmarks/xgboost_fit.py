"""One XGBoost fit timed in python3-xgboost on one thread, the same rows and settings as HeavyRegressionBenchmark."""
import sys
import time

import numpy as np
import xgboost

data = np.loadtxt(sys.argv[1], delimiter=",")
x, y = data[:, :-1], data[:, -1]
for method in ("exact", "hist"):
    best = float("inf")
    for _ in range(5):
        model = xgboost.XGBRegressor(n_estimators=100, max_depth=100, learning_rate=0.1, gamma=0.01, min_child_weight=1,
                                     reg_alpha=0, reg_lambda=1, base_score=0.5, tree_method=method, n_jobs=1)
        start = time.perf_counter()
        model.fit(x, y)
        best = min(best, time.perf_counter() - start)
    mape = np.mean(np.abs((model.predict(x) - y) / y))
    print(f"python3-xgboost {xgboost.__version__} ({method}, 1 thread): best of 5 {best * 1000:.0f} ms, training MAPE {mape:.6f}")
