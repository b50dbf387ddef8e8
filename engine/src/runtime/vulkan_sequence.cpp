// vulkan_sequence.cpp: VulkanSequence (batched evaluation on the device) and VulkanSnapshot (device-side copies of
// the GDN states, plus the KV rows for SnapshotScope::Full).
#include "runtime/vulkan_sequence.h"

#include <algorithm>
#include <climits>
#include <new>
#include <string>

#include "vk/command.h"
#include "vk/memory.h"

namespace lectern::runtime {
namespace {

// KV rows [first_pos, first_pos + n_pos) of one attention layer, K and V in one buffer each.
struct KvRows {
  size_t layer = 0;
  uint64_t first_pos = 0, n_pos = 0;
  vk::Buffer k, v;
};

class VulkanSnapshot final : public SequenceSnapshot {
 public:
  VulkanSnapshot(const VulkanModel* model, int64_t n_past, SnapshotScope scope)
      : model_(model), n_past_(n_past), scope_(scope) {}
  int64_t n_past() const override { return n_past_; }
  SnapshotScope scope() const override { return scope_; }
  uint64_t n_bytes() const override { return n_bytes_; }

  const VulkanModel* model_;
  int64_t n_past_;
  SnapshotScope scope_;
  std::vector<vk::Buffer> conv, delta;  // per layer (invalid for attention layers)
  std::vector<KvRows> kv;
  uint64_t n_bytes_ = 0;
};

Result<vk::Buffer> snapshot_buffer(const vk::Device& device, uint64_t bytes, const std::string& name) {
  auto b = vk::Buffer::create(device, bytes, vk::MemoryUsage::DeviceLocal, name);
  if (!b.is_ok()) return b.status().with_context("sequence snapshot");
  return b;
}

// Copies positions [first, first + n) between a KV cache's blocks and a flat rows buffer (to_cache: into the cache).
Status copy_kv_rows(vk::Sequence& seq, const ops::KvCache& cache, const vk::Buffer& flat_k, const vk::Buffer& flat_v,
                    uint64_t first, uint64_t n, bool to_cache) {
  const uint64_t tb = cache.token_bytes(), bt = cache.block_tokens();
  for (uint64_t p = first; p < first + n;) {
    const size_t b = static_cast<size_t>(p / bt);
    const uint64_t in_block = p - b * bt, count = std::min(bt - in_block, first + n - p);
    const vk::BufferSlice ck = cache.k_block(b).slice(in_block * tb, count * tb);
    const vk::BufferSlice cv = cache.v_block(b).slice(in_block * tb, count * tb);
    const vk::BufferSlice fk = flat_k.slice((p - first) * tb, count * tb);
    const vk::BufferSlice fv = flat_v.slice((p - first) * tb, count * tb);
    LECTERN_TRY(to_cache ? seq.copy(fk, ck) : seq.copy(ck, fk));
    LECTERN_TRY(to_cache ? seq.copy(fv, cv) : seq.copy(cv, fv));
    p += count;
  }
  return Status::ok();
}

}  // namespace

Result<std::unique_ptr<VulkanSequence>> VulkanSequence::create(VulkanModel& model, int64_t n_ctx) {
  std::unique_ptr<VulkanSequence> s(new (std::nothrow) VulkanSequence(model, n_ctx));
  if (!s) return Status(ErrorCode::OutOfHostMemory, "no host memory for a sequence");
  const int32_t n_batch = static_cast<int32_t>(std::min<int64_t>(model.n_batch, n_ctx));
  LECTERN_ASSIGN_OR_RETURN(s->state_, create_sequence_buffers(model, n_ctx));
  LECTERN_ASSIGN_OR_RETURN(s->act_, create_activations(model, s->state_, n_batch));
  s->n_bytes_ = s->state_.n_bytes + s->act_.n_bytes;
  model.sequence_bytes_in_use += s->n_bytes_;
  s->host_ids_.resize(static_cast<size_t>(n_batch));
  s->host_positions_.resize(3 * static_cast<size_t>(n_batch));
  LECTERN_TRY(s->zero_states());
  return s;
}

VulkanSequence::~VulkanSequence() {
  if (seq_ && seq_->pending()) (void)seq_->wait();
  m_.sequence_bytes_in_use -= n_bytes_;
}

Result<vk::Sequence*> VulkanSequence::recorder() const {
  if (!seq_) {
    LECTERN_ASSIGN_OR_RETURN(seq_, vk::Sequence::create(*m_.device, {.profile = false, .name = "model evaluation"}));
  }
  return seq_.get();
}

Status VulkanSequence::zero_states() {
  std::lock_guard<std::mutex> lock(m_.transfer_mutex);
  std::vector<std::byte> zeros;
  for (size_t il = 0; il < state_.conv.size(); ++il) {
    for (const vk::Buffer* b : {&state_.conv[il], &state_.delta[il]}) {
      if (!b->valid()) continue;
      zeros.resize(std::max<size_t>(zeros.size(), b->size()));
      LECTERN_TRY(m_.transfer->upload(*b, 0, zeros.data(), b->size()));
    }
  }
  states_zero_ = true;
  return Status::ok();
}

Status VulkanSequence::eval(const EvalBatch& batch, std::vector<float>& logits) {
  LECTERN_TRY(check_eval_batch(batch, n_past_, n_ctx_, m_.hp.n_vocab));
  for (const auto& p : batch.positions)
    for (int64_t v : p)
      if (v < INT32_MIN || v > INT32_MAX)
        return Status(ErrorCode::InvalidArgument,
                      "eval: position " + std::to_string(v) + " does not fit the device's 32-bit positions");
  Status s = eval_impl(batch, logits);
  if (!s.is_ok()) {
    drop_recorder();  // a half-recorded command buffer must not be continued
    states_zero_ = false;
  }
  return s;
}

Status VulkanSequence::eval_impl(const EvalBatch& batch, std::vector<float>& logits) {
  if (n_past_ == 0 && !states_zero_) LECTERN_TRY(zero_states());
  const size_t n = batch.tokens.size();
  const size_t n_vocab = m_.hp.n_vocab;
  const size_t n_rows = batch.logits == LogitsMode::All ? n : (batch.logits == LogitsMode::Last ? 1 : 0);
  try {
    logits.resize(n_rows * n_vocab);
  } catch (const std::bad_alloc&) {
    return Status(ErrorCode::OutOfHostMemory, "no host memory for " + std::to_string(n_rows) + " logit rows");
  }
  // LogitsMode::All keeps every row on the device until it is read back: parts are limited by the logits buffer.
  const size_t cap = static_cast<size_t>(batch.logits == LogitsMode::All ? std::min(act_.n_batch, act_.n_logit_rows)
                                                                         : act_.n_batch);
  for (size_t first = 0; first < n; first += cap) {
    const size_t count = std::min(cap, n - first);
    const bool last_part = first + count == n;
    LogitsMode mode = LogitsMode::None;
    float* out = nullptr;
    if (batch.logits == LogitsMode::All) {
      mode = LogitsMode::All;
      out = logits.data() + first * n_vocab;
    } else if (batch.logits == LogitsMode::Last && last_part) {
      mode = LogitsMode::Last;
      out = logits.data();
    }
    LECTERN_TRY(eval_part(batch, first, count, mode, out));
  }
  return Status::ok();
}

Status VulkanSequence::eval_part(const EvalBatch& batch, size_t first, size_t n, LogitsMode mode, float* out) {
  for (size_t i = 0; i < n; ++i) {
    host_ids_[i] = static_cast<uint32_t>(batch.tokens[first + i]);
    const int64_t pos = n_past_ + static_cast<int64_t>(i);
    for (int axis = 0; axis < 3; ++axis)
      host_positions_[3 * i + axis] =
          static_cast<int32_t>(batch.positions.empty() ? pos : batch.positions[first + i][axis]);
  }
  {
    std::lock_guard<std::mutex> lock(m_.transfer_mutex);
    LECTERN_TRY(m_.transfer->upload(act_.ids, 0, host_ids_.data(), n * sizeof(uint32_t)));
    LECTERN_TRY(m_.transfer->upload(act_.positions, 0, host_positions_.data(), 3 * n * sizeof(int32_t)));
  }
  LECTERN_ASSIGN_OR_RETURN(vk::Sequence * seq, recorder());
  LECTERN_TRY(record_forward(*seq, m_, act_, state_, n, static_cast<uint64_t>(n_past_), mode));
  LECTERN_TRY(seq->run());
  states_zero_ = false;
  n_past_ += static_cast<int64_t>(n);
  if (mode == LogitsMode::None) return Status::ok();
  const uint64_t n_rows = mode == LogitsMode::All ? n : 1;
  std::lock_guard<std::mutex> lock(m_.transfer_mutex);
  return m_.transfer->download(act_.logits, 0, out, n_rows * m_.hp.n_vocab * sizeof(float));
}

Result<std::unique_ptr<SequenceSnapshot>> VulkanSequence::snapshot(SnapshotScope scope) const {
  auto snap = std::make_unique<VulkanSnapshot>(&m_, n_past_, scope);
  const vk::Device& device = *m_.device;
  LECTERN_ASSIGN_OR_RETURN(vk::Sequence * seq, recorder());
  const size_t n_layer = state_.conv.size();
  snap->conv.resize(n_layer);
  snap->delta.resize(n_layer);
  Status s = [&]() -> Status {
    for (size_t il = 0; il < n_layer; ++il) {
      if (state_.has_kv[il]) {
        if (scope != SnapshotScope::Full || n_past_ == 0) continue;
        const ops::KvCache& cache = state_.kv[il];
        KvRows rows{il, 0, static_cast<uint64_t>(n_past_), {}, {}};
        const uint64_t bytes = rows.n_pos * cache.token_bytes();
        // One flat buffer per layer and tensor: fine up to the device's allocation limit (lavapipe: 2 GiB).
        LECTERN_ASSIGN_OR_RETURN(rows.k, snapshot_buffer(device, bytes, cache.name() + ".k snapshot"));
        LECTERN_ASSIGN_OR_RETURN(rows.v, snapshot_buffer(device, bytes, cache.name() + ".v snapshot"));
        LECTERN_TRY(copy_kv_rows(*seq, cache, rows.k, rows.v, 0, rows.n_pos, /*to_cache=*/false));
        snap->n_bytes_ += 2 * bytes;
        snap->kv.push_back(std::move(rows));
        continue;
      }
      for (auto [src, dst] : {std::pair{&state_.conv[il], &snap->conv[il]}, std::pair{&state_.delta[il], &snap->delta[il]}}) {
        LECTERN_ASSIGN_OR_RETURN(*dst, snapshot_buffer(device, src->size(), src->name() + " snapshot"));
        LECTERN_TRY(seq->copy(src->whole(), dst->whole()));
        snap->n_bytes_ += src->size();
      }
    }
    return seq->run();
  }();
  if (!s.is_ok()) {
    drop_recorder();
    return s;
  }
  return std::unique_ptr<SequenceSnapshot>(std::move(snap));
}

Status VulkanSequence::restore(const SequenceSnapshot& snapshot) {
  const auto* snap = dynamic_cast<const VulkanSnapshot*>(&snapshot);
  if (!snap || snap->model_ != &m_)
    return Status(ErrorCode::InvalidArgument, "snapshot was not made by this Vulkan backend");
  if (snap->scope() == SnapshotScope::Recurrent && snap->n_past() > n_past_)
    return Status(ErrorCode::InvalidArgument,
                  "recurrent snapshot at token " + std::to_string(snap->n_past()) + " is ahead of the sequence (" +
                      std::to_string(n_past_) + " tokens); the KV rows it needs are gone, use a full snapshot");
  if (snap->n_past() > n_ctx_)
    return Status(ErrorCode::InvalidArgument, "snapshot of " + std::to_string(snap->n_past()) +
                                                  " tokens does not fit this sequence's context of " +
                                                  std::to_string(n_ctx_));
  LECTERN_ASSIGN_OR_RETURN(vk::Sequence * seq, recorder());
  Status s = [&]() -> Status {
    for (size_t il = 0; il < state_.conv.size(); ++il) {
      if (state_.has_kv[il]) continue;
      LECTERN_TRY(seq->copy(snap->conv[il].whole(), state_.conv[il].whole()));
      LECTERN_TRY(seq->copy(snap->delta[il].whole(), state_.delta[il].whole()));
    }
    for (const KvRows& rows : snap->kv)
      LECTERN_TRY(copy_kv_rows(*seq, state_.kv[rows.layer], rows.k, rows.v, rows.first_pos, rows.n_pos, true));
    return seq->run();
  }();
  if (!s.is_ok()) {
    drop_recorder();
    return s;
  }
  // Recurrent: KV rows from n_past on are simply never read again (attention reads positions < n_past + T).
  n_past_ = snap->n_past();
  states_zero_ = false;
  return Status::ok();
}

void VulkanSequence::reset() {
  n_past_ = 0;
  states_zero_ = false;  // zeroed before the next evaluation
}

}  // namespace lectern::runtime
