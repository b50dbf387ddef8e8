// test_model_tensors.cpp: tensor plan, seeded per-row random values, GGUF type mix, and streamed encoding for the
// random-weight test models (make-test-model).
#include "model/test_model_tensors.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <thread>

#include "core/quant.h"
#include "model/weights.h"

namespace lectern::model {

const char* test_model_type_name(TestModelType type) {
  switch (type) {
    case TestModelType::F32: return "f32";
    case TestModelType::F16: return "f16";
    case TestModelType::BF16: return "bf16";
    case TestModelType::Q8_0: return "q8_0";
    case TestModelType::Q4_K_M: return "q4_k_m";
  }
  return "?";
}

uint32_t gguf_file_type(TestModelType type) {
  switch (type) {  // llama_ftype values
    case TestModelType::F32: return 0;
    case TestModelType::F16: return 1;
    case TestModelType::BF16: return 32;
    case TestModelType::Q8_0: return 7;
    case TestModelType::Q4_K_M: return 15;
  }
  return 0;
}

std::vector<TensorPlan> plan_test_model_tensors(const HParams& hp, uint64_t n_real_tokens) {
  std::vector<TensorPlan> plans;
  const uint64_t E = hp.n_embd, F = hp.n_ff, V = hp.n_vocab;
  const uint64_t H = hp.n_head, Hkv = hp.n_head_kv, D = hp.head_dim;
  const uint64_t Hv = hp.n_v_heads, dv = hp.v_head_dim, K = hp.conv_kernel, C = hp.gdn_conv_channels();
  auto add = [&](std::string gguf, std::string hf, std::vector<uint64_t> shape, Init init) -> TensorPlan& {
    TensorPlan p;
    p.gguf_name = std::move(gguf);
    p.hf_name = std::move(hf);
    p.hf_shape = shape;
    p.gguf_ne.assign(shape.rbegin(), shape.rend());
    p.row_len = shape.back();
    p.n_rows = 1;
    for (size_t i = 0; i + 1 < shape.size(); ++i) p.n_rows *= shape[i];
    p.init = init;
    p.small = shape.size() == 1;
    plans.push_back(std::move(p));
    return plans.back();
  };
  const std::string lm = "model.language_model.";
  add("token_embd.weight", lm + "embed_tokens.weight", {V, E}, Init::Embedding).n_nonzero_rows = n_real_tokens;
  for (uint32_t i = 0; i < hp.n_layer; ++i) {
    const std::string g = "blk." + std::to_string(i) + ".";
    const std::string h = lm + "layers." + std::to_string(i) + ".";
    add(g + "attn_norm.weight", h + "input_layernorm.weight", {E}, Init::ZeroCentredNorm);
    if (!hp.is_full_attention(i)) {
      const std::string la = h + "linear_attn.";
      TensorPlan& a = add(g + "ssm_a", la + "A_log", {Hv}, Init::ALog);
      a.vperm = VPerm::Elements, a.vperm_unit = 1;
      TensorPlan& conv = add(g + "ssm_conv1d.weight", la + "conv1d.weight", {C, 1, K}, Init::Conv);
      conv.gguf_ne = {K, C};
      conv.small = true;
      conv.vperm = VPerm::VRows, conv.vperm_unit = dv, conv.vperm_base = 2ull * hp.gdn_key_dim();
      TensorPlan& dt = add(g + "ssm_dt.bias", la + "dt_bias", {Hv}, Init::DtBias);
      dt.vperm = VPerm::Elements, dt.vperm_unit = 1;
      TensorPlan& alpha = add(g + "ssm_alpha.weight", la + "in_proj_a.weight", {Hv, E}, Init::Matrix);
      alpha.vperm = VPerm::Rows, alpha.vperm_unit = 1;
      TensorPlan& beta = add(g + "ssm_beta.weight", la + "in_proj_b.weight", {Hv, E}, Init::Matrix);
      beta.vperm = VPerm::Rows, beta.vperm_unit = 1;
      TensorPlan& qkv = add(g + "attn_qkv.weight", la + "in_proj_qkv.weight", {C, E}, Init::Matrix);
      qkv.vperm = VPerm::VRows, qkv.vperm_unit = dv, qkv.vperm_base = 2ull * hp.gdn_key_dim();
      TensorPlan& z = add(g + "attn_gate.weight", la + "in_proj_z.weight", {Hv * dv, E}, Init::Matrix);
      z.vperm = VPerm::Rows, z.vperm_unit = dv;
      add(g + "ssm_norm.weight", la + "norm.weight", {dv}, Init::GatedNorm);
      TensorPlan& out = add(g + "ssm_out.weight", la + "out_proj.weight", {E, Hv * dv}, Init::Matrix);
      out.vperm = VPerm::Columns, out.vperm_unit = dv;
    }
    add(g + "ffn_down.weight", h + "mlp.down_proj.weight", {E, F}, Init::Matrix);
    add(g + "ffn_gate.weight", h + "mlp.gate_proj.weight", {F, E}, Init::Matrix);
    add(g + "ffn_up.weight", h + "mlp.up_proj.weight", {F, E}, Init::Matrix);
    add(g + "post_attention_norm.weight", h + "post_attention_layernorm.weight", {E}, Init::ZeroCentredNorm);
    if (hp.is_full_attention(i)) {
      const std::string sa = h + "self_attn.";
      add(g + "attn_k_norm.weight", sa + "k_norm.weight", {D}, Init::ZeroCentredNorm);
      add(g + "attn_k.weight", sa + "k_proj.weight", {Hkv * D, E}, Init::Matrix);
      add(g + "attn_output.weight", sa + "o_proj.weight", {E, H * D}, Init::Matrix);
      add(g + "attn_q_norm.weight", sa + "q_norm.weight", {D}, Init::ZeroCentredNorm);
      add(g + "attn_q.weight", sa + "q_proj.weight", {2 * H * D, E}, Init::Matrix);
      add(g + "attn_v.weight", sa + "v_proj.weight", {Hkv * D, E}, Init::Matrix);
    }
  }
  add("output_norm.weight", lm + "norm.weight", {E}, Init::ZeroCentredNorm);
  return plans;
}

namespace {

bool ends_with(const std::string& s, const char* suffix) {
  size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// llama.cpp's use_more_bits (llama-quant.cpp): the first and last eighth, and every third layer in between.
bool use_more_bits(int i, int n) { return i < n / 8 || i >= 7 * n / 8 || (i - n / 8) % 3 == 2; }

DType fallback(DType t, uint64_t row_len) {
  if (row_len % dtype_info(t).block_elems == 0) return t;
  if (row_len % 32 == 0) return DType::Q8_0;
  return DType::F16;
}

}  // namespace

std::vector<DType> gguf_tensor_types(const std::vector<TensorPlan>& plans, TestModelType type) {
  std::vector<DType> out;
  int n_wv = 0, n_down = 0;
  for (const TensorPlan& p : plans) {
    n_wv += ends_with(p.gguf_name, "attn_v.weight") || ends_with(p.gguf_name, "attn_qkv.weight");
    n_down += ends_with(p.gguf_name, "ffn_down.weight");
  }
  int i_wv = 0, i_down = 0;
  for (const TensorPlan& p : plans) {
    if (p.small) {
      out.push_back(DType::F32);
      continue;
    }
    DType t = DType::F32;
    switch (type) {
      case TestModelType::F32: t = DType::F32; break;
      case TestModelType::F16: t = DType::F16; break;
      case TestModelType::BF16: t = DType::BF16; break;
      case TestModelType::Q8_0: t = fallback(DType::Q8_0, p.row_len); break;
      case TestModelType::Q4_K_M: {
        t = DType::Q4_K;
        if (p.gguf_name == "token_embd.weight") {
          // Tied embeddings take the output tensor's type: Q6_K (Q8_0 when the row does not fit 256-blocks).
          t = p.row_len % 256 != 0 ? DType::Q8_0 : DType::Q6_K;
        } else if (ends_with(p.gguf_name, "attn_v.weight") || ends_with(p.gguf_name, "attn_qkv.weight")) {
          // llama.cpp counts attn_qkv in the attn_v category (category_is_attn_v), one counter for both.
          if (use_more_bits(i_wv, n_wv)) t = DType::Q6_K;
          ++i_wv;
        } else if (ends_with(p.gguf_name, "ffn_down.weight")) {
          if (use_more_bits(i_down, n_down)) t = DType::Q6_K;
          ++i_down;
        }
        t = fallback(t, p.row_len);
        break;
      }
    }
    out.push_back(t);
  }
  return out;
}

DType hf_tensor_dtype(const TensorPlan& plan, TestModelType type) {
  if (plan.init == Init::ALog) return DType::F32;
  switch (type) {
    case TestModelType::F16: return DType::F16;
    case TestModelType::BF16: return DType::BF16;
    default: return DType::F32;
  }
}

namespace {

uint64_t splitmix64(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

uint64_t fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

// xoshiro256** seeded by splitmix64: fast, good enough for weights.
struct Rng {
  uint64_t s[4];
  explicit Rng(uint64_t seed) {
    for (uint64_t& x : s) x = splitmix64(seed);
  }
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t next() {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
  }
  float uniform() { return static_cast<float>(next() >> 40) * (1.0f / 16777216.0f); }  // [0, 1)
};

// n standard normals by Box-Muller.
void fill_normal(Rng& rng, float* out, uint64_t n, float mean, float stddev) {
  constexpr float k_two_pi = 6.2831853071795864769f;
  for (uint64_t i = 0; i < n; i += 2) {
    float u1 = (static_cast<float>(rng.next() >> 40) + 0.5f) * (1.0f / 16777216.0f);  // (0, 1)
    float u2 = rng.uniform();
    float r = std::sqrt(-2.0f * std::log(u1));
    out[i] = mean + stddev * r * std::cos(k_two_pi * u2);
    if (i + 1 < n) out[i + 1] = mean + stddev * r * std::sin(k_two_pi * u2);
  }
}

}  // namespace

void generate_row(const TensorPlan& plan, uint64_t seed, uint64_t row, float* out) {
  uint64_t s = seed ^ fnv1a(plan.hf_name);
  uint64_t tensor_seed = splitmix64(s);
  Rng rng(tensor_seed ^ (row * 0xd1b54a32d192ed03ull));
  const uint64_t n = plan.row_len;
  switch (plan.init) {
    case Init::Embedding:
      if (row >= plan.n_nonzero_rows) std::fill(out, out + n, 0.0f);
      else fill_normal(rng, out, n, 0.0f, 0.5f);
      break;
    case Init::Matrix: fill_normal(rng, out, n, 0.0f, 1.2f / std::sqrt(static_cast<float>(n))); break;
    case Init::ZeroCentredNorm: fill_normal(rng, out, n, 0.0f, 0.1f); break;
    case Init::GatedNorm: fill_normal(rng, out, n, 1.0f, 0.1f); break;
    case Init::DtBias: fill_normal(rng, out, n, 0.0f, 0.5f); break;
    case Init::Conv: fill_normal(rng, out, n, 0.0f, 0.3f); break;
    case Init::ALog: {
      const float lo = std::log(0.01f), hi = std::log(2.0f);
      for (uint64_t i = 0; i < n; ++i) out[i] = lo + rng.uniform() * (hi - lo);
      break;
    }
  }
}

namespace {

// Runs fn(i) for i in [0, n) on up to `threads` threads.
template <typename Fn>
void parallel_for(uint64_t n, unsigned threads, const Fn& fn) {
  if (threads <= 1 || n < 2) {
    for (uint64_t i = 0; i < n; ++i) fn(i);
    return;
  }
  threads = static_cast<unsigned>(std::min<uint64_t>(threads, n));
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      for (uint64_t i = t; i < n; i += threads) fn(i);
    });
  for (auto& th : pool) th.join();
}

unsigned worker_count() {
  unsigned n = std::thread::hardware_concurrency();
  return std::clamp(n, 1u, 16u);
}

void round_to(DType t, float* v, uint64_t n) {
  if (t == DType::F16)
    for (uint64_t i = 0; i < n; ++i) v[i] = f16_to_f32(f32_to_f16(v[i]));
  else if (t == DType::BF16)
    for (uint64_t i = 0; i < n; ++i) v[i] = bf16_to_f32(f32_to_bf16(v[i]));
}

void encode_row(DType t, const float* v, uint64_t n, uint8_t* dst) {
  switch (t) {
    case DType::F32: std::memcpy(dst, v, n * sizeof(float)); break;
    case DType::F16:
      for (uint64_t i = 0; i < n; ++i) {
        uint16_t h = f32_to_f16(v[i]);
        std::memcpy(dst + 2 * i, &h, 2);
      }
      break;
    case DType::BF16:
      for (uint64_t i = 0; i < n; ++i) {
        uint16_t h = f32_to_bf16(v[i]);
        std::memcpy(dst + 2 * i, &h, 2);
      }
      break;
    default: quantize_row(t, v, dst, static_cast<int64_t>(n)); break;
  }
}

}  // namespace

Status produce_tensor(const HParams& hp, const TensorPlan& plan, uint64_t seed, bool gguf, DType dtype,
                      DType logical_dtype, const ByteSink& sink) {
  const uint64_t n = plan.row_len;
  const DTypeInfo info = dtype_info(dtype);
  if (n % info.block_elems != 0)
    return Status(ErrorCode::InvalidArgument, "tensor " + plan.gguf_name + " rows of " + std::to_string(n) +
                                                  " do not fit " + info.name + " blocks");
  const uint64_t row_bytes = dtype_row_bytes(dtype, n);
  const int hk = static_cast<int>(hp.n_k_heads), hv = static_cast<int>(hp.n_v_heads);
  const bool tiled = gguf && hv > hk && plan.vperm != VPerm::None;
  // Stored row -> logical (HF) row.
  auto logical_row = [&](uint64_t rs) -> uint64_t {
    if (!tiled || (plan.vperm != VPerm::Rows && plan.vperm != VPerm::VRows) || rs < plan.vperm_base) return rs;
    uint64_t k = rs - plan.vperm_base;
    uint64_t head = k / plan.vperm_unit;
    return plan.vperm_base + v_head_tiled_to_grouped(static_cast<int>(head), hk, hv) * plan.vperm_unit + k % plan.vperm_unit;
  };
  const uint64_t rows_per_block = std::max<uint64_t>(1, (uint64_t{1} << 20) / n);
  const unsigned threads = n * plan.n_rows >= (1u << 16) ? worker_count() : 1;
  std::vector<uint8_t> block;
  for (uint64_t r0 = 0; r0 < plan.n_rows; r0 += rows_per_block) {
    const uint64_t nr = std::min(rows_per_block, plan.n_rows - r0);
    block.resize(nr * row_bytes);
    parallel_for(nr, threads, [&](uint64_t i) {
      std::vector<float> v(n), tmp;
      generate_row(plan, seed, logical_row(r0 + i), v.data());
      if (tiled && (plan.vperm == VPerm::Columns || plan.vperm == VPerm::Elements)) {
        tmp = v;
        const uint64_t u = plan.vperm_unit;
        for (int jt = 0; jt < hv; ++jt)
          std::memcpy(v.data() + jt * u, tmp.data() + v_head_tiled_to_grouped(jt, hk, hv) * u, u * sizeof(float));
      }
      round_to(logical_dtype, v.data(), n);
      if (gguf && plan.init == Init::ZeroCentredNorm)
        for (float& x : v) x += 1.0f;  // llama.cpp stores 1 + w
      if (gguf && plan.init == Init::ALog)
        for (float& x : v) x = -std::exp(x);  // ssm_a = -exp(A_log)
      encode_row(dtype, v.data(), n, block.data() + i * row_bytes);
    });
    LECTERN_TRY(sink(block.data(), block.size()));
  }
  return Status::ok();
}

}  // namespace lectern::model
