// session.cpp: history bookkeeping, batching, checkpoints and rewind for one sequence.
#include "runtime/session.h"

#include <algorithm>
#include <limits>

namespace lectern::runtime {
namespace {

Status check_token_ids(std::span<const int32_t> tokens, int32_t n_vocab) {
  for (int32_t t : tokens)
    if (t < 0 || t >= n_vocab)
      return Status(ErrorCode::InvalidArgument, "token id " + std::to_string(t) +
                                                    " is outside the model's vocabulary (0.." +
                                                    std::to_string(n_vocab - 1) + ")");
  return Status::ok();
}

}  // namespace

Result<Session> Session::create(ModelBackend& backend, const SessionOptions& options) {
  if (options.n_batch < 0) return Status(ErrorCode::InvalidArgument, "session: n_batch must be >= 0");
  if (options.checkpoint_interval < 0)
    return Status(ErrorCode::InvalidArgument, "session: checkpoint_interval must be >= 0");
  if (options.max_checkpoints < 1) return Status(ErrorCode::InvalidArgument, "session: max_checkpoints must be >= 1");
  LECTERN_ASSIGN_OR_RETURN(std::unique_ptr<SequenceState> state, backend.create_sequence(options.n_ctx));
  return Session(backend, std::move(state), options);
}

Session::Session(ModelBackend& backend, std::unique_ptr<SequenceState> state, const SessionOptions& options)
    : backend_(&backend), state_(std::move(state)), options_(options) {
  if (options_.n_batch == 0) options_.n_batch = std::max(1, backend.info().preferred_batch);
}

Session::Session(Session&&) noexcept = default;
Session& Session::operator=(Session&&) noexcept = default;
Session::~Session() = default;

void Session::reset() {
  state_->reset();
  tokens_.clear();
  last_logits_.clear();
  checkpoints_.clear();
}

std::vector<int64_t> Session::checkpoint_positions() const {
  std::vector<int64_t> out;
  for (const auto& c : checkpoints_) out.push_back(c.n_past);
  return out;
}

uint64_t Session::checkpoint_bytes() const {
  uint64_t n = 0;
  for (const auto& c : checkpoints_) n += c.snapshot->n_bytes() + c.logits.size() * sizeof(float);
  return n;
}

Status Session::add_checkpoint(bool boundary) {
  const int64_t at = n_past();
  if (at == 0) return Status::ok();  // the empty state is always available (reset)
  auto it = std::find_if(checkpoints_.begin(), checkpoints_.end(), [&](const Checkpoint& c) { return c.n_past == at; });
  if (it != checkpoints_.end()) {
    it->boundary = it->boundary || boundary;
    return Status::ok();
  }
  LECTERN_ASSIGN_OR_RETURN(std::unique_ptr<SequenceSnapshot> snap, state_->snapshot(SnapshotScope::Recurrent));
  Checkpoint c;
  c.n_past = at;
  c.boundary = boundary;
  c.snapshot = std::move(snap);
  c.logits = last_logits_;
  checkpoints_.push_back(std::move(c));  // extends only append, so this is the newest position
  thin_checkpoints();
  return Status::ok();
}

// Over the limits, drop the checkpoint whose removal opens the smallest gap between its neighbours (keeping the
// coverage even), taking periodic checkpoints before turn boundaries and never the newest one.
void Session::thin_checkpoints() {
  const auto over = [&] {
    if (checkpoints_.size() <= 1) return false;
    if (static_cast<int32_t>(checkpoints_.size()) > options_.max_checkpoints) return true;
    return options_.max_checkpoint_bytes > 0 && checkpoint_bytes() > options_.max_checkpoint_bytes;
  };
  while (over()) {
    size_t victim = std::numeric_limits<size_t>::max();
    int64_t best_gap = std::numeric_limits<int64_t>::max();
    for (int pass = 0; pass < 2 && victim == std::numeric_limits<size_t>::max(); ++pass) {
      for (size_t i = 0; i + 1 < checkpoints_.size(); ++i) {
        if (pass == 0 && checkpoints_[i].boundary) continue;
        const int64_t prev = i == 0 ? 0 : checkpoints_[i - 1].n_past;
        const int64_t gap = checkpoints_[i + 1].n_past - prev;
        if (gap < best_gap) best_gap = gap, victim = i;
      }
    }
    if (victim == std::numeric_limits<size_t>::max()) victim = 0;
    checkpoints_.erase(checkpoints_.begin() + static_cast<std::ptrdiff_t>(victim));
  }
}

Status Session::evaluate(std::span<const int32_t> tokens, const ExtendOptions& options,
                         std::vector<float>* all_logits) {
  const int64_t start = n_past();
  const int64_t end = start + static_cast<int64_t>(tokens.size());
  const int64_t interval = options_.checkpoint_interval;
  std::vector<int64_t> marks;  // history lengths to snapshot at, within (start, end]
  for (int64_t m : options.checkpoint_at)
    if (m > start && m <= end) marks.push_back(m);
  std::sort(marks.begin(), marks.end());

  std::vector<float> rows;
  size_t done = 0;
  while (done < tokens.size()) {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed))
      return Status(ErrorCode::Cancelled, "cancelled after " + std::to_string(done) + " of " +
                                              std::to_string(tokens.size()) + " tokens");
    // The batch ends at the batch size, the next requested checkpoint or the next periodic one.
    int64_t stop = std::min<int64_t>(end, n_past() + options_.n_batch);
    auto next_mark = std::upper_bound(marks.begin(), marks.end(), n_past());
    if (next_mark != marks.end()) stop = std::min(stop, *next_mark);
    if (interval > 0) stop = std::min(stop, (n_past() / interval + 1) * interval);
    const size_t n = static_cast<size_t>(stop - n_past());

