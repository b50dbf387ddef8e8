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
  clear_vision();
  state_->reset();
  tokens_.clear();
  last_logits_.clear();
  logits_pending_ = false;
  checkpoints_.clear();
}

std::span<const float> Session::logits() const {
  if (logits_pending_) {
    logits_pending_ = false;
    if (!state_->read_last_logits(last_logits_).is_ok()) last_logits_.clear();
  }
  return last_logits_;
}

Result<DeviceSampleResult> Session::sample_on_device(const DeviceSampleRequest& request) {
  if (tokens_.empty()) return Status(ErrorCode::InvalidArgument, "sample_on_device: the session is empty");
  return state_->sample_last(request);
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
  const std::span<const float> row = logits();
  c.logits.assign(row.begin(), row.end());
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
                         std::vector<float>* all_logits, const MultimodalPrompt* mm, size_t mm_offset) {
  const int64_t start = n_past();
  const int64_t end = start + static_cast<int64_t>(tokens.size());
  const int64_t interval = options_.checkpoint_interval;
  std::vector<int64_t> marks;  // history lengths to snapshot at, within (start, end]
  for (int64_t m : options.checkpoint_at)
    if (m > start && m <= end) marks.push_back(m);
  std::sort(marks.begin(), marks.end());

  std::vector<float> rows;
  std::vector<std::array<int64_t, 3>> positions;  // text after a multimodal prompt: shifted positions
  std::vector<int32_t> batch_rows;                // mm rows inside the batch, relative to it
  const size_t n_embd = static_cast<size_t>(backend_->info().n_embd);
  size_t mm_next = 0;  // first mm row not yet passed
  if (mm)
    while (mm_next < mm->rows.size() && static_cast<size_t>(mm->rows[mm_next]) < mm_offset) ++mm_next;
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
    batch.keep_logits_on_device = options.keep_logits_on_device && batch.logits == LogitsMode::Last;
    if (mm) {
      batch.positions = std::span(mm->positions).subspan(mm_offset + done, n);
      batch_rows.clear();
      const size_t first = mm_next;
      while (mm_next < mm->rows.size() && static_cast<size_t>(mm->rows[mm_next]) < mm_offset + done + n)
        batch_rows.push_back(static_cast<int32_t>(mm->rows[mm_next++] - (mm_offset + done)));
      batch.embedding_rows = batch_rows;
      batch.embeddings = std::span(mm->embeddings).subspan(first * n_embd, batch_rows.size() * n_embd);
    } else if (position_offset_ != 0) {
      positions.resize(n);
      for (size_t i = 0; i < n; ++i) {
        const int64_t p = n_past() + static_cast<int64_t>(i) + position_offset_;
        positions[i] = {p, p, p};
      }
      batch.positions = positions;
    }
    Status s;
    if (options.sample && options.sampled && done + n == tokens.size() && batch.logits == LogitsMode::Last) {
      batch.keep_logits_on_device = true;
      Result<DeviceSampleResult> drawn = state_->eval_sample(batch, *options.sample);
      if (drawn.is_ok()) {
        *options.sampled = *drawn;
        rows.clear();
      } else if (drawn.status().code() == ErrorCode::Unsupported) {
        *options.sampled = DeviceSampleResult{-1, false, true};
        batch.keep_logits_on_device = options.keep_logits_on_device;
        s = state_->eval(batch, rows);
      } else {
        s = drawn.status();
      }
    } else {
      s = state_->eval(batch, rows);
    }
    if (!s.is_ok()) {
      if (s.code() == ErrorCode::InvalidArgument) return s;  // rejected before touching the state
      reset();
      return s.with_context("evaluating tokens " + std::to_string(start + static_cast<int64_t>(done)) + ".." +
                            std::to_string(stop - 1) + " (session reset)");
    }
    n_evaluated_ += n;
    tokens_.insert(tokens_.end(), batch.tokens.begin(), batch.tokens.end());
    const size_t n_vocab = static_cast<size_t>(backend_->info().n_vocab);
    if (rows.empty() && batch.keep_logits_on_device) {
      last_logits_.clear();
      logits_pending_ = true;
    } else {
      last_logits_.assign(rows.end() - static_cast<std::ptrdiff_t>(n_vocab), rows.end());
      logits_pending_ = false;
    }
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
  if (vision_begin_ >= 0 && n_tokens > vision_begin_) {
    // Only checkpoints after the multimodal prompt can be restored: re-evaluating its pad tokens would need the
    // encoder rows again.
    bool ok = false;
    for (auto it = checkpoints_.rbegin(); n_tokens >= vision_end_ && it != checkpoints_.rend(); ++it)
      if (it->n_past <= n_tokens) {
        ok = it->n_past >= vision_end_;
        break;
      }
    if (!ok)
      return Status(ErrorCode::InvalidArgument, "cannot rewind to " + std::to_string(n_tokens) +
                                                    " tokens: that is inside a prompt with images or videos; send it "
                                                    "again with its images");
  } else if (vision_begin_ >= 0) {
    clear_vision();  // back before the images: plain text positions again
  }
  // Checkpoints after the target describe history that is being dropped.
  while (!checkpoints_.empty() && checkpoints_.back().n_past > n_tokens) checkpoints_.pop_back();
  std::vector<int32_t> gap;
  if (checkpoints_.empty()) {
    gap.assign(tokens_.begin(), tokens_.begin() + n_tokens);
    state_->reset();
    tokens_.clear();
    last_logits_.clear();
    logits_pending_ = false;
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
    logits_pending_ = false;
  }
  ExtendOptions gap_options = options;
  gap_options.logits = LogitsMode::Last;
  return evaluate(gap, gap_options, nullptr);
}

