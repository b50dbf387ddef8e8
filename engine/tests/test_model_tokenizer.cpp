// test_model_tokenizer.cpp: the tokenizer and chat-template traits read from GGUF metadata: the golden GGUFs encode
// their tokens.json prompt to exactly the reference ids, and agree with their HF folders.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lectern/chat.h"
#include "model/gguf_reader.h"
#include "model/gguf_tokenizer.h"
#include "model_test_support.h"
#include "text/tokenizer_loader.h"

using namespace lectern;
using namespace lectern::model;
using namespace lectern::testing;

TEST(ModelTokenizer, VocabFromGoldenGguf) {
  auto g = GgufFile::open(golden_path("models/tiny-a/model.gguf"));
  ASSERT_TRUE(g.is_ok()) << g.status().to_string();
  auto v = tokenizer_vocab_from_gguf(*g);
  ASSERT_TRUE(v.is_ok()) << v.status().to_string();
  // golden/models/README.md §2: 8064 entries (8026 real + padding), 7744 merges, eos 8002, pad 8000, no bos.
  EXPECT_EQ(v->tokens.size(), 8064u);
  EXPECT_EQ(v->token_types.size(), 8064u);
  EXPECT_EQ(v->merges.size(), 7744u);
  EXPECT_EQ(v->merges.front(), "Ġ Ġ");
  EXPECT_EQ(v->pre, "qwen2");
  EXPECT_EQ(v->eos_id, 8002);
  EXPECT_EQ(v->pad_id, 8000);
  EXPECT_EQ(v->bos_id, std::nullopt);
  EXPECT_FALSE(v->add_bos);
  EXPECT_EQ(v->tokens[8001], "<|im_start|>");
  EXPECT_EQ(v->token_types[8001], static_cast<int32_t>(text::GgufTokenType::Control));
  EXPECT_EQ(v->token_types[8024], static_cast<int32_t>(text::GgufTokenType::UserDefined));  // <think>
  EXPECT_EQ(v->token_types[8063], static_cast<int32_t>(text::GgufTokenType::Unused));
}

TEST(ModelTokenizer, GoldenGgufTokenizersEncodeThePrompt) {
  for (const char* folder : {"tiny-a", "tiny-b", "tiny-q"}) {
    SCOPED_TRACE(folder);
    std::ifstream f(golden_path(std::string("models/") + folder + "/tokens.json"));
    auto tokens = nlohmann::json::parse(f);
    const std::string gguf = std::string("models/") + folder + (std::string(folder) == "tiny-q" ? "/model-Q8_0.gguf" : "/model.gguf");
    auto tok = text::load_tokenizer_for_model(golden_path(gguf));
    ASSERT_TRUE(tok.is_ok()) << tok.status().to_string();
    auto ids = tok->encode(tokens["prompt_text"].get<std::string>());
    ASSERT_TRUE(ids.is_ok()) << ids.status().to_string();
    EXPECT_EQ(*ids, tokens["tokens"].get<std::vector<int32_t>>());
    EXPECT_EQ(tok->eos_id(), 8002);
    EXPECT_EQ(tok->n_vocab(), 8064);
  }
}

TEST(ModelTokenizer, GgufAndHfFolderGiveTheSameTokenizerAndTraits) {
  for (const char* folder : {"tiny-a", "tiny-b"}) {
    SCOPED_TRACE(folder);
    const std::string base = std::string("models/") + folder;
    auto a = text::load_tokenizer_for_model(golden_path(base + "/model.gguf"));
    auto b = text::load_tokenizer_for_model(golden_path(base + "/hf"));
    ASSERT_TRUE(a.is_ok()) << a.status().to_string();
    ASSERT_TRUE(b.is_ok()) << b.status().to_string();
    const std::string text = "Ünïcode café — 12345 tokens, <think>\n\n</think> and <|im_end|> ok";
    EXPECT_EQ(*a->encode(text), *b->encode(text));
    EXPECT_EQ(a->eos_id(), b->eos_id());
    auto ta = chat_traits_for_model_path(golden_path(base + "/model.gguf"));
    auto tb = chat_traits_for_model_path(golden_path(base + "/hf"));
    ASSERT_TRUE(ta.is_ok()) << ta.status().to_string();
    ASSERT_TRUE(tb.is_ok()) << tb.status().to_string();
    EXPECT_EQ(ta->thinking_by_default, tb->thinking_by_default);
  }
}