    EvalBatch batch;
    batch.tokens = tokens.subspan(done, n);
    // Every batch returns at least its last row: checkpoints and logits() need it, and it costs one LM-head row.
    batch.logits = options.logits == LogitsMode::All ? LogitsMode::All : LogitsMode::Last;
    Status s = state_->eval(batch, rows);
    if (!s.is_ok()) {
      if (s.code() == ErrorCode::InvalidArgument) return s;  // rejected before touching the state
      reset();
      return s.with_context("evaluating tokens " + std::to_string(start + static_cast<int64_t>(done)) + ".." +
                            std::to_string(stop - 1) + " (session reset)");
    }
    n_evaluated_ += n;
    tokens_.insert(tokens_.end(), batch.tokens.begin(), batch.tokens.end());
    const size_t n_vocab = static_cast<size_t>(backend_->info().n_vocab);
    last_logits_.assign(rows.end() - static_cast<std::ptrdiff_t>(n_vocab), rows.end());
    if (all_logits && options.logits == LogitsMode::All) all_logits->insert(all_logits->end(), rows.begin(), rows.end());
    done += n;
    if (options.progress) options.progress(static_cast<int64_t>(done), static_cast<int64_t>(tokens.size()));

    const bool boundary = std::binary_search(marks.begin(), marks.end(), n_past());
    if (boundary || (interval > 0 && n_past() % interval == 0)) LECTERN_TRY(add_checkpoint(boundary));
  }
  return Status::ok();
}

Status Session::extend(std::span<const int32_t> tokens, const ExtendOptions& options, std::vector<float>* all_logits) {
  if (tokens.empty()) return Status::ok();
  LECTERN_TRY(check_token_ids(tokens, n_vocab()));
  if (n_past() + static_cast<int64_t>(tokens.size()) > n_ctx())
    return Status(ErrorCode::InvalidArgument,
                  std::to_string(n_past() + static_cast<int64_t>(tokens.size())) + " tokens (" +
                      std::to_string(n_past()) + " in the session + " + std::to_string(tokens.size()) +
                      " new) exceed the context length of " + std::to_string(n_ctx()) +
                      "; shorten the conversation or use a larger context");
  return evaluate(tokens, options, all_logits);
}

Status Session::rewind(int64_t n_tokens, const ExtendOptions& options) {
  if (n_tokens < 0 || n_tokens > n_past())
    return Status(ErrorCode::InvalidArgument, "cannot rewind to " + std::to_string(n_tokens) +
                                                  " tokens: the session holds " + std::to_string(n_past()));
  if (n_tokens == n_past()) return Status::ok();
  // Checkpoints after the target describe history that is being dropped.
  while (!checkpoints_.empty() && checkpoints_.back().n_past > n_tokens) checkpoints_.pop_back();
  std::vector<int32_t> gap;
  if (checkpoints_.empty()) {
    gap.assign(tokens_.begin(), tokens_.begin() + n_tokens);
    state_->reset();
    tokens_.clear();
    last_logits_.clear();
  } else {
    const Checkpoint& c = checkpoints_.back();
    gap.assign(tokens_.begin() + c.n_past, tokens_.begin() + n_tokens);
    Status s = state_->restore(*c.snapshot);
    if (!s.is_ok()) {
      reset();
      return s.with_context("restoring the checkpoint at token " + std::to_string(c.n_past) + " (session reset)");
    }
    tokens_.resize(static_cast<size_t>(c.n_past));
    last_logits_ = c.logits;
  }
  ExtendOptions gap_options = options;
  gap_options.logits = LogitsMode::Last;
  return evaluate(gap, gap_options, nullptr);
}

Result<int64_t> Session::sync(std::span<const int32_t> tokens, const ExtendOptions& options) {
  if (tokens.empty()) return Status(ErrorCode::InvalidArgument, "the prompt is empty");
  if (static_cast<int64_t>(tokens.size()) > n_ctx())
    return Status(ErrorCode::InvalidArgument, "the prompt has " + std::to_string(tokens.size()) +
                                                  " tokens but the context length is " + std::to_string(n_ctx()) +
                                                  "; shorten the conversation or use a larger context");
  LECTERN_TRY(check_token_ids(tokens, n_vocab()));
  size_t common = 0;
  while (common < tokens.size() && common < tokens_.size() && tokens[common] == tokens_[common]) ++common;

  // One progress count over the rewind gap and the new tokens.
  int64_t restore_at = 0;
  if (static_cast<int64_t>(common) < n_past())
    for (const auto& c : checkpoints_)
      if (c.n_past <= static_cast<int64_t>(common)) restore_at = c.n_past;
  const int64_t n_gap = static_cast<int64_t>(common) < n_past() ? static_cast<int64_t>(common) - restore_at : 0;
  const int64_t total = n_gap + static_cast<int64_t>(tokens.size() - common);
  ExtendOptions gap_options = options, rest_options = options;
  if (options.progress) {
    gap_options.progress = [&](int64_t done, int64_t) { options.progress(done, total); };
    rest_options.progress = [&](int64_t done, int64_t) { options.progress(n_gap + done, total); };
  }
  // A full match (regenerate) still leaves logits() belonging to the last prompt token.
  LECTERN_TRY(rewind(static_cast<int64_t>(common), gap_options));
  LECTERN_TRY(extend(tokens.subspan(common), rest_options));
  // Nothing evaluated up to a requested boundary that is the current end (e.g. a prompt already in the history):
  // checkpoint it now, so that dropping what follows later costs nothing.
  if (std::find(options.checkpoint_at.begin(), options.checkpoint_at.end(), n_past()) != options.checkpoint_at.end())
    LECTERN_TRY(add_checkpoint(true));
  return static_cast<int64_t>(common);
}

}  // namespace lectern::runtime
