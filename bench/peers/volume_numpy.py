#!/usr/bin/python3
"""volume_numpy.py - the volume core of jzsim (docs/model.md, sections 2-6)
in NumPy/SciPy, vectorised over gemeenten and zorgsoorten (and over draws
with --draws), as a peer to time jzsim against.  It computes volumes only
(no money), so it does less than jzsim's model run.

    bench_model -x DIR           # jzsim writes the inputs and its stocks
    volume_numpy.py DIR [--repeat N] [--draws B]

First it checks that its stocks (start, end, client-years of every
cell-year) agree with jzsim's to 1e-9 relative; only then it times.
Prints one line per timing, "one-run-ms MIN MEDIAN cpu CPUMIN" and
"per-draw-ms MIN MEDIAN cpu CPUMIN" (wall-clock min and median, CPU-time min; B draws side by side in the arrays; each draw
scales zorgduur and instroom by its own factor in [0.9, 1.1]).
A benchmark dependency only: python3-numpy and python3-scipy (Debian).
"""
import os
import sys
import time

import numpy as np
from scipy.special import gammainc


def load(d):
    G, Z, H, S = (int(v) for v in open(os.path.join(d, "meta.txt")).read().split())

    def arr(name, shape):
        return np.fromfile(os.path.join(d, name), dtype=np.float64).reshape(shape)

    a = {"G": G, "Z": Z, "H": H, "S": S}
    a["stages"] = arr("stages", (Z,)).astype(int)
    for n in ("start0", "per1000", "reentry_delay", "reentry_to", "ageing_to"):
        a[n] = arr(n, (G, Z))
    for n in ("instroom", "population", "trend", "zorgduur", "reentry", "ageing_rate",
              "ageing_transfer", "out_start", "out_end", "out_client_years"):
        a[n] = arr(n, (G, Z, H))
    a["transition"] = arr("transition", (G, Z, H, Z))
    return a


def coefficients(k, D, p, tau, K):
    """phi, gamma, W, V, V_last of docs/model.md for arrays D (..., Z) and
    p; k per zorgsoort (Z,); K = max k.  Entries at index >= k are 0."""
    r = k / D * tau
    a = -np.log1p(-p) / 12.0 * tau
    c = r + a
    j = np.arange(K + 2)
    # P(n, c) = P[Poisson(c) >= n] = regularized lower gamma, n = 1..K+1
    P = gammainc(j[1:].reshape((-1,) + (1,) * c.ndim), c[None])
    P = np.moveaxis(P, 0, -1)  # (..., K+1): P[..., n-1] = P(n, c)
    jj = np.arange(K)
    live = jj < k[..., None]  # (Z, K) broadcast
    roc = (r / c)[..., None]
    q = roc ** jj / c[..., None]
    gamma = np.where(live, q * P[..., :K], 0.0)
    Vj = np.where(live, q * (P[..., :K] - (jj + 1) / c[..., None] * P[..., 1:K + 1]), 0.0)
    V = Vj.sum(-1)
    V_last = np.take_along_axis(Vj, np.broadcast_to((k - 1)[..., None], Vj.shape[:-1] + (1,)), -1)[..., 0]
    fact = np.cumprod(np.concatenate(([1.0], np.arange(1, K, dtype=float))))
    phi = np.where(live, np.exp(-c)[..., None] * r[..., None] ** jj / fact, 0.0)
    # W[i] = sum_{m=0}^{k-1-i} gamma[m]; grev[i] = gamma[k-1-i]
    cum = np.cumsum(gamma, -1)
    idx = np.clip(k[..., None] - 1 - jj, 0, K - 1)
    idx = np.broadcast_to(idx, gamma.shape)
    W = np.where(live, np.take_along_axis(cum, idx, -1), 0.0)
    grev = np.where(live, np.take_along_axis(gamma, idx, -1), 0.0)
    # stages on the leading axis: sums over stages are sums of whole arrays
    lead = lambda t: np.ascontiguousarray(np.moveaxis(np.broadcast_to(t, gamma.shape), -1, 0))
    return lead(phi), lead(gamma), lead(W), lead(grev), lead(live), V, V_last, r, a