size_t Session::shared_vision_prefix(const MultimodalPrompt& mm, size_t common) const {
  const MultimodalPrompt& old = *history_mm_;
  const size_t n_embd = static_cast<size_t>(backend_->info().n_embd);
  // Positions: the history's prompt has its own, the text generated after it runs at index + position_offset_.
  for (size_t i = 0; i < common; ++i) {
    const int64_t p = static_cast<int64_t>(i) + position_offset_;
    const std::array<int64_t, 3> was = i < old.positions.size() ? old.positions[i] : std::array<int64_t, 3>{p, p, p};
    if (mm.positions[i] != was) {
      common = i;
      break;
    }
  }
  // Vision rows before `common`: the same indices with the same embeddings in both.
  for (size_t j = 0; j < mm.rows.size() || j < old.rows.size(); ++j) {
    const size_t r_new = j < mm.rows.size() ? static_cast<size_t>(mm.rows[j]) : common;
    const size_t r_old = j < old.rows.size() ? static_cast<size_t>(old.rows[j]) : common;
    const size_t r = std::min(r_new, r_old);
    if (r >= common) break;
    if (r_new != r_old || !std::equal(mm.embeddings.begin() + j * n_embd, mm.embeddings.begin() + (j + 1) * n_embd,
                                      old.embeddings.begin() + j * n_embd)) {
      common = r;
      break;
    }
  }
  // Past the first vision row only when the history needs no rewind, or a checkpoint after the rows is in reach.
  if (common > static_cast<size_t>(vision_begin_) && static_cast<int64_t>(common) < n_past()) {
    bool reachable = false;
    for (const Checkpoint& c : checkpoints_)
      if (c.n_past >= vision_end_ && c.n_past <= static_cast<int64_t>(common)) reachable = true;
    if (!reachable) common = static_cast<size_t>(vision_begin_);
  }
  return common;
}

