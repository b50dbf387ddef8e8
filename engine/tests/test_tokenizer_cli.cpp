// test_tokenizer_cli.cpp: end to end, `lectern-cli tokenize` on the golden Qwen3 folder reproduces golden ids, in
// plain and --json output, and reports bad arguments and missing models with the documented exit codes.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <sys/wait.h>

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kGolden = fs::path(LECTERN_GOLDEN_DIR) / "tokenizer-qwen3";

struct CliRun {
  int exit_code;
  std::string out;
  std::string err;
};

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(LECTERN_CLI_PATH)) << "lectern-cli not built at " << LECTERN_CLI_PATH
                                              << " (build the lectern-cli target first)";
    ASSERT_TRUE(fs::exists(kGolden / "cases.json")) << "golden data missing: " << kGolden;
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("lectern_test_tokenizer_cli_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  // Arguments are single-quoted for the shell; none of ours contain a single quote.
  CliRun run(const std::vector<std::string>& args) {
    std::string cmd = std::string("'") + LECTERN_CLI_PATH + "'";
    for (const auto& a : args) cmd += " '" + a + "'";
    cmd += " >'" + (dir_ / "out").string() + "' 2>'" + (dir_ / "err").string() + "'";
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(dir_ / "out"), slurp(dir_ / "err")};
  }

  fs::path dir_;
};

std::vector<int32_t> parse_ids(const std::string& line) {
  std::istringstream in(line);
  std::vector<int32_t> ids;
  for (int32_t id; in >> id;) ids.push_back(id);
  return ids;
}

}  // namespace

TEST_F(CliTest, FileInputReproducesGoldenIds) {
  std::ifstream in(kGolden / "cases.json");
  const auto cases = json::parse(in);
  // A spread of scripts, code with tabs/newlines, special tokens and emoji (one CLI start per case).
  const char* wanted[] = {"int main(int argc, char** argv) {\n\treturn 0;\n}\n",
                          "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
                          "通义千问是阿里巴巴开发的大语言模型。", "Ünïcödé ñ ç ß æ ø å"};
  size_t n_checked = 0;
  for (const auto& c : cases) {
    const std::string text = c["text"];
    if (std::find(std::begin(wanted), std::end(wanted), text) == std::end(wanted)) continue;
    std::ofstream(dir_ / "input.txt", std::ios::binary) << text;
    const CliRun r = run({"tokenize", kGolden.string(), "--file", (dir_ / "input.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(parse_ids(r.out), c["ids"].get<std::vector<int32_t>>()) << "text " << json(text).dump();
    ++n_checked;
  }
  EXPECT_EQ(n_checked, std::size(wanted));
}

TEST_F(CliTest, JsonOutput) {
  const CliRun r = run({"tokenize", kGolden.string(), "--text", "Hello world", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = json::parse(r.out);
  // golden cases.json: "Hello world" -> [9707, 1879]; the pieces are the vocabulary spellings.
  EXPECT_EQ(doc["ids"], json({9707, 1879}));
  EXPECT_EQ(doc["tokens"], json({"Hello", "\xC4\xA0world"}));
  EXPECT_EQ(doc["count"], 2);
}

TEST_F(CliTest, BadArgumentsAndMissingModel) {
  EXPECT_EQ(run({"tokenize"}).exit_code, 2);
  EXPECT_EQ(run({"tokenize", kGolden.string()}).exit_code, 2);
  EXPECT_EQ(run({"tokenize", kGolden.string(), "--text", "a", "--file", "b"}).exit_code, 2);
  EXPECT_EQ(run({"tokenize", kGolden.string(), "--bogus"}).exit_code, 2);

  const CliRun missing = run({"tokenize", (dir_ / "no_such_model").string(), "--text", "hi"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err.rfind("lectern-cli tokenize: ", 0), 0u) << missing.err;
  EXPECT_NE(missing.err.find("does not exist"), std::string::npos) << missing.err;

  const CliRun no_file = run({"tokenize", kGolden.string(), "--file", (dir_ / "nope.txt").string()});
  EXPECT_EQ(no_file.exit_code, 1);
  EXPECT_NE(no_file.err.find("cannot read"), std::string::npos) << no_file.err;
}
