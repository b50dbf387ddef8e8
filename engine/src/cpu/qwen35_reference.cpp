// qwen35_reference.cpp: straightforward CPU implementation of qwen35.md §2 (one token per step).
#include "cpu/qwen35_reference.h"

#include "cpu/delta_rule.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace lectern::cpu {

namespace {

// y[out] = W[out][in] · x[in], accumulated in double.
std::vector<float> matvec(const std::vector<float>& w, const std::vector<float>& x, size_t n_out) {
  const size_t n_in = x.size();
  std::vector<float> y(n_out);
  for (size_t o = 0; o < n_out; ++o) {
    const float* row = w.data() + o * n_in;
    double acc = 0.0;
    for (size_t i = 0; i < n_in; ++i) acc += static_cast<double>(row[i]) * x[i];
    y[o] = static_cast<float>(acc);
  }
  return y;
}

// x / sqrt(mean(x^2) + eps) * w over [begin, begin + n) of x; w already holds (1 + w) for zero-centred norms.
void rms_norm_inplace(float* x, size_t n, const float* w, float eps) {
  double ss = 0.0;
  for (size_t i = 0; i < n; ++i) ss += static_cast<double>(x[i]) * x[i];
  const double inv = 1.0 / std::sqrt(ss / static_cast<double>(n) + eps);
  for (size_t i = 0; i < n; ++i) x[i] = static_cast<float>(x[i] * inv * w[i]);
}

float sigmoid(float x) { return static_cast<float>(1.0 / (1.0 + std::exp(-static_cast<double>(x)))); }
float silu(float x) { return x * sigmoid(x); }
float softplus(float x) { return x > 20.0f ? x : static_cast<float>(std::log1p(std::exp(static_cast<double>(x)))); }

// Which of the (T, H, W, extra) position components frequency pair i uses (ggml IMROPE rule, qwen35.md §2.5.3).
int mrope_axis(int i, const std::array<int, 4>& sec) {
  const int total = sec[0] + sec[1] + sec[2] + sec[3];
  const int s = i % total;
  if (s % 3 == 1 && s < 3 * sec[1]) return 1;
  if (s % 3 == 2 && s < 3 * sec[2]) return 2;
  if (s % 3 == 0 && s < 3 * sec[0]) return 0;
  return 3;
}

// NeoX rotation of the first n_rot dims of one head: pairs (i, i + n_rot/2).
void rope_head(float* x, const Qwen35RefConfig& c, const std::array<int64_t, 3>& pos3) {
  const int half = c.n_rot / 2;
  for (int i = 0; i < half; ++i) {
    const int axis = mrope_axis(i, c.mrope_sections);
    const int64_t p = axis < 3 ? pos3[axis] : pos3[0];
    const double inv_freq = std::pow(c.rope_theta, -2.0 * i / c.n_rot);
    const double theta = static_cast<double>(p) * inv_freq;
    const double cs = std::cos(theta), sn = std::sin(theta);
    const double a = x[i], b = x[i + half];
    x[i] = static_cast<float>(a * cs - b * sn);
    x[i + half] = static_cast<float>(b * cs + a * sn);
  }
}

}  // namespace

Qwen35Reference::Qwen35Reference(const Qwen35RefWeights& weights) : w_(weights) { reset(); }

void Qwen35Reference::reset() {
  const auto& c = w_.config;
  conv_state_.assign(c.n_layer, {});
  delta_state_.assign(c.n_layer, {});
  k_cache_.assign(c.n_layer, {});
  v_cache_.assign(c.n_layer, {});
  for (int il = 0; il < c.n_layer; ++il) {
    if (c.is_full_attention(il)) continue;
    conv_state_[il].assign(static_cast<size_t>(c.conv_kernel - 1) * c.conv_channels(), 0.0f);
    delta_state_[il].assign(static_cast<size_t>(c.n_v_heads) * c.k_head_dim * c.v_head_dim, 0.0f);
  }
}

Qwen35Reference::State Qwen35Reference::save_state(bool with_kv) const {
  State s;
  s.conv = conv_state_;
  s.delta = delta_state_;
  s.has_kv = with_kv;
  if (with_kv) {
    s.k_cache = k_cache_;
    s.v_cache = v_cache_;
  }
  return s;
}

void Qwen35Reference::restore_state(const State& state) {
  conv_state_ = state.conv;
  delta_state_ = state.delta;
  if (state.has_kv) {
    k_cache_ = state.k_cache;
    v_cache_ = state.v_cache;
  }
}

void Qwen35Reference::truncate_kv(int64_t n_tokens) {
  const size_t row = static_cast<size_t>(w_.config.n_head_kv) * w_.config.head_dim;
  for (int il = 0; il < w_.config.n_layer; ++il) {
    const size_t keep = std::min(k_cache_[il].size(), static_cast<size_t>(n_tokens) * row);
    k_cache_[il].resize(keep);
    v_cache_[il].resize(keep);
  }
}

std::vector<float> Qwen35Reference::step(int32_t token, int64_t pos) { return step(token, {pos, pos, pos}); }

