// vulkan_sequence.cpp: VulkanSequence (batched evaluation on the device) and VulkanSnapshot (device-side copies of
// the GDN states, plus the KV rows for SnapshotScope::Full).
#include "runtime/vulkan_sequence.h"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <map>
#include <new>
#include <string>
#include <vector>

#include "vk/command.h"
#include "vk/env.h"
#include "vk/memory.h"

namespace lectern::runtime {
namespace {

// LECTERN_VK_PROFILE=1: GPU time per command label (pipeline and group counts) of each evaluation, to stderr.
void print_profile(const vk::Sequence& seq, size_t n_tokens) {
  auto timings = seq.timings();
  if (!timings.is_ok()) {
    std::fprintf(stderr, "profile: %s\n", timings.status().message().c_str());
    return;
  }
  std::map<std::string, std::pair<double, int>> by_label;
  double total = 0;
  for (const vk::CommandTiming& t : timings.value()) {
    auto& e = by_label[t.label];
    e.first += t.duration_ns();
    e.second += 1;
    total += t.duration_ns();
  }
  std::vector<std::pair<std::string, std::pair<double, int>>> sorted(by_label.begin(), by_label.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  std::fprintf(stderr, "profile: %zu tokens, %zu commands, %.1f ms GPU\n", n_tokens, timings.value().size(),
               total * 1e-6);
  for (const auto& [label, e] : sorted)
    std::fprintf(stderr, "  %9.2f ms %5.1f %% %4dx  %s\n", e.first * 1e-6, 100.0 * e.first / total, e.second,
                 label.c_str());
}

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
    const vk::SequenceOptions options{.profile = vk::env_flag("LECTERN_VK_PROFILE"), .name = "model evaluation"};
    LECTERN_ASSIGN_OR_RETURN(seq_, vk::Sequence::create(*m_.device, options));
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
  LECTERN_TRY(check_eval_batch(batch, n_past_, n_ctx_, m_.hp.n_vocab, static_cast<int32_t>(m_.hp.n_embd)));
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
  last_row_ = -1;
  const bool keep_on_device = batch.keep_logits_on_device && batch.logits == LogitsMode::Last;
  try {
    logits.resize(keep_on_device ? 0 : n_rows * n_vocab);
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
      out = keep_on_device ? nullptr : logits.data();
    }
    LECTERN_TRY(eval_part(batch, first, count, mode, out));
    if (last_part && mode != LogitsMode::None) last_row_ = mode == LogitsMode::All ? static_cast<int64_t>(count) - 1 : 0;
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
  LECTERN_TRY(stage_embedding_overrides(batch, first, n));
  LECTERN_ASSIGN_OR_RETURN(vk::Sequence * seq, recorder());
  LECTERN_TRY(record_forward(*seq, m_, act_, state_, n, static_cast<uint64_t>(n_past_), mode));
  if (fused_sample_ && mode == LogitsMode::Last) LECTERN_TRY(record_sample(*seq, *fused_sample_, 0));
  LECTERN_TRY(seq->run());
  if (vk::env_flag("LECTERN_VK_PROFILE")) print_profile(*seq, n);
  states_zero_ = false;
  n_past_ += static_cast<int64_t>(n);
  if (mode == LogitsMode::None || out == nullptr) return Status::ok();  // nullptr: the row stays on the device
  const uint64_t n_rows = mode == LogitsMode::All ? n : 1;
  std::lock_guard<std::mutex> lock(m_.transfer_mutex);
  return m_.transfer->download(act_.logits, 0, out, n_rows * m_.hp.n_vocab * sizeof(float));
}

// The override rows of batch rows [first, first + n) (embedding_rows is increasing) go to act_.overrides and become
// runs of consecutive rows for record_forward to copy over the token embeddings.
Status VulkanSequence::stage_embedding_overrides(const EvalBatch& batch, size_t first, size_t n) {
  act_.embedding_runs.clear();
  const std::span<const int32_t> all = batch.embedding_rows;
  const size_t k0 = std::lower_bound(all.begin(), all.end(), static_cast<int64_t>(first)) - all.begin();
  const size_t k1 = std::lower_bound(all.begin(), all.end(), static_cast<int64_t>(first + n)) - all.begin();
  if (k0 == k1) return Status::ok();
  const uint64_t row_bytes = uint64_t(m_.hp.n_embd) * sizeof(float);
  if (!act_.overrides.valid()) {
    auto b = vk::Buffer::create(*m_.device, uint64_t(act_.n_batch) * row_bytes, vk::MemoryUsage::DeviceLocal,
                                "embedding overrides");
    if (!b.is_ok()) return b.status().with_context("allocating the embedding-override rows");
    act_.overrides = std::move(b).value();
  }
  {
    std::lock_guard<std::mutex> lock(m_.transfer_mutex);
    LECTERN_TRY(m_.transfer->upload(act_.overrides, 0, batch.embeddings.data() + k0 * m_.hp.n_embd,
                                    (k1 - k0) * row_bytes));
  }
  for (size_t k = k0; k < k1; ++k) {
    const uint32_t row = static_cast<uint32_t>(all[k] - static_cast<int64_t>(first));
    const uint32_t src = static_cast<uint32_t>(k - k0);
    auto& runs = act_.embedding_runs;
    if (!runs.empty() && runs.back().first + runs.back().n == row && runs.back().src_first + runs.back().n == src)
      ++runs.back().n;
    else
      runs.push_back({row, src, 1});
  }
  return Status::ok();
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
  last_row_ = -1;
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
  last_row_ = -1;
  n_past_ = 0;
  states_zero_ = false;  // zeroed before the next evaluation
}

}  // namespace lectern::runtime
