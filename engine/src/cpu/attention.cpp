// attention.cpp: reference per-head norm + IMROPE and causal gated GQA attention (qwen35.md §2.5), f64 math.
#include "cpu/attention.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace lectern::cpu {

int imrope_axis(uint32_t i, const std::array<uint32_t, 4>& sections) {
  const uint32_t total = sections[0] + sections[1] + sections[2] + sections[3];
  const uint32_t s = total == 0 ? i : i % total;
  if (s % 3 == 1 && s < 3 * sections[1]) return 1;
  if (s % 3 == 2 && s < 3 * sections[2]) return 2;
  if (s % 3 == 0 && s < 3 * sections[0]) return 0;
  return 3;
}

Status head_norm_rope(std::span<float> x, const HeadRows& r, std::span<const float> w, float eps,
                      const RopeParams& rope, std::span<const int32_t> positions) {
  const bool shape_ok = r.head_dim > 0 && r.n_head > 0 && r.head_stride >= r.head_dim &&
                        r.row_stride >= (r.n_head - 1) * r.head_stride + r.head_dim &&
                        x.size() >= r.n_tokens * r.row_stride;
  if (!shape_ok || positions.size() != 3 * r.n_tokens) {
    return Status(ErrorCode::InvalidArgument, "head_norm_rope: inconsistent layout (tokens " +
                                                  std::to_string(r.n_tokens) + ", heads " + std::to_string(r.n_head) +
                                                  " x " + std::to_string(r.head_dim) + ", x " +
                                                  std::to_string(x.size()) + " floats, positions " +
                                                  std::to_string(positions.size()) + ")");
  }
  if (!w.empty() && w.size() != r.head_dim) {
    return Status(ErrorCode::InvalidArgument, "head_norm_rope: w has " + std::to_string(w.size()) +
                                                  " elements, expected head_dim " + std::to_string(r.head_dim));
  }
  if (rope.n_rot % 2 != 0 || rope.n_rot > r.head_dim) {
    return Status(ErrorCode::InvalidArgument, "head_norm_rope: n_rot " + std::to_string(rope.n_rot) +
                                                  " must be even and at most head_dim " + std::to_string(r.head_dim));
  }
  const size_t half = rope.n_rot / 2;
  std::vector<double> h(r.head_dim);
  for (size_t t = 0; t < r.n_tokens; ++t) {
    for (size_t head = 0; head < r.n_head; ++head) {
      float* xh = x.data() + t * r.row_stride + head * r.head_stride;
      double scale = 1.0;
      if (!w.empty()) {
        double sum = 0.0;
        for (size_t i = 0; i < r.head_dim; ++i) sum += double(xh[i]) * double(xh[i]);
        scale = 1.0 / std::sqrt(sum / double(r.head_dim) + double(eps));
      }
      for (size_t i = 0; i < r.head_dim; ++i) h[i] = double(xh[i]) * scale * (w.empty() ? 1.0 : double(w[i]));
      for (size_t i = 0; i < half; ++i) {
        const int axis = imrope_axis(static_cast<uint32_t>(i), rope.sections);
        const double p = positions[3 * t + (axis < 3 ? axis : 0)];
        const double inv_freq = std::pow(rope.theta, -2.0 * double(i) / double(rope.n_rot));
        const double angle = p * inv_freq;  // |p| < 2^31: the product keeps ~1e-16 relative accuracy
        const double c = std::cos(angle), s = std::sin(angle);
        const double a = h[i], b = h[i + half];
        h[i] = a * c - b * s;
        h[i + half] = b * c + a * s;
      }
      for (size_t i = 0; i < r.head_dim; ++i) xh[i] = static_cast<float>(h[i]);
    }
  }
  return Status::ok();
}

Status kv_round_trip_q8_0(std::span<float> x) {
  if (x.size() % 32 != 0)
    return Status(ErrorCode::InvalidArgument, "kv_round_trip_q8_0: " + std::to_string(x.size()) +
                                                  " values are not whole groups of 32");
  for (size_t g = 0; g < x.size(); g += 32) {
    float amax = 0.0f;
    for (size_t i = g; i < g + 32; ++i) amax = std::max(amax, std::fabs(x[i]));
    const float d = amax / 127.0f;
    const float id = d > 0.0f ? 1.0f / d : 0.0f;
    for (size_t i = g; i < g + 32; ++i) {
      const float v = x[i] * id;
      const float q = std::clamp(std::copysign(std::floor(std::fabs(v) + 0.5f), v), -127.0f, 127.0f);
      x[i] = q * d;
    }
  }
  return Status::ok();
}

Status gated_attention(std::span<const float> qg, std::span<const float> k, std::span<const float> v,
                       const AttentionDims& d, std::span<float> out) {
  const size_t hd = d.head_dim;
  const size_t n_keys = d.n_past + d.n_tokens;
  const size_t kv_row = d.n_head_kv * hd;
  if (hd == 0 || d.n_head == 0 || d.n_head_kv == 0 || d.n_head % d.n_head_kv != 0 || d.n_tokens == 0 ||
      qg.size() != d.n_tokens * d.n_head * 2 * hd || out.size() != d.n_tokens * d.n_head * hd ||
      k.size() < n_keys * kv_row || v.size() < n_keys * kv_row) {
    return Status(ErrorCode::InvalidArgument, "gated_attention: inconsistent shapes (T " + std::to_string(d.n_tokens) +
                                                  ", n_past " + std::to_string(d.n_past) + ", heads " +
                                                  std::to_string(d.n_head) + "/" + std::to_string(d.n_head_kv) +
                                                  " x " + std::to_string(hd) + ")");
  }
  const size_t n_rep = d.n_head / d.n_head_kv;
  std::vector<double> p(n_keys), acc(hd);
  for (size_t t = 0; t < d.n_tokens; ++t) {
    const size_t n_visible = d.n_past + t + 1;  // causal: keys at positions 0 .. n_past + t
    for (size_t h = 0; h < d.n_head; ++h) {
      const float* q = qg.data() + (t * d.n_head + h) * 2 * hd;
      const float* gate = q + hd;
      const size_t g = h / n_rep;
      double m = -INFINITY;
      for (size_t j = 0; j < n_visible; ++j) {
        const float* kj = k.data() + j * kv_row + g * hd;
        double dot = 0.0;
        for (size_t i = 0; i < hd; ++i) dot += double(q[i]) * double(kj[i]);
        p[j] = dot * d.scale;
        m = std::max(m, p[j]);
      }
      double sum = 0.0;
      for (size_t j = 0; j < n_visible; ++j) sum += (p[j] = std::exp(p[j] - m));
      std::fill(acc.begin(), acc.end(), 0.0);
      for (size_t j = 0; j < n_visible; ++j) {
        const float* vj = v.data() + j * kv_row + g * hd;
        for (size_t i = 0; i < hd; ++i) acc[i] += p[j] * double(vj[i]);
      }
      float* o = out.data() + t * d.n_head * hd + h * hd;
      for (size_t i = 0; i < hd; ++i) {
        const double sig = 1.0 / (1.0 + std::exp(-double(gate[i])));
        o[i] = static_cast<float>(acc[i] / sum * sig);
      }
    }
  }
  return Status::ok();
}

}  // namespace lectern::cpu
