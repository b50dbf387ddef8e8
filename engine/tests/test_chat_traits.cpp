// test_chat_traits.cpp: thinking-mode defaults from model size (qwen35.md §6.2, §8.1.1), from template text, and
// from model folders on disk, including the errors for missing or unsupported inputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "lectern/chat.h"

using namespace lectern;
namespace fs = std::filesystem;

namespace {

const std::string kGoldenDir = LECTERN_GOLDEN_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The shipped (4B-style) template with its generation-prompt branch inverted the way the 0.8B/2B templates have it.
std::string small_model_template(std::string text) {
  const std::string think_unless_false =
      "{%- if enable_thinking is defined and enable_thinking is false %}\n"
      "        {{- '<think>\\n\\n</think>\\n\\n' }}\n"
      "    {%- else %}\n"
      "        {{- '<think>\\n' }}\n"
      "    {%- endif %}";
  const std::string think_only_if_true =
      "{%- if enable_thinking is defined and enable_thinking is true %}\n"
      "        {{- '<think>\\n' }}\n"
      "    {%- else %}\n"
      "        {{- '<think>\\n\\n</think>\\n\\n' }}\n"
      "    {%- endif %}";
  size_t at = text.find(think_unless_false);
  if (at == std::string::npos) return {};
  return text.replace(at, think_unless_false.size(), think_only_if_true);
}

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("lectern_chat_traits_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void write_config(const fs::path& folder, int n_layer, int n_embd) {
  nlohmann::json config = {{"model_type", "qwen3_5"},
                           {"text_config", {{"num_hidden_layers", n_layer}, {"hidden_size", n_embd}}}};
  write_file(folder / "config.json", config.dump());
}

}  // namespace

TEST(ChatTraits, SizeRule) {
  EXPECT_FALSE(default_thinking_for_model(24, 1024));  // 0.8B
  EXPECT_FALSE(default_thinking_for_model(24, 2048));  // 2B
  EXPECT_TRUE(default_thinking_for_model(32, 2560));   // 4B
  EXPECT_TRUE(default_thinking_for_model(32, 4096));   // 9B
  EXPECT_TRUE(default_thinking_for_model(64, 5120));   // 27B
  EXPECT_TRUE(default_thinking_for_model(40, 2048));   // 35B-A3B MoE
  EXPECT_TRUE(default_thinking_for_model(8, 64));      // the tiny golden models are not 0.8B-shaped
}

TEST(ChatTraits, FromTemplateText) {
  const std::string shipped = read_file(kGoldenDir + "/chat-template/qwen35.jinja");
  ASSERT_FALSE(shipped.empty()) << "golden template missing: " << kGoldenDir << "/chat-template/qwen35.jinja";
  // The golden template thinks unless enable_thinking is false.
  EXPECT_EQ(thinking_default_from_template(shipped), std::optional<bool>(true));
  const std::string small = small_model_template(shipped);
  ASSERT_FALSE(small.empty()) << "the golden template's generation-prompt branch changed; update this test";
  EXPECT_EQ(thinking_default_from_template(small), std::optional<bool>(false));
  EXPECT_EQ(thinking_default_from_template("{{ messages }}"), std::nullopt);
  EXPECT_EQ(thinking_default_from_template(""), std::nullopt);

  // The template wins over the size rule; without a recognisable template the size rule decides.
  EXPECT_TRUE(chat_traits_from_model_info(24, 1024, shipped).thinking_by_default);
  EXPECT_FALSE(chat_traits_from_model_info(32, 2560, small).thinking_by_default);
  EXPECT_FALSE(chat_traits_from_model_info(24, 1024, "").thinking_by_default);
  EXPECT_TRUE(chat_traits_from_model_info(32, 2560, "").thinking_by_default);
}

TEST(ChatTraits, GoldenHfFolder) {
  const std::string folder = kGoldenDir + "/models/tiny-a/hf";
  ASSERT_TRUE(fs::exists(folder + "/config.json")) << "golden model folder missing: " << folder;
  auto traits = chat_traits_for_model_path(folder);
  ASSERT_TRUE(traits.is_ok()) << traits.status().to_string();
  EXPECT_TRUE(traits->thinking_by_default);  // ships the thinking-by-default template
}

TEST(ChatTraits, HfFolderVariants) {
  TempDir dir;
  const fs::path& folder = dir.path();
  const std::string shipped = read_file(kGoldenDir + "/chat-template/qwen35.jinja");
  ASSERT_FALSE(shipped.empty());

  write_config(folder, 24, 1024);  // no template: size rule
  EXPECT_FALSE(chat_traits_for_model_path(folder.string()).value().thinking_by_default);

  write_file(folder / "tokenizer_config.json", nlohmann::json({{"chat_template", shipped}}).dump());
  EXPECT_TRUE(chat_traits_for_model_path(folder.string()).value().thinking_by_default);

  write_file(folder / "chat_template.jinja", small_model_template(shipped));  // preferred over tokenizer_config
  write_config(folder, 32, 2560);
  EXPECT_FALSE(chat_traits_for_model_path(folder.string()).value().thinking_by_default);

  // Named templates in tokenizer_config: "default" is the chat one.
  fs::remove(folder / "chat_template.jinja");
  write_file(folder / "tokenizer_config.json",
             nlohmann::json({{"chat_template", nlohmann::json::array({{{"name", "tool_use"}, {"template", "x"}},
                                                                       {{"name", "default"},
                                                                        {"template", small_model_template(shipped)}}})}})
                 .dump());
  EXPECT_FALSE(chat_traits_for_model_path(folder.string()).value().thinking_by_default);
}

TEST(ChatTraits, Errors) {
  TempDir dir;
  auto missing = chat_traits_for_model_path((dir.path() / "nope").string());
  ASSERT_FALSE(missing.is_ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::NotFound);

  auto no_config = chat_traits_for_model_path(dir.path().string());
  ASSERT_FALSE(no_config.is_ok());
  EXPECT_EQ(no_config.status().code(), ErrorCode::NotFound);
  EXPECT_NE(no_config.status().message().find("config.json"), std::string::npos);

  write_file(dir.path() / "config.json", "{\"text_config\": {\"num_hidden_layers\": \"24\"}}");
  auto bad_config = chat_traits_for_model_path(dir.path().string());
  ASSERT_FALSE(bad_config.is_ok());
  EXPECT_EQ(bad_config.status().code(), ErrorCode::CorruptData);
  EXPECT_NE(bad_config.status().message().find("num_hidden_layers"), std::string::npos);

  write_file(dir.path() / "config.json", "{not json");
  auto corrupt = chat_traits_for_model_path(dir.path().string());
  ASSERT_FALSE(corrupt.is_ok());
  EXPECT_EQ(corrupt.status().code(), ErrorCode::CorruptData);

  write_file(dir.path() / "notes.txt", "hello");
  auto not_a_model = chat_traits_for_model_path((dir.path() / "notes.txt").string());
  ASSERT_FALSE(not_a_model.is_ok());
  EXPECT_EQ(not_a_model.status().code(), ErrorCode::InvalidArgument);

  // A GGUF stub that ends after its magic: the GGUF reader reports the truncation.
  write_file(dir.path() / "m.GGUF", "GGUF");
  auto gguf = chat_traits_for_model_path((dir.path() / "m.GGUF").string());
  ASSERT_FALSE(gguf.is_ok());
  EXPECT_EQ(gguf.status().code(), ErrorCode::CorruptData);
  EXPECT_NE(gguf.status().message().find("truncated"), std::string::npos) << gguf.status().message();
}