std::vector<float> Qwen35Reference::step(int32_t token, const std::array<int64_t, 3>& pos3) {
  const auto& c = w_.config;
  std::vector<float> h(w_.token_embd.begin() + static_cast<std::ptrdiff_t>(token) * c.n_embd,
                       w_.token_embd.begin() + static_cast<std::ptrdiff_t>(token + 1) * c.n_embd);
  return step_embedding(h, pos3);
}

std::vector<float> Qwen35Reference::step_embedding(const std::vector<float>& hidden, const std::array<int64_t, 3>& pos3) {
  return forward(hidden, pos3, true);
}

void Qwen35Reference::advance(int32_t token, const std::array<int64_t, 3>& pos3) {
  const auto& c = w_.config;
  std::vector<float> h(w_.token_embd.begin() + static_cast<std::ptrdiff_t>(token) * c.n_embd,
                       w_.token_embd.begin() + static_cast<std::ptrdiff_t>(token + 1) * c.n_embd);
  (void)forward(std::move(h), pos3, false);
}

std::vector<float> Qwen35Reference::forward(std::vector<float> x, const std::array<int64_t, 3>& pos3,
                                            bool with_logits) {
  const auto& c = w_.config;
  // x: [n_embd] residual stream
  std::vector<float> a(c.n_embd), mixed;
  for (int il = 0; il < c.n_layer; ++il) {
    const auto& L = w_.layers[il];
    a = x;
    rms_norm_inplace(a.data(), a.size(), L.attn_norm.data(), c.rms_eps);
    if (!with_logits && il + 1 == c.n_layer) {  // only the state matters: what follows feeds these logits alone
      if (c.is_full_attention(il))
        store_kv(il, a, pos3);
      else
        gdn_layer(il, a, mixed);
      return {};
    }
    if (c.is_full_attention(il))
      attention_layer(il, a, pos3, mixed);
    else
      gdn_layer(il, a, mixed);
    for (int i = 0; i < c.n_embd; ++i) x[i] += mixed[i];

    a = x;
    rms_norm_inplace(a.data(), a.size(), L.post_attention_norm.data(), c.rms_eps);
    std::vector<float> g = matvec(L.ffn_gate, a, c.n_ff);
    std::vector<float> u = matvec(L.ffn_up, a, c.n_ff);
    for (int i = 0; i < c.n_ff; ++i) g[i] = silu(g[i]) * u[i];
    std::vector<float> d = matvec(L.ffn_down, g, c.n_embd);
    for (int i = 0; i < c.n_embd; ++i) x[i] += d[i];
  }
  rms_norm_inplace(x.data(), x.size(), w_.output_norm.data(), c.rms_eps);
  return matvec(w_.output.empty() ? w_.token_embd : w_.output, x, c.n_vocab);
}

void Qwen35Reference::gdn_layer(int il, const std::vector<float>& x, std::vector<float>& out) {
  const auto& c = w_.config;
  const auto& L = w_.layers[il];
  const int C = c.conv_channels(), K = c.conv_kernel;
  const int dk = c.k_head_dim, dv = c.v_head_dim, Hk = c.n_k_heads, Hv = c.n_v_heads;

  std::vector<float> qkv = matvec(L.attn_qkv, x, C);              // [C] raw conv input
  std::vector<float> z = matvec(L.attn_gate, x, static_cast<size_t>(Hv) * dv);
  std::vector<float> b = matvec(L.ssm_beta, x, Hv);
  std::vector<float> al = matvec(L.ssm_alpha, x, Hv);

  // Causal depthwise conv over [state (K-1 rows); current], then SiLU (qwen35.md §2.4.2).
  std::vector<float>& cs = conv_state_[il];  // [K-1][C]
  std::vector<float> xc(C);
  for (int ch = 0; ch < C; ++ch) {
    double acc = 0.0;
    for (int j = 0; j < K; ++j) {
      const float in = j < K - 1 ? cs[static_cast<size_t>(j) * C + ch] : qkv[ch];
      acc += static_cast<double>(L.ssm_conv1d[static_cast<size_t>(ch) * K + j]) * in;
    }
    xc[ch] = silu(static_cast<float>(acc));
  }
  for (int j = 0; j + 1 < K - 1; ++j)
    std::copy_n(cs.begin() + static_cast<std::ptrdiff_t>(j + 1) * C, C, cs.begin() + static_cast<std::ptrdiff_t>(j) * C);
  if (K > 1) std::copy_n(qkv.begin(), C, cs.begin() + static_cast<std::ptrdiff_t>(K - 2) * C);

  float* q = xc.data();
  float* k = xc.data() + static_cast<size_t>(Hk) * dk;
  float* v = xc.data() + static_cast<size_t>(2 * Hk) * dk;
  const double q_scale = 1.0 / std::sqrt(static_cast<double>(dk));
  for (int h = 0; h < Hk; ++h) {
    for (float* p : {q + static_cast<size_t>(h) * dk, k + static_cast<size_t>(h) * dk}) {
      double ss = 0.0;
      for (int i = 0; i < dk; ++i) ss += static_cast<double>(p[i]) * p[i];
      const double inv = 1.0 / std::sqrt(ss + 1e-6);
      for (int i = 0; i < dk; ++i) p[i] = static_cast<float>(p[i] * inv);
    }
    for (int i = 0; i < dk; ++i) q[static_cast<size_t>(h) * dk + i] = static_cast<float>(q[static_cast<size_t>(h) * dk + i] * q_scale);
  }

  std::vector<float> y(static_cast<size_t>(Hv) * dv);
  std::vector<float>& S_all = delta_state_[il];
  for (int j = 0; j < Hv; ++j) {
    const int kh = c.k_head_for_v_head(j);
    const float* qh = q + static_cast<size_t>(kh) * dk;
    const float* kv = k + static_cast<size_t>(kh) * dk;
    const float* vh = v + static_cast<size_t>(j) * dv;
    const float beta = sigmoid(b[j]);
    const float g = L.ssm_a[j] * softplus(al[j] + L.ssm_dt_bias[j]);
    float* S = S_all.data() + static_cast<size_t>(j) * dk * dv;  // [dk][dv]
    float* o = y.data() + static_cast<size_t>(j) * dv;
    delta_rule_recurrent({qh, kv, vh, &g, &beta, 1, dk, dv}, S, o);
    // Gated RMSNorm: normalise, scale by the (plain) weight, gate with SiLU(z) (qwen35.md §2.2 item 2).
    rms_norm_inplace(o, dv, L.ssm_norm.data(), c.rms_eps);
    for (int col = 0; col < dv; ++col) o[col] *= silu(z[static_cast<size_t>(j) * dv + col]);
  }
  out = matvec(L.ssm_out, y, c.n_embd);
}

