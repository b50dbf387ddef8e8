// matvec_q8.h: decode products with Q8_0 weights for GPU-profile devices (matvec_q8s.comp): 8-bit storage reads with
// f32 activations, or activations quantised once per input to two-level int8 blocks (quantize_x8.comp) multiplied
// with packed 4x8 integer dot products. kernel_config's matvec_int8_mode says which a device uses.
#pragma once

#include <cstdint>

#include "lectern/status.h"
#include "vk/buffer.h"

namespace lectern::vk {
class Device;
class DeviceMatrix;
class Sequence;
}  // namespace lectern::vk

namespace lectern::ops {

// Bytes of one block of 32 quantised activations (f32 d, f32 sum(x), 32 int8 high and 32 int8 low parts:
// x ~ (254 hi + lo) d / 254, off by at most d / 508 = max|x| / 64,516) and of the blocks for n_in activations.
inline constexpr uint64_t k_x8_block_bytes = 72;
inline uint64_t quantized_x_bytes(uint64_t n_in) { return (n_in + 31) / 32 * k_x8_block_bytes; }

// Whether ops::matvec runs w with matvec_q8s.comp (Q8_0, the device's int8 mode not Off).
bool matvec_q8_applies(const vk::Device& device, const vk::DeviceMatrix& w);
// y = W x with 8-bit weight reads and f32 activations (what ops::matvec uses where matvec_q8_applies).
Status matvec_q8_f32(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& x,
                     const vk::BufferSlice& y);

// Whether w's decode product should take pre-quantised activations (matvec_q8_applies and the DotProduct mode).
bool matvec_wants_quantized_x(const vk::Device& device, const vk::DeviceMatrix& w);
// xq = the quantised blocks of x (one token; n_in a multiple of 32; xq at least quantized_x_bytes(n_in)): one
// dispatch.
Status quantize_x(vk::Sequence& seq, const vk::BufferSlice& x, const vk::BufferSlice& xq);
// y = W · dequant(xq) with packed 4x8 integer dot products, exact int32 sums per 8 weights, f32 across; xq from
// quantize_x of n_in = W's columns. Unsupported where the device lacks the dot product (check
// matvec_wants_quantized_x).
Status matvec_quantized(vk::Sequence& seq, const vk::DeviceMatrix& w, const vk::BufferSlice& xq,
                        const vk::BufferSlice& y);

}  // namespace lectern::ops
