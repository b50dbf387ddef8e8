#version 450
// attn_kv_store.comp: copies the k (after norm + RoPE) and v rows of new tokens into one block of a layer's KV
// cache [n_ctx, n_head_kv, head_dim] (qwen35.md §3), converting f32 to the cache type (CACHE_F16: IEEE half, packed
// two per 32-bit word so no 16-bit storage feature is needed; CACHE_Q8: groups of 32 values as 8 words of int8
// quants q = round(x / d) (half away from zero) and the f32 scale d = max|x| / 127, the q8_0 rule; otherwise f32).
// Works in groups of four elements (CACHE_Q8: of 32); token rows are a multiple of that (checked by the host).

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer KSrc { vec4 k_src[]; };  // [n_tokens, n_head_kv * head_dim]
layout(binding = 1) readonly buffer VSrc { vec4 v_src[]; };
#if defined(CACHE_Q8)
layout(binding = 2) writeonly buffer KDst { uint k_dst[]; };  // the cache block: 9 words per group of 32
layout(binding = 3) writeonly buffer VDst { uint v_dst[]; };
#elif defined(CACHE_F16)
layout(binding = 2) writeonly buffer KDst { uvec2 k_dst[]; };  // the cache block
layout(binding = 3) writeonly buffer VDst { uvec2 v_dst[]; };
uvec2 to_cache(vec4 v) { return uvec2(packHalf2x16(v.xy), packHalf2x16(v.zw)); }
#else
layout(binding = 2) writeonly buffer KDst { vec4 k_dst[]; };
layout(binding = 3) writeonly buffer VDst { vec4 v_dst[]; };
vec4 to_cache(vec4 v) { return v; }
#endif

layout(push_constant) uniform Push {
  uint n_quads;     // groups of four elements to copy (CACHE_Q8: groups of 32)
  uint src_offset;  // first source quad (group)
  uint dst_offset;  // first destination quad (group) within the block
} p;

#ifdef CACHE_Q8
// Four quants in one word, little-endian bytes.
uint pack_q(vec4 v) {
  const ivec4 q = ivec4(clamp(sign(v) * floor(abs(v) + 0.5), -127.0, 127.0));
  return (uint(q.x) & 0xffu) | ((uint(q.y) & 0xffu) << 8) | ((uint(q.z) & 0xffu) << 16) | (uint(q.w) << 24);
}

void main() {
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  for (uint i = gl_GlobalInvocationID.x; i < p.n_quads; i += stride) {
    const uint src = (p.src_offset + i) * 8u, dst = (p.dst_offset + i) * 9u;
    for (uint t = 0; t < 2; ++t) {  // k, then v
      vec4 x[8];
      float amax = 0.0;
      for (uint j = 0; j < 8u; ++j) {
        x[j] = t == 0u ? k_src[src + j] : v_src[src + j];
        const vec4 a = abs(x[j]);
        amax = max(amax, max(max(a.x, a.y), max(a.z, a.w)));
      }
      const float d = amax / 127.0;
      const float id = d > 0.0 ? 1.0 / d : 0.0;
      for (uint j = 0; j < 8u; ++j) {
        if (t == 0u) k_dst[dst + j] = pack_q(x[j] * id);
        else v_dst[dst + j] = pack_q(x[j] * id);
      }
      if (t == 0u) k_dst[dst + 8u] = floatBitsToUint(d);
      else v_dst[dst + 8u] = floatBitsToUint(d);
    }
  }
}
#else
void main() {
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  for (uint i = gl_GlobalInvocationID.x; i < p.n_quads; i += stride) {
    k_dst[p.dst_offset + i] = to_cache(k_src[p.src_offset + i]);
    v_dst[p.dst_offset + i] = to_cache(v_src[p.src_offset + i]);
  }
}
#endif