void Qwen35Reference::store_kv(int il, const std::vector<float>& x, const std::array<int64_t, 3>& pos3) {
  const auto& c = w_.config;
  const auto& L = w_.layers[il];
  const int hd = c.head_dim, Hkv = c.n_head_kv;
  std::vector<float> kk = matvec(L.attn_k, x, static_cast<size_t>(Hkv) * hd);
  std::vector<float> vv = matvec(L.attn_v, x, static_cast<size_t>(Hkv) * hd);
  for (int g = 0; g < Hkv; ++g) {
    float* kh = kk.data() + static_cast<size_t>(g) * hd;
    rms_norm_inplace(kh, hd, L.attn_k_norm.data(), c.rms_eps);
    rope_head(kh, c, pos3);
  }
  k_cache_[il].insert(k_cache_[il].end(), kk.begin(), kk.end());
  v_cache_[il].insert(v_cache_[il].end(), vv.begin(), vv.end());
}

void Qwen35Reference::attention_layer(int il, const std::vector<float>& x, const std::array<int64_t, 3>& pos3,
                                      std::vector<float>& out) {
  const auto& c = w_.config;
  const auto& L = w_.layers[il];
  const int hd = c.head_dim, H = c.n_head, Hkv = c.n_head_kv;

  std::vector<float> qg = matvec(L.attn_q, x, static_cast<size_t>(H) * 2 * hd);  // per head [q | gate]
  store_kv(il, x, pos3);
  const size_t n_ctx = k_cache_[il].size() / (static_cast<size_t>(Hkv) * hd);

  std::vector<float> attn(static_cast<size_t>(H) * hd);
  const double scale = 1.0 / std::sqrt(static_cast<double>(hd));
  std::vector<double> scores(n_ctx);
  for (int h = 0; h < H; ++h) {
    std::vector<float> qh(qg.begin() + static_cast<std::ptrdiff_t>(h) * 2 * hd, qg.begin() + static_cast<std::ptrdiff_t>(h) * 2 * hd + hd);
    const float* gate = qg.data() + static_cast<size_t>(h) * 2 * hd + hd;
    rms_norm_inplace(qh.data(), hd, L.attn_q_norm.data(), c.rms_eps);
    rope_head(qh.data(), c, pos3);
    const int g = h / (H / Hkv);
    double mx = -1e300;
    for (size_t t = 0; t < n_ctx; ++t) {
      const float* kt = k_cache_[il].data() + (t * Hkv + g) * hd;
      double s = 0.0;
      for (int i = 0; i < hd; ++i) s += static_cast<double>(qh[i]) * kt[i];
      scores[t] = s * scale;
      mx = std::max(mx, scores[t]);
    }
    double sum = 0.0;
    for (size_t t = 0; t < n_ctx; ++t) sum += (scores[t] = std::exp(scores[t] - mx));
    float* o = attn.data() + static_cast<size_t>(h) * hd;
    for (int i = 0; i < hd; ++i) {
      double acc = 0.0;
      for (size_t t = 0; t < n_ctx; ++t) acc += scores[t] * v_cache_[il][(t * Hkv + g) * hd + i];
      o[i] = static_cast<float>(acc / sum) * sigmoid(gate[i]);
    }
  }
  out = matvec(L.attn_output, attn, c.n_embd);
}

}  // namespace lectern::cpu
