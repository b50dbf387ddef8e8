#version 450
// embedding.comp: y[t, :] = table[ids[t], :] converted to f32, for the tokens whose row lies in the table row block
// bound at binding 0 (rows first_row .. first_row + n_rows); one workgroup per token, one dispatch per row block.
// Ids >= n_vocab read nothing: the dispatch with zero_fill = 1 writes a row of zeros for them (ops/embedding.h).
// The table is any weights.glsl type (f32, f16, bf16, or a quantised format via dequant.glsl, bit-identical to
// ggml's dequantisation).

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

#define W_BINDING 0
#include "weights.glsl"
layout(binding = 1) readonly buffer Ids { uint ids[]; };      // [n_tokens]
layout(binding = 2) writeonly buffer YBuf { float y[]; };     // [n_tokens, n_embd]
layout(binding = 2) writeonly buffer YBuf4 { vec4 y4[]; };

layout(push_constant) uniform Push {
  uint n_embd;     // columns of the table
  uint n_tokens;   // ids in this dispatch
  uint first_row;  // first table row in this block
  uint n_rows;     // table rows in this block
  uint n_vocab;    // table rows in all blocks
  uint zero_fill;  // 1: this dispatch writes the zero rows of out-of-range ids
} p;

#include "workgroup.glsl"

void main() {
  const uint t = linear_group();
  if (t >= p.n_tokens) return;
  const uint tid = gl_LocalInvocationIndex;
  const uint id = ids[t];
  const bool valid = id < p.n_vocab;
  if (valid ? (id < p.first_row || id - p.first_row >= p.n_rows) : p.zero_fill == 0u) return;
  const uint row = id - p.first_row;  // within this block (unused for invalid ids)

  if ((p.n_embd & 3u) == 0u) {
    const uint n4 = p.n_embd >> 2;
    for (uint i = tid; i < n4; i += WG_SIZE) y4[t * n4 + i] = valid ? load_w4(row * n4 + i) : vec4(0.0);
  } else {  // f32/f16/bf16 tables with odd widths: rows are not vec4-aligned
    for (uint i = tid; i < p.n_embd; i += WG_SIZE) y[t * p.n_embd + i] = valid ? load_w(row * p.n_embd + i) : 0.0;
  }
}
