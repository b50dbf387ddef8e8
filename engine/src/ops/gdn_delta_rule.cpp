// gdn_delta_rule.cpp: argument checks and dispatch of the gated delta rule: gdn_recurrent_f32 (one dispatch per
// group of tokens) and the chunked form gdn_chunk_prep / gdn_chunk_state / gdn_chunk_out (three per group).
#include <algorithm>
#include <array>
#include <bit>
#include <string>

#include "ops/gdn.h"
#include "ops/gdn_common.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/env.h"
#include "vk/pipeline.h"

namespace lectern::ops {

namespace {

constexpr uint32_t k_chunk = 64;       // CH in gdn_chunk.glsl
constexpr uint32_t k_tile_stride = 33; // TS in gdn_chunk.glsl
constexpr uint32_t k_chunk_wg = 256;   // the chunk kernels' fixed workgroup size
// Loop iterations one invocation may run on lavapipe (65,535), less a margin for the loops outside the token loop.
constexpr uint64_t k_cpu_loop_budget = 60000;

Status bad(const char* op, const std::string& message) {
  return Status(ErrorCode::InvalidArgument, std::string(op) + ": " + message);
}

// What the two forms share: shape checks, T, and the sizes of g, beta, state and o.
Result<uint64_t> check_delta_rule_args(const vk::BufferSlice& qkv, const vk::BufferSlice& g,
                                       const vk::BufferSlice& beta, const vk::BufferSlice& state,
                                       const vk::BufferSlice& o, const GdnShape& s, const char* op) {
  LECTERN_TRY(check_gdn_shape(s, op));
  LECTERN_ASSIGN_OR_RETURN(uint64_t T, whole_rows(qkv, s.conv_channels(), op, "qkv [T, C]"));
  LECTERN_TRY(expect_count(g, T * s.n_v_heads, op, "g [T, Hv]"));
  LECTERN_TRY(expect_count(beta, T * s.n_v_heads, op, "beta [T, Hv]"));
  LECTERN_TRY(expect_count(state, uint64_t(s.n_v_heads) * s.k_head_dim * s.v_head_dim, op, "state [Hv, dk, dv]"));
  LECTERN_TRY(expect_count(o, T * s.n_v_heads * s.v_head_dim, op, "o [T, Hv dv]"));
  for (const vk::BufferSlice* other : {&qkv, &g, &beta, &state}) {
    if (slices_overlap(o, *other)) return bad(op, "o must not overlap qkv, g, beta or the state");
  }
  for (const vk::BufferSlice* other : {&qkv, &g, &beta}) {
    if (slices_overlap(state, *other)) return bad(op, "the state must not overlap qkv, g or beta");
  }
  return T;
}

// Push constants of gdn_recurrent.comp and the first eight of gdn_chunk.glsl.
struct HeadPush {
  uint32_t n_tokens, row_stride, k_offset, v_offset, n_k_heads, n_v_heads, tiled, o_stride;
};

HeadPush head_push(const GdnShape& s, uint64_t n_tokens) {
  return {static_cast<uint32_t>(n_tokens),
          static_cast<uint32_t>(s.conv_channels()),
          s.n_k_heads * s.k_head_dim,
          2 * s.n_k_heads * s.k_head_dim,
          s.n_k_heads,
          s.n_v_heads,
          s.v_heads_tiled ? 1u : 0u,
          s.n_v_heads * s.v_head_dim};
}

// How delta_rule_chunked splits T tokens: groups of `group` tokens (a multiple of 64 unless one group covers all),
// each using the scratch as W [Hv, rows, dk] at 0 and U [Hv, rows, dv] at u_offset.
struct ChunkPlan {
  uint64_t group = 0;
  uint64_t rows = 0;  // group rounded up to whole chunks
  uint64_t w_bytes = 0, u_offset = 0, u_bytes = 0;
  uint32_t bv = 0;    // value columns per workgroup of gdn_chunk_state
};

uint64_t state_kernel_shared_bytes(const GdnShape& s, uint32_t bv) {
  return 4ull * (uint64_t(s.k_head_dim) * bv + k_chunk * bv + 2 * k_chunk * k_tile_stride + 3 * k_chunk);
}

Result<ChunkPlan> plan_chunks(const vk::Device& device, const GdnShape& s, uint64_t T, const char* op) {
  const vk::DeviceLimits& lim = device.limits();
  if (lim.max_workgroup_invocations < k_chunk_wg || device.info().max_compute_work_group_size[0] < k_chunk_wg) {
    return Status(ErrorCode::Unsupported, std::string(op) + ": needs 256-invocation workgroups; use "
                                                            "delta_rule_recurrent on this device");
  }
  ChunkPlan plan;
  for (uint32_t bv : {16u, 8u}) {
    if (s.v_head_dim % bv == 0 && state_kernel_shared_bytes(s, bv) <= lim.max_shared_memory_bytes) {
      plan.bv = bv;
      break;
    }
  }
  // gdn_chunk_prep and gdn_chunk_out need about 25 KiB whatever the head size.
  const uint64_t fixed_shared = 4ull * (2 * k_chunk * k_tile_stride + k_chunk * (k_chunk + 1) / 2 + 2 * k_chunk);
  if (plan.bv == 0 || fixed_shared > lim.max_shared_memory_bytes) {
    return Status(ErrorCode::Unsupported,
                  std::string(op) + ": the chunk kernels need more than the device's " +
                      std::to_string(lim.max_shared_memory_bytes) + " bytes of shared memory for dk=" +
                      std::to_string(s.k_head_dim) + "; use delta_rule_recurrent on this device");
  }
  const uint64_t C = s.conv_channels(), Hv = s.n_v_heads;
  LECTERN_ASSIGN_OR_RETURN(plan.group, items_per_chunk(device,
                                                       {C * 4, Hv * 4, Hv * s.v_head_dim * 4,
                                                        Hv * s.k_head_dim * 4},
                                                       T, k_chunk, op));
  plan.rows = (plan.group + k_chunk - 1) / k_chunk * k_chunk;
  plan.w_bytes = Hv * plan.rows * s.k_head_dim * 4;
  plan.u_bytes = Hv * plan.rows * s.v_head_dim * 4;
  const uint64_t align = std::max<uint64_t>(1, lim.storage_offset_alignment);
  plan.u_offset = (plan.w_bytes + align - 1) / align * align;
  if (plan.w_bytes > lim.max_binding_bytes || plan.u_bytes > lim.max_binding_bytes) {
    return Status(ErrorCode::Unsupported, std::string(op) + ": one chunk of scratch exceeds a storage binding");
  }
  LECTERN_TRY(check_u32(plan.rows * Hv * std::max(s.k_head_dim, s.v_head_dim), op, "scratch elements"));
  return plan;
}

// Value columns per lane of gdn_recurrent_lanes for `lanes`-wide workgroups, or 0 where it does not apply (dv not
// a multiple of 4 * lanes, or LECTERN_GDN_LANES=0 for A/B runs). Four columns per lane hold 4 dk <= 1,024 state
// values in registers; eight ran the 0.8B-shape delta rule only 1.4x faster on lavapipe but took 4x as long (~18 s
// of CPU) to compile.
uint32_t recurrent_lane_columns(const GdnShape& s, uint32_t lanes) {
  constexpr uint32_t k_columns = 4;
  if (auto e = vk::env_string("LECTERN_GDN_LANES"); e && !vk::env_flag("LECTERN_GDN_LANES")) return 0;
  return s.v_head_dim % (lanes * k_columns) == 0 ? k_columns : 0;
}

}  // namespace

Status delta_rule_recurrent(vk::Sequence& seq, const vk::BufferSlice& qkv, const vk::BufferSlice& g,
                            const vk::BufferSlice& beta, const vk::BufferSlice& state, const vk::BufferSlice& o,
                            const GdnShape& s) {
  const char* op = "delta_rule_recurrent";
  LECTERN_ASSIGN_OR_RETURN(uint64_t T, check_delta_rule_args(qkv, g, beta, state, o, s, op));
  vk::Device& device = seq.device();
  const vk::DeviceLimits& lim = device.limits();
  if (state.size > lim.max_binding_bytes) return bad(op, "the state exceeds one storage binding");
  // GPUs: BV = 32 value columns (one coalesced 128-byte run per state row) by R = 8 row groups, so a 128 x 128
  // head spreads over 4 workgroups of 256. CPU devices (lavapipe): one subgroup of columns, each invocation holding
  // its whole state column (R = 1), so a workgroup is one SIMD loop and its barriers cost nothing; where the shape
  // allows (recurrent_lane_columns), gdn_recurrent_lanes instead: NC whole state columns per lane, no shared memory.
  const uint32_t max_wg = std::min(lim.max_workgroup_invocations, device.info().max_compute_work_group_size[0]);
  uint32_t bv = 32, r = std::min<uint32_t>(8, max_wg / bv), nc = 0;
  if (device.kernel_profile() == vk::KernelProfile::Cpu) {
    bv = std::clamp<uint32_t>(std::bit_floor(std::max<uint32_t>(1, lim.subgroup_size)), 4, 32);
    r = 1;
    nc = recurrent_lane_columns(s, bv);
  }
  const vk::Pipeline* pipeline = nullptr;
  uint64_t n_groups = uint64_t(s.n_v_heads) * (s.v_head_dim / bv);
  if (nc != 0) {
    uint32_t spec[] = {s.k_head_dim, s.v_head_dim, nc, bv};
    LECTERN_ASSIGN_OR_RETURN(pipeline,
                             device.pipelines().get({"gdn_recurrent_lanes_f32", 5, sizeof(HeadPush), spec}));
    n_groups = uint64_t(s.n_v_heads) * (s.v_head_dim / (bv * nc));
  } else {
    uint32_t spec[] = {s.k_head_dim, s.v_head_dim, bv, r, bv * r};
    LECTERN_ASSIGN_OR_RETURN(pipeline, device.pipelines().get({"gdn_recurrent_f32", 5, sizeof(HeadPush), spec}));
  }
  const uint64_t C = s.conv_channels(), Hv = s.n_v_heads, o_row = Hv * s.v_head_dim;
  LECTERN_ASSIGN_OR_RETURN(uint64_t chunk, items_per_chunk(device, {C * 4, Hv * 4, o_row * 4}, T, 1, op));
  if (device.info().type == VK_PHYSICAL_DEVICE_TYPE_CPU) {
    // lavapipe ends an invocation's loops silently after 65,535 iterations in all (gallivm's loop limiter). The
    // lanes kernel loops once per token; gdn_recurrent about 2 dk / R + dk / (BV R) + R + 1 times.
    const uint64_t per_token = nc != 0 ? 1 : 2 * s.k_head_dim / r + s.k_head_dim / (bv * r) + r + 1;
    chunk = std::min<uint64_t>(chunk, k_cpu_loop_budget / per_token);
  }
  LECTERN_TRY(check_u32(chunk * C, op, "qkv elements per dispatch"));
  for (uint64_t first = 0; first < T; first += chunk) {
    const uint64_t rows = std::min(chunk, T - first);
    HeadPush push = head_push(s, rows);
    vk::Binding bindings[] = {{sub_slice(qkv, first * C * 4, rows * C * 4), vk::Access::Read},
                              {sub_slice(g, first * Hv * 4, rows * Hv * 4), vk::Access::Read},
                              {sub_slice(beta, first * Hv * 4, rows * Hv * 4), vk::Access::Read},
                              {state, vk::Access::ReadWrite},
                              {sub_slice(o, first * o_row * 4, rows * o_row * 4), vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*pipeline, bindings, push, vk::split_groups(n_groups, lim.max_group_count)));
  }
  return Status::ok();
}

bool delta_rule_prefers_chunked(const vk::Device& device, uint64_t n_tokens) {
  return device.kernel_profile() == vk::KernelProfile::Gpu && n_tokens >= 32;
}

Result<uint64_t> delta_rule_chunked_scratch_bytes(const vk::Device& device, const GdnShape& s, uint64_t n_tokens) {
  const char* op = "delta_rule_chunked";
  LECTERN_TRY(check_gdn_shape(s, op));
  if (n_tokens == 0) return bad(op, "needs at least one token");
  LECTERN_ASSIGN_OR_RETURN(ChunkPlan plan, plan_chunks(device, s, n_tokens, op));
  return plan.u_offset + plan.u_bytes;
}

Status delta_rule_chunked(vk::Sequence& seq, const vk::BufferSlice& qkv, const vk::BufferSlice& g,
                          const vk::BufferSlice& beta, const vk::BufferSlice& state, const vk::BufferSlice& o,
                          const vk::BufferSlice& scratch, const GdnShape& s) {
  const char* op = "delta_rule_chunked";
  LECTERN_ASSIGN_OR_RETURN(uint64_t T, check_delta_rule_args(qkv, g, beta, state, o, s, op));
  vk::Device& device = seq.device();
  const vk::DeviceLimits& lim = device.limits();
  if (state.size > lim.max_binding_bytes) return bad(op, "the state exceeds one storage binding");
  LECTERN_ASSIGN_OR_RETURN(ChunkPlan plan, plan_chunks(device, s, T, op));
  if (scratch.buffer == nullptr || scratch.size < plan.u_offset + plan.u_bytes) {
    return bad(op, "scratch has " + std::to_string(scratch.size) + " bytes, needs " +
                       std::to_string(plan.u_offset + plan.u_bytes) + " (delta_rule_chunked_scratch_bytes)");
  }
  for (const vk::BufferSlice* other : {&qkv, &g, &beta, &state, &o}) {
    if (slices_overlap(scratch, *other)) return bad(op, "scratch must not overlap the other arguments");
  }
  const vk::BufferSlice w_scratch = sub_slice(scratch, 0, plan.w_bytes);
  const vk::BufferSlice u_scratch = sub_slice(scratch, plan.u_offset, plan.u_bytes);

  uint32_t spec[] = {s.k_head_dim, s.v_head_dim, k_chunk_wg, plan.bv};
  struct ChunkPush {
    HeadPush head;
    uint32_t n_chunks, scratch_rows;
  };
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* prep,
                           device.pipelines().get({"gdn_chunk_prep_f32", 5, sizeof(ChunkPush), {spec, 3}}));
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* step,
                           device.pipelines().get({"gdn_chunk_state_f32", 6, sizeof(ChunkPush), {spec, 4}}));
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* out,
                           device.pipelines().get({"gdn_chunk_out_f32", 4, sizeof(ChunkPush), {spec, 3}}));

  const uint64_t C = s.conv_channels(), Hv = s.n_v_heads, o_row = Hv * s.v_head_dim;
  for (uint64_t first = 0; first < T; first += plan.group) {
    const uint64_t rows = std::min(plan.group, T - first);
    const uint64_t n_chunks = (rows + k_chunk - 1) / k_chunk;
    ChunkPush push{head_push(s, rows), static_cast<uint32_t>(n_chunks), static_cast<uint32_t>(plan.rows)};
    const vk::BufferSlice qkv_part = sub_slice(qkv, first * C * 4, rows * C * 4);
    const vk::BufferSlice g_part = sub_slice(g, first * Hv * 4, rows * Hv * 4);
    const vk::BufferSlice o_part = sub_slice(o, first * o_row * 4, rows * o_row * 4);
    vk::Binding prep_bindings[] = {{qkv_part, vk::Access::Read},
                                   {g_part, vk::Access::Read},
                                   {sub_slice(beta, first * Hv * 4, rows * Hv * 4), vk::Access::Read},
                                   {w_scratch, vk::Access::Write},
                                   {u_scratch, vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*prep, prep_bindings, push, vk::split_groups(n_chunks * Hv, lim.max_group_count)));
    vk::Binding step_bindings[] = {{qkv_part, vk::Access::Read},       {g_part, vk::Access::Read},
                                   {w_scratch, vk::Access::Read},      {u_scratch, vk::Access::ReadWrite},
                                   {state, vk::Access::ReadWrite},     {o_part, vk::Access::Write}};
    LECTERN_TRY(seq.dispatch(*step, step_bindings, push,
                             vk::split_groups(Hv * (s.v_head_dim / plan.bv), lim.max_group_count)));
    vk::Binding out_bindings[] = {{qkv_part, vk::Access::Read},
                                  {g_part, vk::Access::Read},
                                  {u_scratch, vk::Access::Read},
                                  {o_part, vk::Access::ReadWrite}};
    LECTERN_TRY(seq.dispatch(*out, out_bindings, push, vk::split_groups(n_chunks * Hv, lim.max_group_count)));
  }
  return Status::ok();
}

}  // namespace lectern::ops
