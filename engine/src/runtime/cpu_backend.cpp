// cpu_backend.cpp: CpuBackend / CpuSequence: Qwen35Reference driven token by token, snapshots as plain copies.
#include "runtime/cpu_backend.h"

#include <algorithm>
#include <cstring>
#include <new>

#include "cpu/qwen35_reference.h"
#include "cpu/qwen35_reference_weights.h"

namespace lectern::runtime {
namespace {

class CpuSnapshot final : public SequenceSnapshot {
 public:
  CpuSnapshot(cpu::Qwen35Reference::State state, int64_t n_past, SnapshotScope scope)
      : state_(std::move(state)), n_past_(n_past), scope_(scope) {}
  int64_t n_past() const override { return n_past_; }
  SnapshotScope scope() const override { return scope_; }
  uint64_t n_bytes() const override {
    uint64_t n = 0;
    for (const auto* group : {&state_.conv, &state_.delta, &state_.k_cache, &state_.v_cache})
      for (const auto& v : *group) n += v.size() * sizeof(float);
    return n;
  }
  const cpu::Qwen35Reference::State& state() const { return state_; }

 private:
  cpu::Qwen35Reference::State state_;
  int64_t n_past_;
  SnapshotScope scope_;
};

class CpuSequence final : public SequenceState {
 public:
  CpuSequence(const cpu::Qwen35RefWeights& weights, int64_t n_ctx)
      : weights_(weights), model_(weights), n_vocab_(weights.config.n_vocab), n_ctx_(n_ctx) {}

  int64_t n_ctx() const override { return n_ctx_; }
  int64_t n_past() const override { return n_past_; }

  Status eval(const EvalBatch& batch, std::vector<float>& logits) override {
    const int32_t n_vocab = n_vocab_;
    const int32_t n_embd = weights_.config.n_embd;
    LECTERN_TRY(check_eval_batch(batch, n_past_, n_ctx_, n_vocab, n_embd));
    const size_t n = batch.tokens.size();
    const size_t n_rows = batch.logits == LogitsMode::All ? n : (batch.logits == LogitsMode::Last ? 1 : 0);
    logits.resize(n_rows * static_cast<size_t>(n_vocab));
    size_t next_override = 0;  // index into batch.embedding_rows (vision rows, qwen35.md §7.6)
    for (size_t i = 0; i < n; ++i) {
      const int64_t pos = n_past_ + static_cast<int64_t>(i);
      const std::array<int64_t, 3> pos3 = batch.positions.empty() ? std::array<int64_t, 3>{pos, pos, pos}
                                                                  : batch.positions[i];
      // Rows nobody asked for skip the last layer's output and the LM head (Qwen35Reference::advance).
      const bool wanted = batch.logits == LogitsMode::All || (batch.logits == LogitsMode::Last && i + 1 == n);
      std::vector<float> row;
      if (next_override < batch.embedding_rows.size() &&
          batch.embedding_rows[next_override] == static_cast<int32_t>(i)) {
        const float* src = batch.embeddings.data() + next_override * static_cast<size_t>(n_embd);
        row = model_.step_embedding(std::vector<float>(src, src + n_embd), pos3);
        ++next_override;
      } else if (!wanted) {
        model_.advance(batch.tokens[i], pos3);
        continue;
      } else {
        row = model_.step(batch.tokens[i], pos3);
      }
      if (batch.logits == LogitsMode::All)
        std::copy(row.begin(), row.end(), logits.begin() + static_cast<std::ptrdiff_t>(i * n_vocab));
      else if (batch.logits == LogitsMode::Last && i + 1 == n)
        std::copy(row.begin(), row.end(), logits.begin());
    }
    n_past_ += static_cast<int64_t>(n);
    return Status::ok();
  }

  Result<std::unique_ptr<SequenceSnapshot>> snapshot(SnapshotScope scope) const override {
    try {
      return std::unique_ptr<SequenceSnapshot>(
          std::make_unique<CpuSnapshot>(model_.save_state(scope == SnapshotScope::Full), n_past_, scope));
    } catch (const std::bad_alloc&) {
      return Status(ErrorCode::OutOfHostMemory, "no host memory for a sequence snapshot at token " +
                                                    std::to_string(n_past_) + "; use a shorter context");
    }
  }

  Status restore(const SequenceSnapshot& snapshot) override {
    const auto* snap = dynamic_cast<const CpuSnapshot*>(&snapshot);
    if (!snap) return Status(ErrorCode::InvalidArgument, "snapshot was not made by the CPU backend");
    if (snap->scope() == SnapshotScope::Recurrent && snap->n_past() > n_past_)
      return Status(ErrorCode::InvalidArgument,
                    "recurrent snapshot at token " + std::to_string(snap->n_past()) +
                        " is ahead of the sequence (" + std::to_string(n_past_) +
                        " tokens); the KV rows it needs are gone, use a full snapshot");
    if (snap->n_past() > n_ctx_)
      return Status(ErrorCode::InvalidArgument, "snapshot of " + std::to_string(snap->n_past()) +
                                                    " tokens does not fit this sequence's context of " +
                                                    std::to_string(n_ctx_));
    model_.restore_state(snap->state());
    if (snap->scope() == SnapshotScope::Recurrent) model_.truncate_kv(snap->n_past());
    n_past_ = snap->n_past();
    return Status::ok();
  }

