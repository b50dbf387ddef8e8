// gdn.cpp: plain loops for the Gated DeltaNet references (f64 sums; semantics as cpu/qwen35_reference.cpp, qwen35.md §2.4).
#include "cpu/gdn.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "cpu/delta_rule.h"

namespace lectern::cpu {

namespace {

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }
double softplus(double x) { return x > 20.0 ? x : std::log1p(std::exp(x)); }

Status bad(const std::string& op, const std::string& message) {
  return Status(ErrorCode::InvalidArgument, op + ": " + message);
}

Status check_dims(const GdnDims& d, const std::string& op) {
  if (d.n_k_heads <= 0 || d.n_v_heads <= 0 || d.k_head_dim <= 0 || d.v_head_dim <= 0 ||
      d.n_v_heads % d.n_k_heads != 0) {
    return bad(op, "heads Hk=" + std::to_string(d.n_k_heads) + " Hv=" + std::to_string(d.n_v_heads) + " dk=" +
                       std::to_string(d.k_head_dim) + " dv=" + std::to_string(d.v_head_dim) +
                       " must be positive with Hv a multiple of Hk");
  }
  return Status::ok();
}

}  // namespace

Status gdn_conv_silu(std::span<const float> x, std::span<const float> w, std::span<float> state, std::span<float> y,
                     size_t C, size_t K) {
  if (C == 0 || K == 0 || x.size() % C != 0 || w.size() != C * K || state.size() != (K - 1) * C ||
      y.size() != x.size()) {
    return bad("gdn_conv_silu", "x " + std::to_string(x.size()) + ", w " + std::to_string(w.size()) + ", state " +
                                    std::to_string(state.size()) + ", y " + std::to_string(y.size()) +
                                    " elements do not fit C=" + std::to_string(C) + " K=" + std::to_string(K));
  }
  const size_t T = x.size() / C;
  // Row r of [state; x] (K - 1 state rows first).
  auto row = [&](size_t r, size_t c) { return r < K - 1 ? state[r * C + c] : x[(r - (K - 1)) * C + c]; };
  for (size_t t = 0; t < T; ++t) {
    for (size_t c = 0; c < C; ++c) {
      double acc = 0.0;
      for (size_t j = 0; j < K; ++j) acc += double(w[c * K + j]) * row(t + j, c);
      y[t * C + c] = static_cast<float>(acc * sigmoid(acc));
    }
  }
  std::vector<float> next((K - 1) * C);
  for (size_t r = 0; r + 1 < K; ++r)
    for (size_t c = 0; c < C; ++c) next[r * C + c] = row(T + r, c);
  std::copy(next.begin(), next.end(), state.begin());
  return Status::ok();
}

Status gdn_l2_norm_qk(std::span<float> qkv, const GdnDims& d) {
  LECTERN_TRY(check_dims(d, "gdn_l2_norm_qk"));
  const size_t C = d.conv_channels(), dk = size_t(d.k_head_dim);
  if (qkv.size() % C != 0) return bad("gdn_l2_norm_qk", "qkv is not whole rows of " + std::to_string(C));
  const double q_scale = 1.0 / std::sqrt(double(dk));
  for (size_t base = 0; base < qkv.size(); base += C) {
    for (size_t h = 0; h < 2 * size_t(d.n_k_heads); ++h) {
      float* p = qkv.data() + base + h * dk;
      double ss = 0.0;
      for (size_t i = 0; i < dk; ++i) ss += double(p[i]) * p[i];
      double scale = 1.0 / std::sqrt(ss + 1e-6);
      if (h < size_t(d.n_k_heads)) scale *= q_scale;  // q heads come first
      for (size_t i = 0; i < dk; ++i) p[i] = static_cast<float>(p[i] * scale);
    }
  }
  return Status::ok();
}

