// gdn_step.cpp: argument checks and the dispatch of gdn_step.comp (one workgroup per v head).
#include "ops/gdn_step.h"

#include <cmath>
#include <string>

#include "ops/gdn_common.h"
#include "ops/op_common.h"
#include "vk/command.h"
#include "vk/device.h"
#include "vk/pipeline.h"

namespace lectern::ops {

bool gdn_step_supported(const vk::Device& device, const GdnShape& shape) {
  return device.kernel_profile() == vk::KernelProfile::Cpu && device.use_subgroup_arithmetic() &&
         device.limits().subgroup_size == 8 && shape.k_head_dim == 128 && shape.v_head_dim == 128;
}

Status gdn_step(vk::Sequence& seq, const vk::BufferSlice& qkv, const vk::BufferSlice& b, const vk::BufferSlice& a,
                const vk::BufferSlice& dt_bias, const vk::BufferSlice& ssm_a, const vk::BufferSlice& state,
                const vk::BufferSlice& z, const vk::BufferSlice& norm_w, const vk::BufferSlice& o,
                const GdnShape& shape, float norm_eps) {
  const char* op = "gdn_step";
  LECTERN_TRY(check_gdn_shape(shape, op));
  vk::Device& device = seq.device();
  if (!gdn_step_supported(device, shape)) {
    return Status(ErrorCode::Unsupported,
                  std::string(op) + ": needs a CPU device with 8-wide subgroup arithmetic and dk = dv = 128 (got dk " +
                      std::to_string(shape.k_head_dim) + ", dv " + std::to_string(shape.v_head_dim) + " on " +
                      device.info().name + "); use the separate GDN ops");
  }
  if (!(norm_eps >= 0.0f)) return Status(ErrorCode::InvalidArgument, std::string(op) + ": eps must be >= 0");
  const uint64_t Hv = shape.n_v_heads, dk = shape.k_head_dim, dv = shape.v_head_dim;
  LECTERN_TRY(expect_count(qkv, shape.conv_channels(), op, "qkv [C] (one token)"));
  LECTERN_TRY(expect_count(b, Hv, op, "b [Hv]"));
  LECTERN_TRY(expect_count(a, Hv, op, "a [Hv]"));
  LECTERN_TRY(expect_count(dt_bias, Hv, op, "dt_bias [Hv]"));
  LECTERN_TRY(expect_count(ssm_a, Hv, op, "ssm_a [Hv]"));
  LECTERN_TRY(expect_count(state, Hv * dk * dv, op, "state [Hv, dk, dv]"));
  LECTERN_TRY(expect_count(z, Hv * dv, op, "z [Hv dv]"));
  LECTERN_TRY(expect_count(norm_w, dv, op, "norm weight [dv]"));
  LECTERN_TRY(expect_count(o, Hv * dv, op, "o [Hv dv]"));
  for (const vk::BufferSlice* in : {&qkv, &b, &a, &dt_bias, &ssm_a, &state, &z, &norm_w}) {
    if (slices_overlap(o, *in))
      return Status(ErrorCode::InvalidArgument, std::string(op) + ": o must not overlap an input or the state");
  }
  LECTERN_ASSIGN_OR_RETURN(const vk::Pipeline* pipeline, device.pipelines().get({"gdn_step_f32", 9, 32, {}}));
  struct {
    uint32_t k_offset, v_offset, n_k_heads, n_v_heads, tiled;
    float q_scale, l2_eps, norm_eps;
  } push{static_cast<uint32_t>(shape.n_k_heads * dk), static_cast<uint32_t>(2 * shape.n_k_heads * dk),
         shape.n_k_heads, shape.n_v_heads, shape.v_heads_tiled ? 1u : 0u,
         static_cast<float>(1.0 / std::sqrt(double(dk))), 1e-6f, norm_eps};
  vk::Binding bindings[] = {{qkv, vk::Access::Read},   {b, vk::Access::Read},     {a, vk::Access::Read},
                            {dt_bias, vk::Access::Read}, {ssm_a, vk::Access::Read}, {state, vk::Access::ReadWrite},
                            {z, vk::Access::Read},     {norm_w, vk::Access::Read}, {o, vk::Access::ReadWrite}};
  return seq.dispatch(*pipeline, bindings, push, {shape.n_v_heads, 1, 1});
}

}  // namespace lectern::ops