  void reset() override {
    model_.reset();
    n_past_ = 0;
  }

  std::string state_format() const override { return "cpu/gdn-f32/kv-f32"; }

  // Layer by layer: conv then delta floats (GDN layers), K then V rows [0, n_past) (attention layers).
  Status save_state(std::vector<uint8_t>& out) override {
    const cpu::Qwen35Reference::State st = model_.save_state(true);
    const auto& c = weights_.config;
    const size_t kv_floats = static_cast<size_t>(n_past_) * c.n_head_kv * c.head_dim;
    out.clear();
    auto append = [&](const std::vector<float>& v, size_t n) {
      const auto* p = reinterpret_cast<const uint8_t*>(v.data());
      out.insert(out.end(), p, p + n * sizeof(float));
    };
    for (int il = 0; il < c.n_layer; ++il) {
      if (c.is_full_attention(il)) {
        append(st.k_cache[il], kv_floats);
        append(st.v_cache[il], kv_floats);
      } else {
        append(st.conv[il], st.conv[il].size());
        append(st.delta[il], st.delta[il].size());
      }
    }
    return Status::ok();
  }

  Status load_state(std::span<const uint8_t> data, int64_t n_past) override {
    const auto& c = weights_.config;
    if (n_past < 0 || n_past > n_ctx_)
      return Status(ErrorCode::InvalidArgument, "saved state of " + std::to_string(n_past) +
                                                    " tokens does not fit this sequence's context of " +
                                                    std::to_string(n_ctx_));
    const size_t kv_floats = static_cast<size_t>(n_past) * c.n_head_kv * c.head_dim;
    const size_t conv_floats = static_cast<size_t>(c.conv_kernel - 1) * c.conv_channels();
    const size_t delta_floats = static_cast<size_t>(c.n_v_heads) * c.k_head_dim * c.v_head_dim;
    size_t expected = 0;
    for (int il = 0; il < c.n_layer; ++il)
      expected += (c.is_full_attention(il) ? 2 * kv_floats : conv_floats + delta_floats) * sizeof(float);
    if (data.size() != expected)
      return Status(ErrorCode::InvalidArgument, "saved state has " + std::to_string(data.size()) +
                                                    " bytes; this model needs " + std::to_string(expected) +
                                                    " for " + std::to_string(n_past) + " tokens");
    cpu::Qwen35Reference::State st;
    st.has_kv = true;
    st.conv.resize(c.n_layer), st.delta.resize(c.n_layer), st.k_cache.resize(c.n_layer), st.v_cache.resize(c.n_layer);
    size_t at = 0;
    auto take = [&](std::vector<float>& v, size_t n) {
      v.resize(n);
      std::memcpy(v.data(), data.data() + at, n * sizeof(float));
      at += n * sizeof(float);
    };
    for (int il = 0; il < c.n_layer; ++il) {
      if (c.is_full_attention(il)) {
        take(st.k_cache[il], kv_floats);
        take(st.v_cache[il], kv_floats);
      } else {
        take(st.conv[il], conv_floats);
        take(st.delta[il], delta_floats);
      }
    }
    model_.restore_state(st);
    n_past_ = n_past;
    return Status::ok();
  }

 private:
  const cpu::Qwen35RefWeights& weights_;
  cpu::Qwen35Reference model_;
  int32_t n_vocab_;
  int64_t n_ctx_;
  int64_t n_past_ = 0;
};

class CpuBackend final : public ModelBackend {
 public:
  explicit CpuBackend(cpu::Qwen35RefWeights weights) : weights_(std::move(weights)) {
    const auto& c = weights_.config;
    info_.name = "cpu";
    info_.device_name = "CPU reference (f32 weights, f64 accumulation)";
    info_.n_vocab = c.n_vocab;
    info_.n_embd = c.n_embd;
    info_.n_layer = c.n_layer;
    info_.preferred_batch = 64;  // token by token inside anyway; small batches keep cancellation responsive
    uint64_t n_floats = weights_.token_embd.size() + weights_.output.size() + weights_.output_norm.size();
    for (const auto& L : weights_.layers)
      for (const auto* v : {&L.attn_norm, &L.post_attention_norm, &L.ffn_gate, &L.ffn_up, &L.ffn_down, &L.attn_qkv,
                            &L.attn_gate, &L.ssm_beta, &L.ssm_alpha, &L.ssm_conv1d, &L.ssm_dt_bias, &L.ssm_a,
                            &L.ssm_norm, &L.ssm_out, &L.attn_q, &L.attn_k, &L.attn_v, &L.attn_q_norm,
                            &L.attn_k_norm, &L.attn_output})
        n_floats += v->size();
    info_.weight_bytes = n_floats * sizeof(float);
  }

