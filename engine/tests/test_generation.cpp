// test_generation.cpp: the generation loop on a scripted backend with the golden tiny tokenizer: stop tokens and
// length, thinking on/off, reasoning budget and loop detection closing the think block, UTF-8-safe streaming,
// cancellation from another thread, statistics, session reuse, errors; and the loop detector on its own.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <random>
#include <thread>

#include "golden_models.h"
#include "lectern/chat.h"
#include "runtime/generation.h"
#include "runtime/loop_detector.h"
#include "scripted_backend.h"
#include "text/tokenizer_loader.h"
#include "text/utf8.h"

using namespace lectern;
using namespace lectern::runtime;
using namespace lectern::testing;

namespace {

constexpr int32_t kNVocab = 8064;  // the golden models' logit rows (8026 real tokens + padding)

const Tokenizer* golden_tokenizer() {
  static const Result<Tokenizer> tok = text::load_tokenizer_for_model(golden_models_dir() / "tiny-a" / "model.gguf");
  if (!tok.is_ok()) return nullptr;
  return &tok.value();
}

class Generation : public ::testing::Test {
 protected:
  void SetUp() override {
    tok_ = golden_tokenizer();
    ASSERT_NE(tok_, nullptr) << "golden tokenizer (tiny-a/model.gguf) missing or unreadable under " << golden_models_dir();
    auto v = generation_vocab(*tok_, kNVocab);
    ASSERT_TRUE(v.is_ok()) << v.status().to_string();
    vocab_ = *v;
  }

  std::vector<int32_t> encode(const std::string& text) const {
    auto ids = tok_->encode(text);
    EXPECT_TRUE(ids.is_ok());
    return ids.is_ok() ? *ids : std::vector<int32_t>{};
  }

  std::vector<int32_t> chat_prompt(const std::string& user, bool thinking) const {
    ChatRequest r;
    r.messages.push_back(ChatMessage::make(ChatRole::User, user));
    r.enable_thinking = thinking;
    auto text = render_chat_prompt(r, ChatTemplateTraits{});
    EXPECT_TRUE(text.is_ok());
    return encode(*text);
  }

  int32_t id(const char* piece) const { return *tok_->piece_to_id(piece); }

  // Tokens the default close text ("\n</think>\n\n") injects after </think>.
  size_t after_close() const {
    const auto t = encode("\n</think>\n\n");
    return t.size() - static_cast<size_t>(std::find(t.begin(), t.end(), id("</think>")) - t.begin()) - 1;
  }

  static GenerationSettings greedy(int32_t max_tokens = 64) {
    GenerationSettings g;
    g.sampler.temperature = 0.0f;
    g.max_tokens = max_tokens;
    return g;
  }

  Result<GenerationResult> run(ScriptedBackend& backend, const std::vector<int32_t>& prompt,
                               const GenerationSettings& settings, const GenerationCallbacks& callbacks = {},
                               const std::atomic<bool>* cancel = nullptr, Session* session = nullptr) {
    std::optional<Session> own;
    if (!session) {
      auto s = Session::create(backend, {.n_ctx = 4096, .n_batch = 0, .checkpoint_interval = 0, .max_checkpoints = 8});
      EXPECT_TRUE(s.is_ok());
      own.emplace(std::move(s).value());
      session = &*own;
    }
    return generate(*session, *tok_, vocab_, prompt, settings, callbacks, cancel);
  }

