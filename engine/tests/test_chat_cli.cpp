// test_chat_cli.cpp: end-to-end `lectern-cli prompt`: golden conversations in, byte-identical prompts out; template
// errors and bad arguments give the documented exit codes.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

const std::string kGoldenDir = LECTERN_GOLDEN_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class ChatCli : public ::testing::Test {
 protected:
  void SetUp() override {
    std::random_device rd;
    dir_ = fs::temp_directory_path() / ("lectern_chat_cli_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  std::string write_conversation(const std::string& json_text) {
    fs::path path = dir_ / ("conv" + std::to_string(n_files_++) + ".json");
    std::ofstream(path, std::ios::binary) << json_text;
    return path.string();
  }

  // Runs lectern-cli with the arguments (each single-quoted for the shell), capturing stdout and stderr as bytes.
  CliResult run(const std::vector<std::string>& args) {
    auto quoted = [](const std::string& s) { return std::string(1, '\'').append(s).append(1, '\''); };
    std::string command = quoted(LECTERN_CLI_PATH);
    for (const std::string& a : args) command.append(" ").append(quoted(a));
    const fs::path out = dir_ / "stdout", err = dir_ / "stderr";
    command.append(" >").append(quoted(out.string())).append(" 2>").append(quoted(err.string()));
    int status = std::system(command.c_str());
    CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
  }

  fs::path dir_;
  int n_files_ = 0;
};

Json golden_cases() {
  std::string text = read_file(kGoldenDir + "/chat-template/cases.json");
  return Json::parse(text, nullptr, false);
}

}  // namespace

TEST_F(ChatCli, GoldenCasesByteForByte) {
  Json cases = golden_cases();
  ASSERT_TRUE(cases.is_array()) << "golden chat-template cases missing: " << kGoldenDir << "/chat-template/cases.json";
  size_t n_prompts = 0, n_errors = 0;
  for (const Json& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    // ensure_ascii=false dump: the file holds raw UTF-8 as a user's file would.
    CliResult r = run({"prompt", "-", "--conversation", write_conversation(c["input"].dump())});
    if (c.contains("error")) {
      EXPECT_EQ(r.exit_code, 1);
      EXPECT_EQ(r.out, "");
      EXPECT_EQ(r.err, "lectern-cli prompt: " + c["error"].get<std::string>() + "\n");
      ++n_errors;
    } else {
      EXPECT_EQ(r.exit_code, 0) << r.err;
      EXPECT_EQ(r.out, c["prompt"].get<std::string>());  // exactly, no trailing newline added
      ++n_prompts;
    }
  }
  EXPECT_GE(n_prompts, 10u);
  EXPECT_GE(n_errors, 2u);
}

TEST_F(ChatCli, ThinkingDefaultFromFlagOrModel) {
  const std::string conv = write_conversation(R"({"messages": [{"role": "user", "content": "Hi"}]})");
  const std::string turn = "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n";
  // No model: off unless the flag says on.
  EXPECT_EQ(run({"prompt", "-", "--conversation", conv}).out, turn + "<think>\n\n</think>\n\n");
  EXPECT_EQ(run({"prompt", "-", "--conversation", conv, "--thinking-default", "on"}).out, turn + "<think>\n");
  // The golden HF folder ships the thinking-by-default template.
  const std::string hf = kGoldenDir + "/models/tiny-a/hf";
  ASSERT_TRUE(fs::exists(hf + "/config.json")) << "golden model folder missing: " << hf;
  CliResult from_model = run({"prompt", hf, "--conversation", conv});
  EXPECT_EQ(from_model.exit_code, 0) << from_model.err;
  EXPECT_EQ(from_model.out, turn + "<think>\n");
  EXPECT_EQ(run({"prompt", hf, "--conversation", conv, "--thinking-default", "off"}).out,
            turn + "<think>\n\n</think>\n\n");
  // So does the GGUF file (tokenizer.chat_template).
  CliResult from_gguf = run({"prompt", kGoldenDir + "/models/tiny-a/model.gguf", "--conversation", conv});
  EXPECT_EQ(from_gguf.exit_code, 0) << from_gguf.err;
  EXPECT_EQ(from_gguf.out, turn + "<think>\n");
}

TEST_F(ChatCli, Errors) {
  const std::string conv = write_conversation(R"({"messages": [{"role": "user", "content": "Hi"}]})");
  // Usage errors: exit 2 with the usage text.
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"prompt"}, {"prompt", "-"}, {"prompt", "-", "--conversation"},
        {"prompt", "-", "--conversation", conv, "--thinking-default", "maybe"}, {"prompt", "-", "--bogus", conv}}) {
    CliResult r = run(args);
    EXPECT_EQ(r.exit_code, 2) << args.size();
    EXPECT_NE(r.err.find("Usage: lectern-cli prompt"), std::string::npos);
  }
  CliResult missing_file = run({"prompt", "-", "--conversation", (dir_ / "absent.json").string()});
  EXPECT_EQ(missing_file.exit_code, 1);
  EXPECT_NE(missing_file.err.find("lectern-cli prompt: cannot read conversation file"), std::string::npos);

  CliResult bad_json = run({"prompt", "-", "--conversation", write_conversation("{\"messages\": [")});
  EXPECT_EQ(bad_json.exit_code, 1);
  EXPECT_NE(bad_json.err.find("not valid JSON"), std::string::npos);

  CliResult no_model = run({"prompt", (dir_ / "absent-model").string(), "--conversation", conv});
  EXPECT_EQ(no_model.exit_code, 1);
  EXPECT_NE(no_model.err.find("lectern-cli prompt: NotFound: model not found"), std::string::npos) << no_model.err;
  EXPECT_EQ(no_model.out, "");
}
