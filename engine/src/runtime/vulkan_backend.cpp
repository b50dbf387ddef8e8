// vulkan_backend.cpp: VulkanBackend: device choice, the load-time memory plan, weight upload, RoPE table, and
// sequence creation against the remaining device memory.
#include "runtime/vulkan_backend.h"

#include <algorithm>
#include <cctype>

#include "runtime/vulkan_sequence.h"
#include "runtime/vulkan_vision.h"
#include "vk/env.h"
#include "vk/instance.h"
#include "vk/memory.h"

namespace lectern::runtime {
namespace {

constexpr int64_t k_default_plan_ctx = 4096;

uint64_t largest_device_local_heap(const vk::Device& device) {
  uint64_t best = 0, any = 0;
  for (const vk::MemoryHeapInfo& h : device.info().heaps) {
    any = std::max(any, h.size);
    if (h.device_local) best = std::max(best, h.size);
  }
  return best ? best : any;
}

class VulkanBackend final : public ModelBackend {
 public:
  explicit VulkanBackend(std::unique_ptr<VulkanModel> model) : m_(std::move(model)) {}

  BackendInfo& mutable_info() { return info_; }
  VulkanModel& model() { return *m_; }

  const BackendInfo& info() const override { return info_; }

  uint64_t sequence_bytes(int64_t n_ctx) const override {
    return plan_sequence(m_->plan_shape, std::max<int64_t>(n_ctx, 1), m_->n_batch).total();
  }

  uint64_t device_bytes_in_use() const override { return m_->device->device_local_bytes(); }

  // The tower is uploaded as stored (runtime/vulkan_vision.h); its device memory is outside the text memory plan.
  Status load_vision(const model::VisionWeights& tower) override {
    LECTERN_TRY(model::validate_vision_weights(tower, static_cast<uint32_t>(m_->hp.n_embd)));
    std::lock_guard<std::mutex> lock(m_->transfer_mutex);
    vision_.reset();
    LECTERN_ASSIGN_OR_RETURN(vision_, VulkanVisionEncoder::create(*m_->device, *m_->transfer, tower));
    return Status::ok();
  }
  Result<std::vector<float>> encode_vision(const model::VisionInput& input) override {
    if (!vision_) return Status(ErrorCode::InvalidArgument, "no vision tower loaded on the Vulkan backend (load_vision)");
    std::lock_guard<std::mutex> lock(m_->transfer_mutex);  // the encoder uploads and downloads through the transfer
    return vision_->encode(input);
  }
  uint64_t device_memory_bytes() const override { return m_->available_bytes; }
  int64_t max_context_length() const override {
    MemoryPlan plan;
    plan.weight_bytes = m_->weights.n_bytes;
    plan.sequence.n_batch = m_->n_batch;  // all largest_fitting_context reads of it
    plan.in_use_bytes = m_->sequence_bytes_in_use.load();
    plan.available_bytes = m_->available_bytes;
    return largest_fitting_context(m_->plan_shape, plan);
  }
  uint64_t peak_device_bytes() const override { return m_->device->peak_device_local_bytes(); }

  Result<std::unique_ptr<SequenceState>> create_sequence(int64_t n_ctx) override {
    if (n_ctx < 1 || (info_.n_ctx_train > 0 && n_ctx > info_.n_ctx_train))
      return Status(ErrorCode::InvalidArgument, "context length " + std::to_string(n_ctx) + " is outside 1.." +
                                                    std::to_string(info_.n_ctx_train) +
                                                    " (the model's trained context)");
    MemoryPlan plan;
    plan.weight_bytes = m_->weights.n_bytes;
    plan.sequence = plan_sequence(m_->plan_shape, n_ctx, m_->n_batch);
    plan.in_use_bytes = m_->sequence_bytes_in_use.load();
    plan.available_bytes = m_->available_bytes;
    LECTERN_TRY(check_memory_plan(m_->plan_shape, plan, m_->device->info().name));
    auto seq = VulkanSequence::create(*m_, n_ctx);
    if (!seq.is_ok())
      return seq.status().with_context("creating a " + std::to_string(n_ctx) + "-token sequence on " +
                                       m_->device->info().name);
    return std::unique_ptr<SequenceState>(std::move(seq).value());
  }