  const Tokenizer* tok_ = nullptr;
  GenerationVocab vocab_;
};

// The model writes `tape` after the prompt, then `after` forever.
ScriptedBackend::Script tape_script(size_t prompt_len, std::vector<int32_t> tape, int32_t after) {
  return [=](const std::vector<int32_t>& h) {
    const size_t k = h.size() - prompt_len;
    return k < tape.size() ? tape[k] : after;
  };
}

// Reasons with `reasoning(k)` for the k-th reasoning token until a </think> is in the history (its own or
// injected), then writes `answer` and the stop token. after_close: tokens the close text puts after </think>
// ("\n\n"), which come before the answer.
ScriptedBackend::Script reasoning_script(size_t prompt_len, int32_t think_close, std::function<int32_t(size_t)> reasoning,
                                         std::vector<int32_t> answer, int32_t stop, size_t after_close) {
  return [=](const std::vector<int32_t>& h) {
    for (size_t i = prompt_len; i < h.size(); ++i) {
      if (h[i] == think_close) {
        const size_t since = h.size() - (i + 1);
        if (since < after_close) return answer[0];  // logits nobody samples (the close text is being injected)
        const size_t k = since - after_close;
        return k < answer.size() ? answer[k] : stop;
      }
    }
    return reasoning(h.size() - prompt_len);
  };
}

}  // namespace

TEST_F(Generation, VocabComesFromTheTokenizer) {
  // golden/models/README.md §2: <|endoftext|> 8000, <|im_start|> 8001, <|im_end|> 8002 (= eos), <think> 8024.
  std::vector<int32_t> stops = vocab_.stop_ids;
  std::sort(stops.begin(), stops.end());
  EXPECT_EQ(stops, (std::vector<int32_t>{8000, 8002}));
  EXPECT_EQ(vocab_.turn_start, 8001);
  EXPECT_EQ(vocab_.think_open, 8024);
  EXPECT_EQ(vocab_.think_close, 8025);
  ASSERT_EQ(vocab_.allowed.size(), static_cast<size_t>(kNVocab));
  EXPECT_EQ(vocab_.allowed[0], 1);
  EXPECT_EQ(vocab_.allowed[8025], 1);
  for (int32_t i = 8026; i < kNVocab; ++i) ASSERT_EQ(vocab_.allowed[static_cast<size_t>(i)], 0) << "padding row " << i;

  const auto on = chat_prompt("Hi", true), off = chat_prompt("Hi", false);
  EXPECT_TRUE(prompt_opens_reasoning(on, vocab_));
  EXPECT_FALSE(prompt_opens_reasoning(off, vocab_));
  // Checkpoints: before the second <|im_start|> (the assistant turn), before <think>, at the end.
  const auto cps = prompt_checkpoints(off, vocab_);
  ASSERT_EQ(cps.size(), 3u);
  EXPECT_EQ(off[static_cast<size_t>(cps[0])], 8001);
  EXPECT_EQ(off[static_cast<size_t>(cps[1])], 8024);
  EXPECT_EQ(cps[2], static_cast<int64_t>(off.size()));
}

TEST_F(Generation, StopsOnEveryStopToken) {
  const auto prompt = chat_prompt("Say hello", false);
  const auto hello = encode("Hello world");
  for (int32_t stop : vocab_.stop_ids) {
    ScriptedBackend b(kNVocab, tape_script(prompt.size(), hello, stop));
    auto r = run(b, prompt, greedy());
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    EXPECT_EQ(r->stats.finish_reason, FinishReason::Stop) << stop;
    EXPECT_EQ(r->tokens, hello) << "the stop token is not part of the output";
    EXPECT_EQ(r->text, "Hello world");
    EXPECT_EQ(r->output.content, "Hello world");
    EXPECT_FALSE(r->thinking);
  }
}

TEST_F(Generation, StopsAtMaxTokens) {
  const auto prompt = chat_prompt("Count", false);
  ScriptedBackend b(kNVocab, [](const std::vector<int32_t>& h) { return static_cast<int32_t>(300 + h.size() % 50); });
  auto r = run(b, prompt, greedy(7));
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->stats.finish_reason, FinishReason::Length);
  EXPECT_EQ(r->stats.n_generated, 7);
  EXPECT_EQ(r->tokens.size(), 7u);
  auto zero = run(b, prompt, greedy(0));
  ASSERT_TRUE(zero.is_ok());
  EXPECT_EQ(zero->stats.n_generated, 0);
  EXPECT_EQ(run(b, prompt, greedy(-1)).status().code(), ErrorCode::InvalidArgument);
}

