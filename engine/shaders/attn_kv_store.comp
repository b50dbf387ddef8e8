#version 450
// attn_kv_store.comp: copies the k (after norm + RoPE) and v rows of new tokens into one block of a layer's KV
// cache [n_ctx, n_head_kv, head_dim] (qwen35.md §3), converting f32 to the cache type (CACHE_F16: IEEE half, packed
// two per 32-bit word so no 16-bit storage feature is needed; otherwise f32). Works in groups of four elements;
// token rows are a multiple of four (head_dim % 4 == 0, checked by the host).

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer KSrc { vec4 k_src[]; };  // [n_tokens, n_head_kv * head_dim]
layout(binding = 1) readonly buffer VSrc { vec4 v_src[]; };
#ifdef CACHE_F16
layout(binding = 2) writeonly buffer KDst { uvec2 k_dst[]; };  // the cache block
layout(binding = 3) writeonly buffer VDst { uvec2 v_dst[]; };
uvec2 to_cache(vec4 v) { return uvec2(packHalf2x16(v.xy), packHalf2x16(v.zw)); }
#else
layout(binding = 2) writeonly buffer KDst { vec4 k_dst[]; };
layout(binding = 3) writeonly buffer VDst { vec4 v_dst[]; };
vec4 to_cache(vec4 v) { return v; }
#endif

layout(push_constant) uniform Push {
  uint n_quads;     // groups of four elements to copy
  uint src_offset;  // first source quad
  uint dst_offset;  // first destination quad within the block
} p;

void main() {
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  for (uint i = gl_GlobalInvocationID.x; i < p.n_quads; i += stride) {
    k_dst[p.dst_offset + i] = to_cache(k_src[p.src_offset + i]);
    v_dst[p.dst_offset + i] = to_cache(v_src[p.src_offset + i]);
  }
}