  void set_n_ctx_train(int64_t n) { info_.n_ctx_train = n; }

  const BackendInfo& info() const override { return info_; }

  uint64_t sequence_bytes(int64_t n_ctx) const override {
    const auto& c = weights_.config;
    uint64_t per_token = 0, fixed = 0;
    for (int il = 0; il < c.n_layer; ++il) {
      if (c.is_full_attention(il)) {
        per_token += 2ull * c.n_head_kv * c.head_dim * sizeof(float);  // f32 K and V
      } else {
        fixed += static_cast<uint64_t>(c.conv_kernel - 1) * c.conv_channels() * sizeof(float);
        fixed += static_cast<uint64_t>(c.n_v_heads) * c.k_head_dim * c.v_head_dim * sizeof(float);
      }
    }
    return fixed + per_token * static_cast<uint64_t>(std::max<int64_t>(n_ctx, 0));
  }

  Result<std::unique_ptr<SequenceState>> create_sequence(int64_t n_ctx) override {
    if (n_ctx < 1 || (info_.n_ctx_train > 0 && n_ctx > info_.n_ctx_train))
      return Status(ErrorCode::InvalidArgument, "context length " + std::to_string(n_ctx) +
                                                    " is outside 1.." + std::to_string(info_.n_ctx_train) +
                                                    " (the model's trained context)");
    return std::unique_ptr<SequenceState>(std::make_unique<CpuSequence>(weights_, n_ctx));
  }

 private:
  cpu::Qwen35RefWeights weights_;
  BackendInfo info_;
};

}  // namespace

Status check_eval_batch(const EvalBatch& batch, int64_t n_past, int64_t n_ctx, int32_t n_vocab, int32_t n_embd) {
  if (batch.tokens.empty()) return Status(ErrorCode::InvalidArgument, "eval: empty batch");
  if (!batch.positions.empty() && batch.positions.size() != batch.tokens.size())
    return Status(ErrorCode::InvalidArgument, "eval: " + std::to_string(batch.positions.size()) +
                                                  " positions for " + std::to_string(batch.tokens.size()) + " tokens");
  if (n_past + static_cast<int64_t>(batch.tokens.size()) > n_ctx)
    return Status(ErrorCode::InvalidArgument, "eval: " + std::to_string(batch.tokens.size()) + " tokens after " +
                                                  std::to_string(n_past) + " exceed the context of " +
                                                  std::to_string(n_ctx) + " tokens");
  for (int32_t t : batch.tokens)
    if (t < 0 || t >= n_vocab)
      return Status(ErrorCode::InvalidArgument,
                    "eval: token id " + std::to_string(t) + " is outside the model's vocabulary (0.." +
                        std::to_string(n_vocab - 1) + ")");
  if (batch.embedding_rows.empty() && batch.embeddings.empty()) return Status::ok();
  if (n_embd <= 0)
    return Status(ErrorCode::Unsupported, "eval: this backend cannot take embedding overrides (vision input)");
  if (batch.embeddings.size() != batch.embedding_rows.size() * static_cast<size_t>(n_embd))
    return Status(ErrorCode::InvalidArgument,
                  "eval: " + std::to_string(batch.embeddings.size()) + " override values for " +
                      std::to_string(batch.embedding_rows.size()) + " rows of " + std::to_string(n_embd) +
                      " (need rows * n_embd)");
  int64_t prev = -1;
  for (int32_t r : batch.embedding_rows) {
    if (r <= prev || r >= static_cast<int64_t>(batch.tokens.size()))
      return Status(ErrorCode::InvalidArgument,
                    "eval: embedding override row " + std::to_string(r) +
                        " is out of order or outside the batch of " + std::to_string(batch.tokens.size()) + " tokens");
    prev = r;
  }
  return Status::ok();
}

Result<std::unique_ptr<ModelBackend>> create_cpu_backend(const model::ModelWeights& weights) {
  Result<cpu::Qwen35RefWeights> ref = [&]() -> Result<cpu::Qwen35RefWeights> {
    try {
      return cpu::reference_weights_from(weights);
    } catch (const std::bad_alloc&) {
      return Status(ErrorCode::OutOfHostMemory, "not enough host memory to expand the weights to f32 for the CPU "
                                                "backend; use --device vulkan or a smaller model");
    }
  }();
  if (!ref.is_ok()) return ref.status().with_context("CPU backend");
  auto backend = std::make_unique<CpuBackend>(std::move(ref).value());
  backend->set_n_ctx_train(static_cast<int64_t>(weights.hparams.n_ctx_train));
  return std::unique_ptr<ModelBackend>(std::move(backend));
}

}  // namespace lectern::runtime
