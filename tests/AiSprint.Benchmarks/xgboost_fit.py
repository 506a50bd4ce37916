"""One XGBoost fit timed in python3-xgboost on one thread, the same rows and settings as HeavyRegressionBenchmark.

The native API (xgboost.train on a DMatrix), as XGBRegressor needs scikit-learn, which Debian's package does not pull in.
"""
import sys
import time

import numpy as np
import xgboost

data = np.loadtxt(sys.argv[1], delimiter=",")
x, y = data[:, :-1], data[:, -1]
for method in ("exact", "hist"):
    params = {"objective": "reg:squarederror", "max_depth": 100, "eta": 0.1, "gamma": 0.01, "min_child_weight": 1,
              "alpha": 0, "lambda": 1, "base_score": 0.5, "tree_method": method, "nthread": 1}
    best = best_cpu = float("inf")
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        booster = xgboost.train(params, xgboost.DMatrix(x, label=y, nthread=1), num_boost_round=100)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    mape = np.mean(np.abs((booster.predict(xgboost.DMatrix(x)) - y) / y))
    nodes = sum(len(tree.splitlines()) for tree in booster.get_dump())
    print(f"python3-xgboost {xgboost.__version__} ({method}, 1 thread, DMatrix built inside the timing): best of 5 {best * 1000:.0f} ms wall, "
          f"{best_cpu * 1000:.0f} ms CPU, {nodes} nodes, training MAPE {mape:.6f}")
