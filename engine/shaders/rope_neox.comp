// rope_neox.comp: NeoX rotation with a per-row angle table (the 2-D rotary of the vision encoder, qwen35.md §7.3.3):
// for every head of every row, element e < half pairs with e + half and both rotate by the angle of (row, e):
//   x'[e] = x[e] cos - x[e + half] sin,   x'[e + half] = x[e + half] cos + x[e] sin.
// cos and sin come precomputed from the host (in double), so no device sin/cos precision or range is relied on.
// One invocation per (row, head, pair); rows are row_stride floats apart so q and k can be rotated in place inside
// the qkv projection output.
#version 450

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer XBuf { float x[]; };     // [n_rows, row_stride], heads from float 0
layout(binding = 1) readonly buffer CsBuf { vec2 cs[]; };    // [n_rows, half] (cos, sin)
layout(binding = 2) writeonly buffer YBuf { float y[]; };    // like x; may alias it; only the heads are written

layout(push_constant) uniform Push {
  uint n_rows;
  uint n_head;
  uint half_dim;    // head_dim / 2
  uint row_stride;  // floats between rows
} p;

void main() {
  const uint n_pairs = p.n_rows * p.n_head * p.half_dim;
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  for (uint i = gl_GlobalInvocationID.x; i < n_pairs; i += stride) {
    const uint e = i % p.half_dim;
    const uint h = (i / p.half_dim) % p.n_head;
    const uint row = i / (p.half_dim * p.n_head);
    const uint base = row * p.row_stride + h * 2u * p.half_dim + e;
    const vec2 c = cs[row * p.half_dim + e];
    const float x0 = x[base], x1 = x[base + p.half_dim];
    y[base] = x0 * c.x - x1 * c.y;
    y[base + p.half_dim] = x1 * c.x + x0 * c.y;
  }
}
