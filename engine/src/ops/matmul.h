// matmul.h: host side of the weight products: matvec (decode, one token) and matmul (prefill, many tokens).
// Weights are DeviceMatrix row blocks; one dispatch per block writes that block's slice of the output, and
// activations larger than one binding are processed in chunks of tokens.
#pragma once

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class DeviceMatrix;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// y[n_out] = W[n_out, n_in] · x[n_in]; x, y f32; W f32, f16, bf16, q8_0, q4_k, q5_k or q6_k (dequantised in the
// shader as ggml does). f32 accumulation.
Status matvec(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y);

enum class MatmulKernel {
  Auto,               // by token count and the device's kernel profile (ops/kernel_config.h)
  RegisterTiles,      // matvec.comp with several tokens per workgroup: few tokens, or CPU devices
  SharedMemoryTiles,  // matmul.comp: many tokens on GPUs
};

// Y[n_tokens, n_out] = X[n_tokens, n_in] · W[n_out, n_in]^T; n_tokens from X's size. f32 accumulation.
Status matmul(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x, const vk::BufferSlice& y,
              MatmulKernel kernel = MatmulKernel::Auto);

}  // namespace lectern::ops
