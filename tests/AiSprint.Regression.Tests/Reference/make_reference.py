# Reference predictions for ReferenceImplementationTests: scikit-learn 1.2.1 and xgboost 1.7.4 (Debian bookworm
# python3-sklearn / python3-xgboost, the versions of the aMLLibrary baseline). Run from this folder: python3 make_reference.py
import json, numpy as np
from sklearn.tree import DecisionTreeRegressor
from sklearn.svm import SVR
import xgboost as xgb
n = 40
X = np.array([[((i * 7) % 40) / 4.0, ((i * 13) % 17) / 2.0, float((i * i) % 11)] for i in range(n)])
y = np.array([X[i, 0] * 2 + X[i, 1] * X[i, 1] / 3 - X[i, 2] + (i % 5) / 10 for i in range(n)])
P = np.vstack([X, X + 0.3])
out = {}
def put(name, pred): out[name] = [float(v) for v in pred]
put("dt_sq", DecisionTreeRegressor(criterion="squared_error", max_depth=4, min_samples_split=0.1, min_samples_leaf=2, random_state=0).fit(X, y).predict(P))
put("dt_fr", DecisionTreeRegressor(criterion="friedman_mse", max_depth=3, min_samples_split=2, min_samples_leaf=0.05, random_state=0).fit(X, y).predict(P))
put("dt_full", DecisionTreeRegressor(random_state=0).fit(X, y).predict(P))
put("xgb_a", xgb.XGBRegressor(min_child_weight=1, gamma=0, n_estimators=20, learning_rate=0.1, max_depth=3, reg_lambda=1, alpha=0, tree_method="hist", objective="reg:squarederror", n_jobs=1).fit(X, y).predict(P))
put("xgb_b", xgb.XGBRegressor(min_child_weight=3, gamma=1, n_estimators=30, learning_rate=0.3, max_depth=5, reg_lambda=2, alpha=0.5, tree_method="hist", objective="reg:squarederror", n_jobs=1).fit(X, y).predict(P))
put("svr_rbf", SVR(C=10, epsilon=0.1, gamma=0.1, kernel="rbf", degree=3).fit(X, y).predict(P))
put("svr_poly", SVR(C=1, epsilon=0.1, gamma=0.1, kernel="poly", degree=2).fit(X, y).predict(P))
put("svr_lin", SVR(C=1, epsilon=0.1, gamma=1e-7, kernel="linear", degree=2).fit(X, y).predict(P))
# multiple.ini's RandomForest (aMLLibrary passes no random_state): training = validation = every row of
# simplest.csv, x4 one-hot with sorted categories; mean and sd of the MAPE over random_state 0..99.
import csv
from sklearn.ensemble import RandomForestRegressor
rows = list(csv.DictReader(open("../../../../shared/data/amllibrary/inputs/simplest.csv")))
cats = sorted(set(r["x4"] for r in rows))
XR = np.array([[float(r["x1"]), float(r["x2"]), float(r["x3"])] + [1.0 if r["x4"] == c else 0.0 for c in cats] for r in rows])
yR = np.array([float(r["y"]) for r in rows])
m = np.array([np.mean(np.abs(RandomForestRegressor(n_estimators=5, criterion="squared_error", max_depth=3, max_features=1.0,
    min_samples_split=0.1, min_samples_leaf=1, random_state=s).fit(XR, yR).predict(XR) - yR) / np.abs(yR)) for s in range(100)])
out["rf_multiple_mape_100_seeds"] = [float(m.mean()), float(m.std())]
json.dump(out, open("sklearn_xgboost_reference.json", "w"))
print({k: v[:3] for k, v in out.items()})