 private:
  std::unique_ptr<VulkanModel> m_;
  BackendInfo info_;
  std::unique_ptr<VulkanVisionEncoder> vision_;  // after m_: destroyed before the device
};

Status check_shapes(const model::HParams& hp) {
  if (hp.n_rot == 0 || hp.n_rot % 2 != 0 || hp.n_rot > hp.head_dim)
    return Status(ErrorCode::Unsupported, "rotary dims " + std::to_string(hp.n_rot) + " of head_dim " +
                                              std::to_string(hp.head_dim) + " are not supported");
  if (hp.layer_types.size() != hp.n_layer)
    return Status(ErrorCode::Internal, "layer types do not cover every layer");
  return Status::ok();
}

}  // namespace

Result<GdnChunkedMode> parse_gdn_chunked_mode(const std::string& text) {
  std::string t = text;
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (t == "auto") return GdnChunkedMode::Auto;
  if (t == "always") return GdnChunkedMode::Always;
  if (t == "never") return GdnChunkedMode::Never;
  return Status(ErrorCode::InvalidArgument,
                "LECTERN_GDN_CHUNKED is '" + text + "'; use auto, always or never (or leave it unset)");
}

Result<std::unique_ptr<ModelBackend>> create_vulkan_backend(const model::ModelWeights& weights,
                                                            const VulkanBackendOptions& options) {
  auto m = std::make_unique<VulkanModel>();
  m->hp = weights.hparams;
  const model::HParams& hp = m->hp;
  LECTERN_TRY(check_shapes(hp));
  if (options.gdn_chunked) {
    m->gdn_chunked = *options.gdn_chunked;
  } else if (auto env = vk::env_string("LECTERN_GDN_CHUNKED")) {
    LECTERN_ASSIGN_OR_RETURN(m->gdn_chunked, parse_gdn_chunked_mode(*env));
  }
  if (options.n_batch < 1)
    return Status(ErrorCode::InvalidArgument, "Vulkan backend: n_batch must be at least 1");
  m->n_batch = options.n_batch;
  if (options.kv_type != DType::F16 && options.kv_type != DType::Q8_0 && options.kv_type != DType::F32)
    return Status(ErrorCode::InvalidArgument, std::string("Vulkan backend: KV cache type ") +
                                                  dtype_name(options.kv_type) + " is not supported; use f16 or q8_0");
  if (options.kv_type == DType::Q8_0 && hp.head_dim % 32 != 0)
    return Status(ErrorCode::Unsupported, "a q8_0 KV cache needs head_dim to be a multiple of 32 (this model: " +
                                              std::to_string(hp.head_dim) + "); use f16");
  m->kv_type = options.kv_type;

  if (options.instance) {
    m->instance = options.instance;
  } else {
    LECTERN_ASSIGN_OR_RETURN(m->instance, vk::Instance::create());
  }
  LECTERN_ASSIGN_OR_RETURN(m->device, vk::Device::create(m->instance, options.device));
  LECTERN_ASSIGN_OR_RETURN(m->transfer, vk::Transfer::create(*m->device));
  const std::string device_name = m->device->info().name;

  m->gdn_shape = {hp.n_k_heads, hp.n_v_heads, hp.k_head_dim, hp.v_head_dim, weights.v_heads_tiled};
  m->plan_shape = {hp, m->device->limits().max_binding_bytes, m->kv_type};
  m->available_bytes = options.device_memory_bytes ? options.device_memory_bytes : largest_device_local_heap(*m->device);

  // Plan before uploading anything: weights as stored plus one sequence at the planned context.
  const int64_t n_train = hp.n_ctx_train > 0 ? static_cast<int64_t>(hp.n_ctx_train) : k_default_plan_ctx;
  const int64_t plan_ctx = options.plan_n_ctx > 0 ? options.plan_n_ctx : std::min(k_default_plan_ctx, n_train);
  MemoryPlan plan;
  plan.weight_bytes = planned_weight_bytes(weights);
  plan.sequence = plan_sequence(m->plan_shape, plan_ctx, m->n_batch);
  plan.available_bytes = m->available_bytes;
  LECTERN_TRY(check_memory_plan(m->plan_shape, plan, device_name).with_context("loading " + weights.source_path));

  {
    auto uploaded = upload_weights(*m->device, *m->transfer, weights);
    if (!uploaded.is_ok()) return uploaded.status().with_context("loading the weights onto " + device_name);
    m->weights = std::move(uploaded).value();
  }
  ops::RopeConfig rope;
  rope.n_rot = hp.n_rot;
  rope.theta = hp.rope_theta;
  for (size_t i = 0; i < 4; ++i) rope.sections[i] = static_cast<uint32_t>(std::max(0, hp.mrope_sections[i]));
  LECTERN_ASSIGN_OR_RETURN(ops::RopeTable table, ops::RopeTable::create(*m->device, *m->transfer, rope));
  m->rope.emplace(std::move(table));

  auto backend = std::make_unique<VulkanBackend>(std::move(m));
  BackendInfo& info = backend->mutable_info();
  const VulkanModel& vm = backend->model();
  info.name = "vulkan";
  info.device_name = device_name;
  info.n_vocab = static_cast<int32_t>(hp.n_vocab);
  info.n_embd = static_cast<int32_t>(hp.n_embd);
  info.n_layer = static_cast<int32_t>(hp.n_layer);
  info.n_ctx_train = static_cast<int64_t>(hp.n_ctx_train);
  info.preferred_batch = vm.n_batch;
  info.weight_bytes = vm.weights.n_bytes;
  return std::unique_ptr<ModelBackend>(std::move(backend));
}

}  // namespace lectern::runtime