TEST_F(Generation, ThinkingSeparatesReasoningFromTheAnswerWhileStreaming) {
  const auto prompt = chat_prompt("What is 2+2?", true);
  const auto body = encode("Two and two.\n</think>\n\nIt is 4.");
  ScriptedBackend b(kNVocab, tape_script(prompt.size(), body, id("<|im_end|>")));
  std::string reasoning, content, text;
  bool content_started = false, reasoning_after_content = false;
  GenerationCallbacks cb;
  cb.on_piece = [&](const GenerationPiece& p) {
    text += p.text;
    reasoning += p.delta.reasoning;
    content += p.delta.content;
    if (!p.delta.content.empty()) content_started = true;
    if (content_started && !p.delta.reasoning.empty()) reasoning_after_content = true;
  };
  auto r = run(b, prompt, greedy(), cb);
  ASSERT_TRUE(r.is_ok());
  EXPECT_TRUE(r->thinking);
  EXPECT_EQ(r->stats.finish_reason, FinishReason::Stop);
  EXPECT_EQ(r->stats.reasoning_end, ReasoningEnd::Model);
  EXPECT_EQ(r->output.reasoning, "Two and two.");
  EXPECT_EQ(r->output.content, "It is 4.");
  EXPECT_TRUE(r->output.reasoning_complete);
  EXPECT_EQ(reasoning, "Two and two.");
  EXPECT_EQ(content, "It is 4.");
  EXPECT_FALSE(reasoning_after_content);
  EXPECT_EQ(text, r->text);
  const size_t close_at = std::find(body.begin(), body.end(), id("</think>")) - body.begin();
  EXPECT_EQ(r->stats.n_reasoning, static_cast<int64_t>(close_at));
}

TEST_F(Generation, ReasoningBudgetClosesTheBlockAndTheAnswerFollows) {
  const auto prompt = chat_prompt("Think briefly", true);
  const auto answer = encode("Done.");
  const int32_t close = id("</think>");
  // Never-repeating reasoning: the loop detector has nothing to find; only the budget stops it.
  ScriptedBackend b(kNVocab, reasoning_script(prompt.size(), close, [](size_t k) { return static_cast<int32_t>(300 + k); },
                                             answer, id("<|im_end|>"), after_close()));
  GenerationSettings g = greedy(200);
  g.max_reasoning_tokens = 10;
  auto r = run(b, prompt, g);
  ASSERT_TRUE(r.is_ok()) << r.status().to_string();
  EXPECT_EQ(r->stats.reasoning_end, ReasoningEnd::Budget);
  EXPECT_EQ(r->stats.finish_reason, FinishReason::Stop);
  const auto close_tokens = encode("\n</think>\n\n");
  std::vector<int32_t> want;
  for (int32_t k = 0; k < 10; ++k) want.push_back(300 + k);
  want.insert(want.end(), close_tokens.begin(), close_tokens.end());
  want.insert(want.end(), answer.begin(), answer.end());
  EXPECT_EQ(r->tokens, want);
  EXPECT_EQ(r->output.content, "Done.");
  EXPECT_TRUE(r->output.reasoning_complete);
  EXPECT_FALSE(r->output.reasoning.empty());

  // A budget of 0 closes the block before any reasoning.
  g.max_reasoning_tokens = 0;
  ScriptedBackend b0(kNVocab, reasoning_script(prompt.size(), close, [](size_t k) { return static_cast<int32_t>(300 + k); },
                                              answer, id("<|im_end|>"), after_close()));
  auto r0 = run(b0, prompt, g);
  ASSERT_TRUE(r0.is_ok());
  EXPECT_EQ(r0->output.reasoning, "");
  EXPECT_EQ(r0->output.content, "Done.");
}