Result<int64_t> Session::sync(std::span<const int32_t> tokens, const ExtendOptions& options) {
  // A pending multimodal prompt belongs to this call only, whatever happens.
  std::optional<MultimodalPrompt> mm = std::move(pending_mm_);
  pending_mm_.reset();
  if (tokens.empty()) return Status(ErrorCode::InvalidArgument, "the prompt is empty");
  if (static_cast<int64_t>(tokens.size()) > n_ctx())
    return Status(ErrorCode::InvalidArgument, "the prompt has " + std::to_string(tokens.size()) +
                                                  " tokens but the context length is " + std::to_string(n_ctx()) +
                                                  "; shorten the conversation or use a larger context");
  LECTERN_TRY(check_token_ids(tokens, n_vocab()));
  size_t common = 0;
  while (common < tokens.size() && common < tokens_.size() && tokens[common] == tokens_[common]) ++common;
  // Pad tokens look alike whatever the image: reuse stops at the first vision row (ours or the history's).
  if (mm && (mm->positions.size() != tokens.size() || mm->rows.empty() ||
             mm->embeddings.size() != mm->rows.size() * static_cast<size_t>(backend_->info().n_embd)))
    return Status(ErrorCode::InvalidArgument, "multimodal prompt: positions/rows/embeddings do not match the " +
                                                  std::to_string(tokens.size()) + "-token prompt");
  if (mm && vision_begin_ >= 0) {
    common = shared_vision_prefix(*mm, common);
  } else {
    if (mm) common = std::min(common, static_cast<size_t>(mm->rows.front()));
    if (vision_begin_ >= 0) common = std::min(common, static_cast<size_t>(vision_begin_));
  }
  const bool use_disk = options_.disk_cache && !mm && vision_begin_ < 0 &&
                        static_cast<int64_t>(tokens.size()) >= options_.disk_min_tokens;
  if (use_disk) common = static_cast<size_t>(load_from_disk(tokens, static_cast<int64_t>(common)));

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
  if (mm) {
    LECTERN_TRY(evaluate(tokens.subspan(common), rest_options, nullptr, &*mm, common));
    vision_begin_ = mm->rows.front();
    vision_end_ = mm->rows.back() + 1;
    position_offset_ = mm->next_position - n_past();
    history_mm_ = std::move(mm);
    LECTERN_TRY(add_checkpoint(true));  // rewinding after the images must not need to re-run them
  } else {
    LECTERN_TRY(extend(tokens.subspan(common), rest_options));
  }
  // Saved when at least disk_min_tokens were evaluated (a long document), not after every short follow-up.
  if (use_disk && static_cast<int64_t>(tokens.size() - common) >= options_.disk_min_tokens) save_to_disk();
  // Nothing evaluated up to a requested boundary that is the current end (e.g. a prompt already in the history):
  // checkpoint it now, so that dropping what follows later costs nothing.
  if (std::find(options.checkpoint_at.begin(), options.checkpoint_at.end(), n_past()) != options.checkpoint_at.end())
    LECTERN_TRY(add_checkpoint(true));
  return static_cast<int64_t>(common);
}

int64_t Session::load_from_disk(std::span<const int32_t> tokens, int64_t common) {
  const std::string format = state_->state_format();
  if (format.empty()) return common;
  auto found = options_.disk_cache->find_longest_prefix(tokens, format, common + 1);
  if (!found.is_ok() || !found.value()) return common;
  StoredState& entry = *found.value();
  if (entry.logits.size() != static_cast<size_t>(n_vocab())) return common;
  Status s = state_->load_state(entry.state, entry.n_tokens);
  if (!s.is_ok()) {
    // The sequence may be partly overwritten: start over (the prompt is then evaluated in full).
    disk_status_ = s;
    reset();
    return 0;
  }
  tokens_.assign(tokens.begin(), tokens.begin() + entry.n_tokens);
  last_logits_ = std::move(entry.logits);
  logits_pending_ = false;
  checkpoints_.clear();  // they described the previous history
  n_loaded_ += static_cast<uint64_t>(entry.n_tokens);
  disk_status_ = add_checkpoint(true);  // rewinding into what follows need not go back to token 0
  return entry.n_tokens;
}

void Session::save_to_disk() {
  const std::string format = state_->state_format();
  if (format.empty() || options_.disk_cache->contains(tokens_, format)) return;
  std::vector<uint8_t> bytes;
  disk_status_ = state_->save_state(bytes);
  if (disk_status_.is_ok()) disk_status_ = options_.disk_cache->put(tokens_, format, logits(), bytes);
}

}  // namespace lectern::runtime
