// delta_rule.cpp: recurrent and chunked gated delta rule, written to mirror the equations of qwen35.md §2.4.
#include "cpu/delta_rule.h"

#include <cmath>
#include <vector>

namespace lectern::cpu {

void delta_rule_recurrent(const DeltaRuleHead& in, float* S, float* out) {
  const int dk = in.dk, dv = in.dv;
  std::vector<double> u(dv);
  for (int64_t t = 0; t < in.n_tokens; ++t) {
    const float* q = in.q + t * dk;
    const float* k = in.k + t * dk;
    const float* v = in.v + t * dv;
    const float decay = std::exp(in.g[t]);
    for (int e = 0; e < dk * dv; ++e) S[e] *= decay;
    for (int c = 0; c < dv; ++c) {
      double m = 0.0;
      for (int i = 0; i < dk; ++i) m += static_cast<double>(S[i * dv + c]) * k[i];
      u[c] = in.beta[t] * (v[c] - m);
    }
    for (int i = 0; i < dk; ++i)
      for (int c = 0; c < dv; ++c) S[i * dv + c] += static_cast<float>(k[i] * u[c]);
    for (int c = 0; c < dv; ++c) {
      double o = 0.0;
      for (int i = 0; i < dk; ++i) o += static_cast<double>(S[i * dv + c]) * q[i];
      out[t * dv + c] = static_cast<float>(o);
    }
  }
}

void delta_rule_chunked(const DeltaRuleHead& in, float* S, float* out, int C) {
  const int dk = in.dk, dv = in.dv;
  // Per-chunk scratch; index r, s are rows within the chunk.
  std::vector<double> gamma(C), A(static_cast<size_t>(C) * C), Tm(static_cast<size_t>(C) * C);
  std::vector<double> U(static_cast<size_t>(C) * dv), W(static_cast<size_t>(C) * dk), Vn(static_cast<size_t>(C) * dv);
  std::vector<float> q(static_cast<size_t>(C) * dk), k(static_cast<size_t>(C) * dk), v(static_cast<size_t>(C) * dv);
  std::vector<float> g(C), beta(C);

  for (int64_t t0 = 0; t0 < in.n_tokens; t0 += C) {
    const int n = static_cast<int>(std::min<int64_t>(C, in.n_tokens - t0));
    // Load the chunk, zero-padding rows n..C-1 (they leave the state untouched).
    for (int r = 0; r < C; ++r) {
      const bool real = r < n;
      for (int i = 0; i < dk; ++i) {
        q[r * dk + i] = real ? in.q[(t0 + r) * dk + i] : 0.0f;
        k[r * dk + i] = real ? in.k[(t0 + r) * dk + i] : 0.0f;
      }
      for (int c = 0; c < dv; ++c) v[r * dv + c] = real ? in.v[(t0 + r) * dv + c] : 0.0f;
      g[r] = real ? in.g[t0 + r] : 0.0f;
      beta[r] = real ? in.beta[t0 + r] : 0.0f;
    }
    double acc = 0.0;
    for (int r = 0; r < C; ++r) gamma[r] = (acc += g[r]);
    auto D = [&](int r, int s) { return s <= r ? std::exp(gamma[r] - gamma[s]) : 0.0; };
    auto dot = [](const float* a, const float* b, int len) {
      double s = 0.0;
      for (int i = 0; i < len; ++i) s += static_cast<double>(a[i]) * b[i];
      return s;
    };
    // A[r][s] = beta_r (k_r . k_s) D[r][s] for s < r; Tm = (I + A)^-1 by forward substitution.
    for (int r = 0; r < C; ++r)
      for (int s = 0; s < C; ++s)
        A[r * C + s] = s < r ? beta[r] * dot(&k[r * dk], &k[s * dk], dk) * D(r, s) : 0.0;
    for (int r = 0; r < C; ++r) {
      for (int s = 0; s < C; ++s) Tm[r * C + s] = r == s ? 1.0 : 0.0;
      for (int s = 0; s < r; ++s) {
        const double a = A[r * C + s];
        if (a == 0.0) continue;
        for (int x = 0; x < C; ++x) Tm[r * C + x] -= a * Tm[s * C + x];
      }
    }
    // U = Tm diag(beta) V;  W = Tm diag(beta * Gamma) K
    for (int r = 0; r < C; ++r) {
      for (int c = 0; c < dv; ++c) {
        double s = 0.0;
        for (int x = 0; x <= r; ++x) s += Tm[r * C + x] * beta[x] * v[x * dv + c];
        U[r * dv + c] = s;
      }
      for (int i = 0; i < dk; ++i) {
        double s = 0.0;
        for (int x = 0; x <= r; ++x) s += Tm[r * C + x] * beta[x] * std::exp(gamma[x]) * k[x * dk + i];
        W[r * dk + i] = s;
      }
    }
    // Vn = U - W S0
    for (int r = 0; r < C; ++r)
      for (int c = 0; c < dv; ++c) {
        double s = 0.0;
        for (int i = 0; i < dk; ++i) s += W[r * dk + i] * S[i * dv + c];
        Vn[r * dv + c] = U[r * dv + c] - s;
      }
    // O = diag(Gamma) Q S0 + P Vn with P[r][s] = (q_r . k_s) D[r][s] for s <= r
    for (int r = 0; r < n; ++r) {
      const double Gr = std::exp(gamma[r]);
      for (int c = 0; c < dv; ++c) {
        double s = 0.0;
        for (int i = 0; i < dk; ++i) s += static_cast<double>(q[r * dk + i]) * S[i * dv + c];
        s *= Gr;
        for (int x = 0; x <= r; ++x) s += dot(&q[r * dk], &k[x * dk], dk) * D(r, x) * Vn[x * dv + c];
        out[(t0 + r) * dv + c] = static_cast<float>(s);
      }
    }
    // S_C = exp(gamma_C) S0 + Kd^T Vn, Kd row r = exp(gamma_C - gamma_r) k_r
    const double gC = gamma[C - 1];
    for (int i = 0; i < dk; ++i)
      for (int c = 0; c < dv; ++c) {
        double s = std::exp(gC) * S[i * dv + c];
        for (int r = 0; r < C; ++r) s += std::exp(gC - gamma[r]) * k[r * dk + i] * Vn[r * dv + c];
        S[i * dv + c] = static_cast<float>(s);
      }
  }
}

}  // namespace lectern::cpu
