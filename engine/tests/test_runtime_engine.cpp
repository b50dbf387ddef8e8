// test_runtime_engine.cpp: the public Engine / ChatSession API on golden tiny models with the CPU device: load
// errors, summary, token counting against the golden prompt, greedy generation against the golden continuation,
// and multi-turn reuse (only the changed part of the conversation is evaluated, with the same result as afresh).
#include <gtest/gtest.h>

#include <filesystem>

#include "golden_models.h"
#include "lectern/engine.h"

using namespace lectern;
using namespace lectern::testing;

namespace {

std::string golden_model(const std::string& folder) { return (golden_models_dir() / folder / "model.gguf").string(); }

Result<Engine> load_cpu(const std::string& path, int64_t context = 1024) {
  EngineOptions o;
  o.model_path = path;
  o.device = DeviceChoice::Cpu;
  o.context_length = context;
  return Engine::load(o);
}

GenerationSettings greedy(int32_t max_tokens) {
  GenerationSettings g;
  g.sampler.temperature = 0.0f;
  g.max_tokens = max_tokens;
  return g;
}

ChatRequest golden_conversation(const std::string& folder) {
  const auto j = read_json((golden_models_dir() / folder / "tokens.json").string());
  auto r = chat_request_from_json(j.at("conversation").dump());
  EXPECT_TRUE(r.is_ok()) << r.status().to_string();
  return r.is_ok() ? *r : ChatRequest{};
}

}  // namespace

