// vision_ops.cpp: reference vision-encoder ops (LayerNorm, GELU, bias, NeoX rope, segmented attention) in double.
#include "cpu/vision_ops.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

namespace lectern::cpu {

namespace {

Status bad(const std::string& op, const std::string& what) {
  return Status(ErrorCode::InvalidArgument, op + ": " + what);
}

std::string n_str(size_t n) { return std::to_string(n); }

}  // namespace

Status layer_norm(std::span<const float> x, std::span<const float> weight, std::span<const float> bias,
                  std::span<float> y, size_t dim, float eps) {
  if (dim == 0 || x.size() % dim != 0 || weight.size() != dim || bias.size() != dim || y.size() != x.size()) {
    return bad("layer_norm", "x has " + n_str(x.size()) + " elements, weight " + n_str(weight.size()) + ", bias " +
                                 n_str(bias.size()) + ", y " + n_str(y.size()) + " for rows of " + n_str(dim) +
                                 "; x and y must be whole rows, weight and bias one row each");
  }
  if (!(eps >= 0.0f)) return bad("layer_norm", "eps must be >= 0");
  for (size_t base = 0; base < x.size(); base += dim) {
    double sum = 0.0;
    for (size_t i = 0; i < dim; ++i) sum += x[base + i];
    double mean = sum / double(dim);
    double sq = 0.0;
    for (size_t i = 0; i < dim; ++i) {
      double d = double(x[base + i]) - mean;
      sq += d * d;
    }
    double inv = 1.0 / std::sqrt(sq / double(dim) + double(eps));
    for (size_t i = 0; i < dim; ++i) {
      y[base + i] = static_cast<float>((double(x[base + i]) - mean) * inv * double(weight[i]) + double(bias[i]));
    }
  }
  return Status::ok();
}

Status gelu_tanh(std::span<const float> x, std::span<float> y) {
  if (x.size() != y.size()) return bad("gelu_tanh", "x has " + n_str(x.size()) + " elements, y " + n_str(y.size()));
  const double c = std::sqrt(2.0 / std::numbers::pi);
  for (size_t i = 0; i < x.size(); ++i) {
    double v = x[i];
    y[i] = static_cast<float>(0.5 * v * (1.0 + std::tanh(c * (v + 0.044715 * v * v * v))));
  }
  return Status::ok();
}

Status gelu_erf(std::span<const float> x, std::span<float> y) {
  if (x.size() != y.size()) return bad("gelu_erf", "x has " + n_str(x.size()) + " elements, y " + n_str(y.size()));
  for (size_t i = 0; i < x.size(); ++i) {
    double v = x[i];
    y[i] = static_cast<float>(0.5 * v * (1.0 + std::erf(v / std::numbers::sqrt2)));
  }
  return Status::ok();
}

Status add_bias(std::span<float> x, std::span<const float> bias) {
  if (bias.empty() || x.size() % bias.size() != 0) {
    return bad("add_bias", "x has " + n_str(x.size()) + " elements, not whole rows of the bias (" +
                               n_str(bias.size()) + ")");
  }
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(double(x[i]) + double(bias[i % bias.size()]));
  return Status::ok();
}

Status rope_neox(std::span<float> x, size_t n_head, size_t head_dim, std::span<const float> angles) {
  if (n_head == 0 || head_dim == 0 || head_dim % 2 != 0) {
    return bad("rope_neox", "n_head (" + n_str(n_head) + ") must be > 0 and head_dim (" + n_str(head_dim) +
                                ") even and > 0");
  }
  const size_t row = n_head * head_dim, half = head_dim / 2;
  if (x.size() % row != 0 || angles.size() != x.size() / row * half) {
    return bad("rope_neox", "x has " + n_str(x.size()) + " elements and angles " + n_str(angles.size()) +
                                "; need x = [n, " + n_str(n_head) + ", " + n_str(head_dim) + "] and angles = [n, " +
                                n_str(half) + "]");
  }
  const size_t n = x.size() / row;
  for (size_t r = 0; r < n; ++r) {
    for (size_t h = 0; h < n_head; ++h) {
      float* p = x.data() + r * row + h * head_dim;
      for (size_t e = 0; e < half; ++e) {
        double a = angles[r * half + e];
        double c = std::cos(a), s = std::sin(a);
        double x0 = p[e], x1 = p[e + half];
        p[e] = static_cast<float>(x0 * c - x1 * s);
        p[e + half] = static_cast<float>(x1 * c + x0 * s);
      }
    }
  }
  return Status::ok();
}

Status attention_segments(std::span<const float> q, std::span<const float> k, std::span<const float> v,
                          size_t n_head, size_t head_dim, std::span<const uint32_t> segments, float scale,
                          std::span<float> out) {
  if (n_head == 0 || head_dim == 0) return bad("attention_segments", "n_head and head_dim must be > 0");
  const size_t row = n_head * head_dim;
  size_t n = 0;
  for (uint32_t len : segments) {
    if (len == 0) return bad("attention_segments", "segment lengths must be > 0");
    n += len;
  }
  if (q.size() != n * row || k.size() != q.size() || v.size() != q.size() || out.size() != q.size()) {
    return bad("attention_segments", "q, k, v, out have " + n_str(q.size()) + ", " + n_str(k.size()) + ", " +
                                         n_str(v.size()) + ", " + n_str(out.size()) + " elements; the segments sum to " +
                                         n_str(n) + " rows of " + n_str(n_head) + " x " + n_str(head_dim));
  }
  std::vector<double> scores, acc(head_dim);
  size_t begin = 0;
  for (uint32_t len : segments) {
    scores.resize(len);
    for (size_t t = begin; t < begin + len; ++t) {
      for (size_t h = 0; h < n_head; ++h) {
        const float* qt = q.data() + t * row + h * head_dim;
        double max_s = -INFINITY;
        for (size_t j = 0; j < len; ++j) {
          const float* kj = k.data() + (begin + j) * row + h * head_dim;
          double dot = 0.0;
          for (size_t d = 0; d < head_dim; ++d) dot += double(qt[d]) * double(kj[d]);
          scores[j] = dot * double(scale);
          max_s = std::max(max_s, scores[j]);
        }
        double denom = 0.0;
        std::fill(acc.begin(), acc.end(), 0.0);
        for (size_t j = 0; j < len; ++j) {
          double p = std::exp(scores[j] - max_s);
          denom += p;
          const float* vj = v.data() + (begin + j) * row + h * head_dim;
          for (size_t d = 0; d < head_dim; ++d) acc[d] += p * double(vj[d]);
        }
        float* o = out.data() + t * row + h * head_dim;
        for (size_t d = 0; d < head_dim; ++d) o[d] = static_cast<float>(acc[d] / denom);
      }
    }
    begin += len;
  }
  return Status::ok();
}

}  // namespace lectern::cpu
