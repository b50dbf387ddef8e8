// matmul.h: host side of the weight products: matvec (decode, one token) and matmul (prefill, many tokens).
// Weights are DeviceMatrix row blocks; one dispatch per block writes that block's slice of the output, and
// activations larger than one binding are processed in chunks of tokens.
#pragma once

#include <span>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class DeviceMatrix;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// y[n_out] = W[n_out, n_in] · x[n_in]; x, y f32; W f32, f16, bf16, q8_0, q4_k, q5_k or q6_k (dequantised in the
// shader as ggml does). f32 accumulation.
Status matvec(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y);

// y[n_out] += W · x: the residual add folded into a decode product. Only where matvec_can_accumulate (the
// x-in-registers kernel, ops/kernel_config.h); Unsupported elsewhere.
bool matvec_can_accumulate(const vk::Device& device, const vk::DeviceMatrix& w);
Status matvec_add(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y);

// y[n_out] += W · (silu(gate) ⊙ up): the MLP's SwiGLU, down projection and residual add in one decode product.
// gate and up: [n_in]. Only where matvec_can_accumulate; Unsupported elsewhere.
Status matvec_glu_add(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& gate,
                      const vk::BufferSlice& up, const vk::BufferSlice& y);

// RMSNorm of the input folded into a decode product (qwen35.md §2.2, GGUF form): the product's input is
// x / sqrt(mean(x^2) + eps) * w, w: f32 [n_in]. x itself is left as it is (the residual stream keeps it).
struct InputNorm {
  vk::BufferSlice w;
  float eps = 1e-6f;
};
// y[n_out] = W · rms_norm(x). Only where matvec_can_norm (the x-in-registers kernel, unless LECTERN_VK_NORM_FUSION=0
// turns the fusion off for A/B runs); Unsupported elsewhere: then rms_norm + matvec. matvec_multi's `norm` likewise.
bool matvec_can_norm(const vk::Device& device, const vk::DeviceMatrix& w);
Status matvec_norm(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const InputNorm& norm,
                   const vk::BufferSlice& y);

// Several decode products with one input in one dispatch (a layer's q/k/v, or gate and up): y_i = W_i · x for up to
// four matrices. Only where matvec_multi_supported (the x-in-registers kernel, one weight type or K-quants of any
// mix, one row block each); Unsupported elsewhere: then call matvec per matrix. With `norm`, every product's input
// is rms_norm(x) (InputNorm).
struct MatvecOut {
  const vk::DeviceMatrix* w = nullptr;
  vk::BufferSlice y;
};
bool matvec_multi_supported(const vk::Device& device, std::span<const MatvecOut> outs);
Status matvec_multi(vk::Sequence& seq, std::span<const MatvecOut> outs, const vk::BufferSlice& x,
                    const InputNorm* norm = nullptr);

enum class MatmulKernel {
  Auto,               // by token count and the device's kernel profile (ops/kernel_config.h)
  RegisterTiles,      // matvec.comp with several tokens per workgroup: few tokens, or CPU devices
  SharedMemoryTiles,  // matmul.comp: many tokens on GPUs
  LaneTiles,          // matmul_lanes.comp: each lane whole outputs, no shared memory (CPU devices)
};

// Y[n_tokens, n_out] = X[n_tokens, n_in] · W[n_out, n_in]^T; n_tokens from X's size. f32 accumulation.
Status matmul(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y,
              MatmulKernel kernel = MatmulKernel::Auto);

}  // namespace lectern::ops