Status gdn_gates(std::span<const float> b, std::span<const float> a, std::span<const float> dt_bias,
                 std::span<const float> ssm_a, std::span<float> beta, std::span<float> g, size_t Hv) {
  if (Hv == 0 || b.size() % Hv != 0 || a.size() != b.size() || beta.size() != b.size() || g.size() != b.size() ||
      dt_bias.size() != Hv || ssm_a.size() != Hv) {
    return bad("gdn_gates", "b, a, beta, g must be [T, " + std::to_string(Hv) + "] and dt_bias, ssm_a [" +
                                std::to_string(Hv) + "]");
  }
  for (size_t i = 0; i < b.size(); ++i) {
    const size_t j = i % Hv;
    beta[i] = static_cast<float>(sigmoid(b[i]));
    g[i] = static_cast<float>(double(ssm_a[j]) * softplus(double(a[i]) + double(dt_bias[j])));
  }
  return Status::ok();
}

Status gdn_delta_rule(std::span<const float> qkv, std::span<const float> g, std::span<const float> beta,
                      std::span<float> state, std::span<float> o, const GdnDims& d, bool chunked) {
  LECTERN_TRY(check_dims(d, "gdn_delta_rule"));
  const size_t C = d.conv_channels(), Hk = size_t(d.n_k_heads), Hv = size_t(d.n_v_heads);
  const size_t dk = size_t(d.k_head_dim), dv = size_t(d.v_head_dim);
  if (qkv.size() % C != 0) return bad("gdn_delta_rule", "qkv is not whole rows of " + std::to_string(C));
  const size_t T = qkv.size() / C;
  if (g.size() != T * Hv || beta.size() != T * Hv || state.size() != Hv * dk * dv || o.size() != T * Hv * dv) {
    return bad("gdn_delta_rule", "g, beta [T, Hv], state [Hv, dk, dv] or o [T, Hv dv] has the wrong size");
  }
  // Gather each head's strided rows into contiguous [T][d] arrays, as cpu::delta_rule_* expects.
  std::vector<float> q(T * dk), k(T * dk), v(T * dv), gh(T), bh(T), oh(T * dv);
  for (size_t j = 0; j < Hv; ++j) {
    const size_t kh = size_t(d.k_head_for_v_head(int(j)));
    for (size_t t = 0; t < T; ++t) {
      const float* row = qkv.data() + t * C;
      std::copy_n(row + kh * dk, dk, q.data() + t * dk);
      std::copy_n(row + Hk * dk + kh * dk, dk, k.data() + t * dk);
      std::copy_n(row + 2 * Hk * dk + j * dv, dv, v.data() + t * dv);
      gh[t] = g[t * Hv + j];
      bh[t] = beta[t * Hv + j];
    }
    DeltaRuleHead head{q.data(), k.data(), v.data(), gh.data(), bh.data(), int64_t(T), int(dk), int(dv)};
    float* S = state.data() + j * dk * dv;
    if (chunked) delta_rule_chunked(head, S, oh.data());
    else delta_rule_recurrent(head, S, oh.data());
    for (size_t t = 0; t < T; ++t) std::copy_n(oh.data() + t * dv, dv, o.data() + t * Hv * dv + j * dv);
  }
  return Status::ok();
}

Status gated_rms_norm(std::span<const float> o, std::span<const float> z, std::span<const float> w, std::span<float> y,
                      size_t n_cols, float eps) {
  if (n_cols == 0 || o.size() % n_cols != 0 || z.size() != o.size() || y.size() != o.size() || w.size() != n_cols) {
    return bad("gated_rms_norm", "o, z, y must be whole rows of " + std::to_string(n_cols) + " and w one row");
  }
  if (!(eps >= 0.0f)) return bad("gated_rms_norm", "eps must be >= 0");
  for (size_t base = 0; base < o.size(); base += n_cols) {
    double ss = 0.0;
    for (size_t i = 0; i < n_cols; ++i) ss += double(o[base + i]) * o[base + i];
    const double scale = 1.0 / std::sqrt(ss / double(n_cols) + double(eps));
    for (size_t i = 0; i < n_cols; ++i) {
      const double zi = z[base + i];
      y[base + i] = static_cast<float>(double(o[base + i]) * scale * double(w[i]) * zi * sigmoid(zi));
    }
  }
  return Status::ok();
}

}  // namespace lectern::cpu