TEST(Engine, LoadErrorsAreClear) {
  auto missing = load_cpu((golden_models_dir() / "nope.gguf").string());
  EXPECT_EQ(missing.status().code(), ErrorCode::NotFound) << missing.status().to_string();
  EXPECT_EQ(load_cpu(golden_model("tiny-a"), 0).status().code(), ErrorCode::InvalidArgument);
  auto huge = load_cpu(golden_model("tiny-a"), int64_t{1} << 40);
  EXPECT_EQ(huge.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(huge.status().message().find("trained context of 262144"), std::string::npos) << huge.status().message();
  EngineOptions vk;
  vk.model_path = golden_model("tiny-a");
  vk.device = DeviceChoice::Vulkan;
  vk.context_length = 256;
  auto on_vulkan = Engine::load(vk);
  ASSERT_TRUE(on_vulkan.is_ok()) << on_vulkan.status().to_string();
  EXPECT_EQ(on_vulkan->summary().backend, "vulkan");
  EXPECT_EQ(device_choice_from_name("vulkan"), DeviceChoice::Vulkan);
  EXPECT_EQ(device_choice_from_name("gpu"), std::nullopt);
  EXPECT_STREQ(device_choice_name(DeviceChoice::Auto), "auto");
}

TEST(Engine, SummaryAndTokenCounts) {
  auto engine = load_cpu(golden_model("tiny-a"), 2048);
  ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
  const EngineModelSummary& s = engine->summary();
  EXPECT_EQ(s.backend, "cpu");
  EXPECT_EQ(s.n_layer, 8);
  EXPECT_EQ(s.n_embd, 64);
  EXPECT_EQ(s.n_vocab, 8064);
  EXPECT_EQ(s.n_tokenizer_vocab, 8064) << "the GGUF lists the padding rows as unused tokens";
  EXPECT_EQ(s.context_length, 2048);
  EXPECT_EQ(s.n_ctx_train, 262144);
  EXPECT_GT(s.weight_bytes, 0u);
  EXPECT_GT(s.session_bytes, 0u);

  // golden tokens.json: the conversation renders and tokenizes to exactly the 145 reference ids.
  const ChatRequest conversation = golden_conversation("tiny-a");
  auto n = engine->count_prompt_tokens(conversation);
  ASSERT_TRUE(n.is_ok()) << n.status().to_string();
  EXPECT_EQ(*n, 145);
  auto session = engine->new_session();
  ASSERT_TRUE(session.is_ok());
  auto ids = session->render_prompt_tokens(conversation);
  ASSERT_TRUE(ids.is_ok());
  EXPECT_EQ(*ids, golden_tokens(golden_model_cases()[0]));

  auto plain = engine->count_tokens("Hello <|im_end|>");
  ASSERT_TRUE(plain.is_ok());
  auto parsed = engine->tokenizer().encode("Hello <|im_end|>");
  ASSERT_TRUE(parsed.is_ok());
  EXPECT_GT(*plain, static_cast<int64_t>(parsed->size())) << "special tokens in plain text are not parsed";
}

// Greedy generation from the golden prompt reproduces the golden continuation (llama.cpp's) until its first stop
// token, over every step whose reference margin is not a near-tie (README §6 rule 3).
TEST(Engine, GreedyGenerationFollowsTheGoldenContinuation) {
  for (const std::string folder : {"tiny-a", "tiny-b"}) {
    auto engine = load_cpu(golden_model(folder));
    ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
    auto session = engine->new_session();
    ASSERT_TRUE(session.is_ok());
    const auto g = read_json((golden_models_dir() / folder / "greedy.json").string());
    const auto ids = g.at("ids").get<std::vector<int32_t>>();
    const auto margins = g.at("top1_margins").get<std::vector<double>>();
    const auto row_max = g.at("row_max_abs").get<std::vector<double>>();
    const auto prompt = read_json((golden_models_dir() / folder / "tokens.json").string()).at("tokens").get<std::vector<int32_t>>();
    GenerationSettings settings = greedy(static_cast<int32_t>(ids.size()));
    settings.loop_detection.enabled = false;
    auto r = session->generate_from_tokens(prompt, settings);
    ASSERT_TRUE(r.is_ok()) << r.status().to_string();
    size_t checked = 0;
    for (size_t k = 0; k < ids.size(); ++k) {
      if (!(margins[k] > 1e-3 * row_max[k])) break;  // a near-tie: both continuations are right from here on
      if (ids[k] == 8000 || ids[k] == 8002) {     // <|endoftext|> / <|im_end|>: generation stops here
        EXPECT_EQ(r->stats.finish_reason, FinishReason::Stop) << folder;
        EXPECT_EQ(r->tokens.size(), k) << folder;
        break;
      }
      ASSERT_LT(k, r->tokens.size()) << folder;
      EXPECT_EQ(r->tokens[k], ids[k]) << folder << " step " << k;
      ++checked;
    }
    EXPECT_GE(checked, 8u) << folder;
    std::printf("%s: %zu greedy steps match the reference\n", folder.c_str(), checked);
  }
}

// Turn 2 re-renders the whole conversation; the session keeps everything up to the previous turn's assistant
// header and evaluates only from there (the template drops the think block of past turns, qwen35.md §6.2).
// The answer is the same as from a fresh session.
TEST(Engine, MultiTurnReusesTheSessionAndMatchesAFreshOne) {
  auto engine = load_cpu(golden_model("tiny-a"));
  ASSERT_TRUE(engine.is_ok()) << engine.status().to_string();
  auto session = engine->new_session();
  ASSERT_TRUE(session.is_ok());
  ChatRequest request;
  request.messages.push_back(ChatMessage::make(ChatRole::User, "Which vegetables grow well in pots?"));
  request.enable_thinking = false;
  GenerationSettings settings = greedy(12);
  auto first = session->generate(request, settings);
  ASSERT_TRUE(first.is_ok()) << first.status().to_string();
  ASSERT_GT(first->stats.n_generated, 0);
  const auto prompt1 = session->render_prompt_tokens(request);
  ASSERT_TRUE(prompt1.is_ok());
  EXPECT_EQ(first->stats.n_prompt_evaluated, static_cast<int64_t>(prompt1->size()));

  request.messages.push_back(ChatMessage::make(ChatRole::Assistant, first->output.content));
  request.messages.push_back(ChatMessage::make(ChatRole::User, "And how often should I water them?"));
  const auto prompt2 = session->render_prompt_tokens(request);
  ASSERT_TRUE(prompt2.is_ok());
  // Where the re-rendered conversation leaves the session: at the first turn's <think> (its generation prompt).
  const auto think = std::find(prompt1->rbegin(), prompt1->rend(), 8024);
  ASSERT_NE(think, prompt1->rend());
  const int64_t think_at = static_cast<int64_t>(prompt1->rend() - think) - 1;
  auto second = session->generate(request, settings);
  ASSERT_TRUE(second.is_ok()) << second.status().to_string();
  EXPECT_EQ(second->stats.n_prompt_reused, think_at);
  EXPECT_EQ(second->stats.n_prompt_evaluated, static_cast<int64_t>(prompt2->size()) - think_at)
      << "only the tokens after the reuse point are evaluated (the checkpoint sits exactly there)";

  auto fresh = engine->new_session();
  ASSERT_TRUE(fresh.is_ok());
  auto again = fresh->generate(request, settings);
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(second->tokens, again->tokens);
  EXPECT_EQ(again->stats.n_prompt_evaluated, static_cast<int64_t>(prompt2->size()));

  // Regenerate: the same request again costs no prompt evaluation and gives the same greedy answer.
  auto regen = session->generate(request, settings);
  ASSERT_TRUE(regen.is_ok());
  EXPECT_EQ(regen->stats.n_prompt_evaluated, 0);
  EXPECT_EQ(regen->tokens, second->tokens);

  // A prompt longer than the context is refused up front.
  auto small = load_cpu(golden_model("tiny-a"), 16);
  ASSERT_TRUE(small.is_ok());
  auto small_session = small->new_session();
  ASSERT_TRUE(small_session.is_ok());
  auto refused = small_session->generate(request, settings);
  ASSERT_FALSE(refused.is_ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(refused.status().message().find("context length is 16"), std::string::npos) << refused.status().message();
}