def project(a, dur_f, ins_f):
    """Volumes for B draws: dur_f, ins_f (B,) factors on zorgduur and
    instroom.  Returns start, end, client_years (B, G, Z, H)."""
    G, Z, H, S = a["G"], a["Z"], a["H"], a["S"]
    B = dur_f.shape[0]
    k = a["stages"]
    K = int(k.max())
    tau = 12.0 / S
    gi = np.arange(G)[:, None]
    # level x trend (the trend compounds from the base year)
    level = np.where(a["per1000"][..., None] > 0, a["instroom"] * a["population"] / 1000.0, a["instroom"])
    trend = np.cumprod(np.concatenate((np.ones((G, Z, 1)), 1.0 + a["trend"][..., 1:]), -1), -1)
    ext_year = ins_f[:, None, None, None] * (level * trend)
    delay = np.maximum(1, (a["reentry_delay"].astype(int) * S + 6) // 12)
    L = int(delay.max()) + 1
    re_to = a["reentry_to"].astype(int)
    ag_to = a["ageing_to"].astype(int)
    # one-hot (G, Z, Z): re-entries of (g, z) arrive in (g, reentry_to)
    RE1 = np.zeros((G, Z, Z))
    RE1[gi, np.arange(Z)[None, :], re_to] = 1.0
    x = np.where(np.arange(K) < k[:, None], (a["start0"] / k)[..., None], 0.0)
    x = np.ascontiguousarray(np.moveaxis(np.broadcast_to(x, (B, G, Z, K)), -1, 0))  # (K, B, G, Z)
    arrive = np.zeros((B, G, Z))
    ring = np.zeros((B, G, Z, L))
    out = {n: np.zeros((B, G, Z, H)) for n in ("start", "end", "client_years")}
    zi = np.arange(Z)[None, :]
    head = 0
    # the coefficients of every cell-year at once: arrays (H, B, G, Z),
    # stage-leading ones (K, H, B, G, Z)
    D = np.moveaxis(a["zorgduur"], -1, 0)[:, None] * dur_f[None, :, None, None]
    p = np.broadcast_to(np.moveaxis(a["ageing_rate"], -1, 0)[:, None], D.shape)
    coef = coefficients(k, D, p, tau, K)
    for y in range(H):
        phi, gamma, W, grev, live = (t[:, y] for t in coef[:5])
        V, V_last, r, ag = (t[y] for t in coef[5:])
        T = a["transition"][:, :, y, :]  # (G, Z, Z)
        AG = np.zeros((G, Z, Z))
        has = ag_to >= 0
        AG[np.nonzero(has)[0], np.nonzero(has)[1], ag_to[has]] = a["ageing_transfer"][:, :, y][has]
        rein = a["reentry"][:, :, y]
        ext = ext_year[..., y] / S
        out["start"][..., y] = x.sum(0)
        cm_year = np.zeros((B, G, Z))
        for m in range(S):
            in_re = np.matmul(ring[..., head][:, :, None, :], RE1)[:, :, 0, :]
            ring[..., head] = 0.0
            I = ext + arrive + in_re
            cm = (x * W).sum(0) + I * V
            last = (x * grev).sum(0) + I * V_last
            # x_j(end) = sum_{i<=j} phi_{j-i} x_i + I gamma_j, for j < k
            xn = I * gamma
            for j in range(K):
                for i in range(j + 1):
                    xn[j] += phi[j - i] * x[i]
            x = np.where(live, xn, 0.0)
            C = r * last
            A = ag * cm
            arrive = (np.matmul(C[:, :, None, :], T) + np.matmul(A[:, :, None, :], AG))[:, :, 0, :]
            ring[:, gi, zi, (head + delay) % L] = C * rein
            cm_year += cm
            head = (head + 1) % L
        out["end"][..., y] = x.sum(0)
        out["client_years"][..., y] = cm_year / S
    return out


def timed(f, repeat):
    """min and median wall-clock seconds, and min CPU seconds, of repeat calls"""
    ts, cs = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        f()
        ts.append(time.perf_counter() - t0)
        cs.append(time.process_time() - c0)
    ts.sort()
    return ts[0], ts[len(ts) // 2], min(cs)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    d = args[0]
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 5
    draws = int(args[args.index("--draws") + 1]) if "--draws" in args else 0
    a = load(d)
    one = np.ones(1)
    o = project(a, one, one)
    worst = 0.0
    for n in ("start", "end", "client_years"):
        ref = a["out_" + n]
        rel = np.abs(o[n][0] - ref) / np.maximum(np.abs(ref), 1e-300)
        rel[(ref == 0) & (o[n][0] == 0)] = 0.0
        worst = max(worst, float(rel.max()))
    print("agreement with jzsim stocks: max relative difference %.3g" % worst)
    if not worst <= 1e-9:
        print("volume_numpy: does not agree with jzsim to 1e-9; not timed", file=sys.stderr)
        sys.exit(1)
    mn, md, cpu = timed(lambda: project(a, one, one), repeat)
    print("one-run-ms %.3f %.3f cpu %.3f" % (1e3 * mn, 1e3 * md, 1e3 * cpu))
    if draws > 0:
        rng = np.random.default_rng(1)
        df = rng.uniform(0.9, 1.1, draws)
        inf = rng.uniform(0.9, 1.1, draws)
        df[0] = inf[0] = 1.0
        ob = project(a, df, inf)
        if not np.allclose(ob["end"][0], o["end"][0], rtol=1e-12, atol=0):
            print("volume_numpy: draw 0 of the batch differs from the single run", file=sys.stderr)
            sys.exit(1)
        mn, md, cpu = timed(lambda: project(a, df, inf), max(1, repeat // 2))
        print("per-draw-ms %.3f %.3f cpu %.3f (batch of %d)" % (1e3 * mn / draws, 1e3 * md / draws,
                                                             1e3 * cpu / draws, draws))


if __name__ == "__main__":
    main()
