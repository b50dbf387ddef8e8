// model_weights_compare.h: compares two ModelWeights descriptions of the same logical model (e.g. a GGUF and the
// HF folder it was converted from): hyperparameters, shapes, canonical small-tensor values and matrix bytes,
// undoing the v-head order (tiled vs grouped, qwen35.md §8.1.4) so that logical heads are compared.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "model/weights.h"

namespace lectern::testing {

inline void expect_same_hparams(const model::HParams& a, const model::HParams& b) {
  EXPECT_EQ(a.n_layer, b.n_layer);
  EXPECT_EQ(a.n_embd, b.n_embd);
  EXPECT_EQ(a.n_ff, b.n_ff);
  EXPECT_EQ(a.n_head, b.n_head);
  EXPECT_EQ(a.n_head_kv, b.n_head_kv);
  EXPECT_EQ(a.head_dim, b.head_dim);
  EXPECT_EQ(a.n_rot, b.n_rot);
  EXPECT_DOUBLE_EQ(a.rope_theta, b.rope_theta);
  EXPECT_EQ(a.mrope_sections, b.mrope_sections);
  EXPECT_FLOAT_EQ(a.rms_eps, b.rms_eps);
  EXPECT_EQ(a.conv_kernel, b.conv_kernel);
  EXPECT_EQ(a.n_k_heads, b.n_k_heads);
  EXPECT_EQ(a.n_v_heads, b.n_v_heads);
  EXPECT_EQ(a.k_head_dim, b.k_head_dim);
  EXPECT_EQ(a.v_head_dim, b.v_head_dim);
  EXPECT_EQ(a.layer_types, b.layer_types);
  EXPECT_EQ(a.n_vocab, b.n_vocab);
  EXPECT_EQ(a.n_ctx_train, b.n_ctx_train);
  EXPECT_EQ(a.tied_embeddings, b.tied_embeddings);
}

// Which v-head reorder a tensor is subject to.
enum class VHeadLayout { None, Rows, VRowsOfQkv, Elements, ConvChannels, Columns };

inline VHeadLayout v_head_layout(const std::string& name) {
  auto ends = [&](const char* s) { return name.size() >= std::strlen(s) && name.compare(name.size() - std::strlen(s), std::string::npos, s) == 0; };
  if (ends("attn_qkv.weight")) return VHeadLayout::VRowsOfQkv;
  if (ends("attn_gate.weight") || ends("ssm_alpha.weight") || ends("ssm_beta.weight")) return VHeadLayout::Rows;
  if (ends("ssm_a") || ends("ssm_dt.bias")) return VHeadLayout::Elements;
  if (ends("ssm_conv1d.weight")) return VHeadLayout::ConvChannels;
  if (ends("ssm_out.weight")) return VHeadLayout::Columns;
  return VHeadLayout::None;
}

// The tensor's bytes with v heads put into grouped (HF) order. Only for dtypes with whole-element rows along the
// permuted axis (F32/F16/BF16; quantized tensors are compared as stored).
inline std::vector<uint8_t> bytes_in_grouped_order(const model::ModelWeights& w, const model::TensorRef& t) {
  std::vector<uint8_t> src(t.data, t.data + t.n_bytes);
  const auto& hp = w.hparams;
  VHeadLayout layout = v_head_layout(t.name);
  if (!w.v_heads_tiled || layout == VHeadLayout::None || hp.n_v_heads == hp.n_k_heads) return src;
  const int hk = static_cast<int>(hp.n_k_heads), hv = static_cast<int>(hp.n_v_heads);
  const size_t el = lectern::dtype_info(t.dtype).block_bytes;  // F32/F16/BF16 only
  const size_t row = t.ne[0] * el;
  std::vector<uint8_t> out = src;
  auto move_rows = [&](size_t base_row, size_t rows_per_head) {
    for (int j = 0; j < hv; ++j) {  // grouped head j is stored at tiled index jt
      int jt = model::v_head_grouped_to_tiled(j, hk, hv);
      std::memcpy(out.data() + (base_row + j * rows_per_head) * row, src.data() + (base_row + jt * rows_per_head) * row,
                  rows_per_head * row);
    }
  };
  switch (layout) {
    case VHeadLayout::Rows: move_rows(0, t.ne[1] / hv); break;
    case VHeadLayout::VRowsOfQkv: move_rows(2 * hp.gdn_key_dim(), hp.v_head_dim); break;
    case VHeadLayout::ConvChannels: move_rows(2 * hp.gdn_key_dim(), hp.v_head_dim); break;
    case VHeadLayout::Elements:
      for (int j = 0; j < hv; ++j)
        std::memcpy(out.data() + j * el, src.data() + model::v_head_grouped_to_tiled(j, hk, hv) * el, el);
      break;
    case VHeadLayout::Columns:
      for (uint64_t r = 0; r < t.ne[1]; ++r)
        for (int j = 0; j < hv; ++j)
          std::memcpy(out.data() + r * row + j * hp.v_head_dim * el,
                      src.data() + r * row + model::v_head_grouped_to_tiled(j, hk, hv) * hp.v_head_dim * el,
                      hp.v_head_dim * el);
      break;
    case VHeadLayout::None: break;
  }
  return out;
}

// a and b describe the same logical model. Small tensors compare by value (ssm_a within `exp_rel_tol`, since
// -exp() may be computed by different libms), matrices by bytes in grouped v-head order.
inline void expect_same_logical_weights(const model::ModelWeights& a, const model::ModelWeights& b,
                                        double exp_rel_tol = 1e-6) {
  expect_same_hparams(a.hparams, b.hparams);
  for (int j = 0; j < static_cast<int>(a.hparams.n_v_heads); ++j) {
    // The stored head holding logical head j must use the same k head in both descriptions.
    int ja = a.v_heads_tiled ? model::v_head_grouped_to_tiled(j, a.hparams.n_k_heads, a.hparams.n_v_heads) : j;
    int jb = b.v_heads_tiled ? model::v_head_grouped_to_tiled(j, b.hparams.n_k_heads, b.hparams.n_v_heads) : j;
    EXPECT_EQ(a.k_head_for_v_head(ja), b.k_head_for_v_head(jb)) << "logical v head " << j;
  }
  auto ta = a.all_tensors(), tb = b.all_tensors();
  ASSERT_EQ(ta.size(), tb.size());
  int compared = 0;
  for (size_t i = 0; i < ta.size(); ++i) {
    const model::TensorRef& x = *ta[i];
    const model::TensorRef& y = *tb[i];
    ASSERT_EQ(x.name, y.name);
    ASSERT_TRUE(x.present() && y.present()) << x.name;
    EXPECT_EQ(x.n_dims, y.n_dims) << x.name;
    EXPECT_EQ(x.ne, y.ne) << x.name;
    EXPECT_EQ(x.dtype, y.dtype) << x.name;
    if (x.ne != y.ne || x.dtype != y.dtype || x.n_bytes != y.n_bytes) continue;
    auto bx = bytes_in_grouped_order(a, x), by = bytes_in_grouped_order(b, y);
    const bool is_ssm_a = x.name.size() > 5 && x.name.compare(x.name.size() - 5, 5, "ssm_a") == 0;
    if (is_ssm_a) {
      const float* fx = reinterpret_cast<const float*>(bx.data());
      const float* fy = reinterpret_cast<const float*>(by.data());
      for (uint64_t k = 0; k < x.n_elements(); ++k)
        EXPECT_NEAR(fx[k], fy[k], exp_rel_tol * std::abs(fy[k])) << x.name << "[" << k << "]";
    } else {
      EXPECT_TRUE(bx == by) << x.name << " differs";
    }
    ++compared;
  }
  EXPECT_EQ(compared, static_cast<int>(ta.size()));
}

}  // namespace lectern::testing