TEST_F(Generation, ReasoningLoopIsDetectedAndClosedGracefully) {
  const auto prompt = chat_prompt("Loop please", true);
  const auto answer = encode("Final answer.");
  const std::vector<int32_t> cycle = encode(" wait, let me check again.");
  ASSERT_GE(cycle.size(), 3u);
  ScriptedBackend b(kNVocab, reasoning_script(prompt.size(), id("</think>"),
                                             [=](size_t k) { return cycle[k % cycle.size()]; }, answer,
                                             id("<|im_end|>"), after_close()));
  GenerationSettings g = greedy(2000);
  auto r = run(b, prompt, g);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->stats.reasoning_end, ReasoningEnd::Loop);
  EXPECT_EQ(r->stats.finish_reason, FinishReason::Stop);
  EXPECT_EQ(r->output.content, "Final answer.");
  const int64_t min_span = g.loop_detection.min_span;
  EXPECT_GE(r->stats.n_reasoning, min_span);
  EXPECT_LE(r->stats.n_reasoning, min_span + static_cast<int64_t>(encode("\n</think>\n\n").size()))
      << "closed as soon as the loop spans min_span tokens";

  // With detection off the same script runs into max_tokens.
  g.loop_detection.enabled = false;
  g.max_tokens = 300;
  ScriptedBackend b2(kNVocab, reasoning_script(prompt.size(), id("</think>"),
                                              [=](size_t k) { return cycle[k % cycle.size()]; }, answer,
                                              id("<|im_end|>"), after_close()));
  auto r2 = run(b2, prompt, g);
  ASSERT_TRUE(r2.is_ok());
  EXPECT_EQ(r2->stats.finish_reason, FinishReason::Length);
  EXPECT_EQ(r2->stats.reasoning_end, ReasoningEnd::None);
}

TEST_F(Generation, StreamedPiecesAreWholeUtf8Characters) {
  const std::string text = "Grüße 😀 日本語 ok";
  const auto tape = encode(text);
  bool any_partial = false;  // the tiny vocabulary splits some characters over several byte tokens
  for (int32_t t : tape) any_partial = any_partial || !text::is_valid_utf8(*tok_->token_bytes(t));
  ASSERT_TRUE(any_partial) << "the test needs a character split across tokens";
  const auto prompt = chat_prompt("Unicode", false);
  ScriptedBackend b(kNVocab, tape_script(prompt.size(), tape, id("<|im_end|>")));
  std::string joined;
  int n_pieces = 0;
  GenerationCallbacks cb;
  cb.on_piece = [&](const GenerationPiece& p) {
    ++n_pieces;
    EXPECT_TRUE(text::is_valid_utf8(p.text)) << "broken UTF-8 streamed";
    joined += p.text;
  };
  auto r = run(b, prompt, greedy(), cb);
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(joined, text);
  EXPECT_EQ(r->output.content, text);
  EXPECT_LT(n_pieces, static_cast<int>(tape.size())) << "partial characters are held back, not sent empty";
}

TEST_F(Generation, CancelFromAnotherThreadStopsWithinOneToken) {
  const auto prompt = chat_prompt("Go on forever", false);
  ScriptedBackend b(kNVocab, [](const std::vector<int32_t>& h) { return static_cast<int32_t>(300 + h.size() % 97); },
                    std::chrono::milliseconds(3));
  std::atomic<bool> cancel{false};
  std::atomic<int64_t> pieces{0};
  GenerationCallbacks cb;
  cb.on_piece = [&](const GenerationPiece&) { ++pieces; };
  int64_t seen_at_cancel = -1;
  std::thread canceller([&] {
    while (pieces.load() < 5) std::this_thread::sleep_for(std::chrono::microseconds(200));
    cancel.store(true);
    seen_at_cancel = pieces.load();
  });
  auto r = run(b, prompt, greedy(100000), cb, &cancel);
  canceller.join();
  ASSERT_TRUE(r.is_ok());
  EXPECT_EQ(r->stats.finish_reason, FinishReason::Cancelled);
  EXPECT_GE(r->stats.n_generated, 5);
  EXPECT_LE(r->stats.n_generated, seen_at_cancel + 1);

  // Raised before the start: the prompt is not even evaluated.
  const int64_t evaluated = b.n_evaluated;
  auto early = run(b, prompt, greedy(), {}, &cancel);
  ASSERT_TRUE(early.is_ok());
  EXPECT_EQ(early->stats.finish_reason, FinishReason::Cancelled);
  EXPECT_EQ(early->stats.n_generated, 0);
  EXPECT_EQ(b.n_evaluated, evaluated);
}

TEST_F(Generation, StatisticsAndSessionReuse) {
  const auto prompt = chat_prompt("First question", false);
  const auto reply = encode("First answer.");
  const int32_t im_end = id("<|im_end|>");
  ScriptedBackend b(kNVocab, tape_script(prompt.size(), reply, im_end), std::chrono::microseconds(200));
  auto session = Session::create(b, {.n_ctx = 4096, .n_batch = 0, .checkpoint_interval = 0, .max_checkpoints = 8});
  ASSERT_TRUE(session.is_ok());
  std::vector<std::pair<int64_t, int64_t>> progress;
  GenerationCallbacks cb;
  cb.on_prefill_progress = [&](int64_t done, int64_t total) { progress.push_back({done, total}); };
  GenerationSettings g = greedy();
  g.sampler.seed = 77;
  auto r1 = run(b, prompt, g, cb, nullptr, &*session);
  ASSERT_TRUE(r1.is_ok());
  const GenerationStats& s = r1->stats;
  EXPECT_EQ(s.n_prompt_tokens, static_cast<int64_t>(prompt.size()));
  EXPECT_EQ(s.n_prompt_reused, 0);
  EXPECT_EQ(s.n_prompt_evaluated, static_cast<int64_t>(prompt.size()));
  EXPECT_EQ(s.n_generated, static_cast<int64_t>(reply.size()));
  EXPECT_GT(s.prompt_seconds, 0.0);
  EXPECT_GT(s.generation_seconds, 0.0);
  EXPECT_GT(s.time_to_first_token, 0.0);
  EXPECT_GE(s.time_to_first_token, s.prompt_seconds);
  EXPECT_GT(s.prompt_tokens_per_second, 0.0);
  EXPECT_GT(s.generation_tokens_per_second, 0.0);
  EXPECT_EQ(s.seed, 77u);
  ASSERT_FALSE(progress.empty());
  EXPECT_EQ(progress.back(), (std::pair<int64_t, int64_t>{static_cast<int64_t>(prompt.size()), static_cast<int64_t>(prompt.size())}));
  const std::string line = format_generation_stats(s);
  EXPECT_NE(line.find("finish stop"), std::string::npos) << line;
  EXPECT_NE(line.find("tok/s"), std::string::npos) << line;

  // Next turn appended to what the session holds: only the new tokens are evaluated.
  std::vector<int32_t> next = prompt;
  next.insert(next.end(), reply.begin(), reply.end());
  next.push_back(im_end);
  const auto more = encode("\n<|im_start|>user\nAnd then?<|im_end|>\n<|im_start|>assistant\n");
  next.insert(next.end(), more.begin(), more.end());
  const int64_t before = b.n_evaluated;
  auto r2 = run(b, next, g, {}, nullptr, &*session);
  ASSERT_TRUE(r2.is_ok());
  EXPECT_EQ(r2->stats.n_prompt_reused, static_cast<int64_t>(prompt.size() + reply.size()));
  EXPECT_EQ(r2->stats.n_prompt_evaluated, static_cast<int64_t>(1 + more.size()));
  EXPECT_EQ(b.n_evaluated - before, static_cast<int64_t>(1 + more.size() + r2->tokens.size()));
}

TEST_F(Generation, ErrorsBeforeAndDuringGeneration) {
  const auto prompt = chat_prompt("Hello", false);
  ScriptedBackend b(kNVocab, [](const std::vector<int32_t>& h) { return static_cast<int32_t>(300 + h.size() % 50); });
  auto small = Session::create(b, {.n_ctx = 5, .n_batch = 0, .checkpoint_interval = 0, .max_checkpoints = 4});
  ASSERT_TRUE(small.is_ok());
  auto too_long = generate(*small, *tok_, vocab_, prompt, greedy(), {}, nullptr);
  ASSERT_FALSE(too_long.is_ok());
  EXPECT_EQ(too_long.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(too_long.status().message().find("context length is 5"), std::string::npos) << too_long.status().message();

  // The context fills up during generation: Length, context_full.
  auto tight = Session::create(b, {.n_ctx = static_cast<int64_t>(prompt.size()) + 3, .n_batch = 0,
                                   .checkpoint_interval = 0, .max_checkpoints = 4});
  ASSERT_TRUE(tight.is_ok());
  auto full = generate(*tight, *tok_, vocab_, prompt, greedy(), {}, nullptr);
  ASSERT_TRUE(full.is_ok());
  EXPECT_EQ(full->stats.finish_reason, FinishReason::Length);
  EXPECT_TRUE(full->stats.context_full);
  EXPECT_EQ(full->stats.n_generated, 4);

  // The device fails after three generated tokens: Error, partial output kept.
  b.fail_at = b.n_evaluated + static_cast<int64_t>(prompt.size()) + 3;
  auto lost = run(b, prompt, greedy());
  ASSERT_TRUE(lost.is_ok());
  EXPECT_EQ(lost->stats.finish_reason, FinishReason::Error);
  EXPECT_EQ(lost->error.code(), ErrorCode::DeviceLost);
  EXPECT_EQ(lost->tokens.size(), 4u);
  b.fail_at = -1;
}

TEST(LoopDetector, PeriodicTokensNeedEnoughRepeatsAndSpan) {
  LoopDetectionSettings s;  // max_period 256, 3 repeats, span 48
  LoopDetector same(s);
  for (int i = 0; i < 47; ++i) ASSERT_FALSE(same.push(7, "x")) << i;
  EXPECT_TRUE(same.push(7, "x")) << "48 identical tokens";

  LoopDetector period(s);
  int i = 0;
  while (!period.push(100 + i % 20, "") && i < 1000) ++i;
  EXPECT_EQ(i + 1, 60) << "period 20 needs 3 repeats (60 tokens)";
  EXPECT_NE(period.reason().find("period 20"), std::string::npos) << period.reason();

  LoopDetector varied(s);
  std::mt19937 gen(3);
  for (int k = 0; k < 3000; ++k) ASSERT_FALSE(varied.push(static_cast<int32_t>(gen() % 5000), "")) << k;

  s.enabled = false;
  LoopDetector off(s);
  for (int k = 0; k < 200; ++k) ASSERT_FALSE(off.push(1, "same line that is long enough\n"));
}

TEST(LoopDetector, RepeatedLongLinesAreALoopShortOnesAreNot) {
  LoopDetectionSettings s;
  LoopDetector lines(s);
  int32_t token = 0;
  const auto feed = [&](LoopDetector& d, const std::string& text) {
    bool hit = false;
    for (char c : text) hit = d.push(token++, std::string(1, c)) || hit;  // never periodic in tokens
    return hit;
  };
  EXPECT_FALSE(feed(lines, "Let me verify the sum once more.\n"));
  EXPECT_FALSE(feed(lines, "Something else entirely here.\n"));
  EXPECT_FALSE(feed(lines, "  Let me verify the sum once more.  \n"));
  EXPECT_FALSE(feed(lines, "Let me verify the sum once more.\n"));
  EXPECT_TRUE(feed(lines, "Let me verify the sum once more.\n")) << "4th time";
  EXPECT_NE(lines.reason().find("4 times"), std::string::npos) << lines.reason();

  LoopDetector short_lines(s);
  for (int k = 0; k < 10; ++k) EXPECT_FALSE(feed(short_lines, "Wait.\n"));
}
