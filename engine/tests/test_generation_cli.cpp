// test_generation_cli.cpp: `lectern-cli run` and `lectern-cli chat` end to end on a random tiny model made by
// `lectern-cli make-test-model`, CPU device, greedy: deterministic output, the statistics line, reasoning markers,
// two chat turns + /regenerate through stdin, and the usage / error exits.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include "model_test_support.h"

using namespace lectern::testing;

namespace {

// One tiny F32 GGUF for the whole binary (kept in a temp dir removed at exit).
const std::string& tiny_model() {
  static TempDir dir;
  static std::string path;
  if (path.empty()) path = make_tiny_gguf(dir, "f32", 5);
  return path;
}

int count(const std::string& text, const std::string& needle) {
  int n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

// The text between the n-th "[stats]" line and the one before it (the n-th answer, 0-based).
std::string answer(const std::string& out, int n) {
  size_t begin = 0;
  for (int i = 0; i < n; ++i) begin = out.find('\n', out.find("[stats]", begin)) + 1;
  const size_t end = out.find("[stats]", begin);
  return out.substr(begin, end - begin);
}

}  // namespace

TEST(RunCli, GreedyIsDeterministicAndEndsWithStatistics) {
  const std::string& model = tiny_model();
  ASSERT_FALSE(model.empty());
  const std::string args = "run '" + model + "' --device cpu --prompt 'Hello there' --temp 0 --max-tokens 12";
  const CliResult a = run_cli(args), b = run_cli(args);
  ASSERT_EQ(a.exit_code, 0) << a.output;
  EXPECT_EQ(answer(a.output, 0), answer(b.output, 0)) << "same answer both times (only the timings may differ)";
  EXPECT_FALSE(answer(a.output, 0).empty());
  const std::regex stats(R"(\[stats\] prompt (\d+) tokens \((\d+) evaluated\), [0-9.]+ tok/s \| generated (\d+) tokens, [0-9.]+ tok/s \| first token [0-9.]+ s \| finish (stop|length))");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(a.output, m, stats)) << a.output;
  EXPECT_EQ(m[1], m[2]) << "a fresh session evaluates the whole prompt";
  EXPECT_LE(std::stoi(m[3]), 12);
  EXPECT_EQ(a.output.substr(a.output.rfind('\n', a.output.size() - 2) + 1, 8), "[stats] ") << "the last line";

  // Seeded sampling is reproducible too.
  const std::string sampled = "run '" + model + "' --device cpu --prompt 'Hi' --temp 0.9 --top-k 40 --seed 11 --max-tokens 10";
  const CliResult s1 = run_cli(sampled), s2 = run_cli(sampled);
  ASSERT_EQ(s1.exit_code, 0) << s1.output;
  EXPECT_EQ(answer(s1.output, 0), answer(s2.output, 0));
}

TEST(RunCli, ThinkingIsMarkedWhenPiped) {
  const std::string& model = tiny_model();
  ASSERT_FALSE(model.empty());
  const CliResult r = run_cli("run '" + model + "' --device cpu --prompt 'Why?' --think --temp 0 --max-tokens 20 "
                              "--max-reasoning-tokens 4 --system 'Be brief.'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.find("\x1b["), std::string::npos) << "no terminal styling when piped";
  const size_t open = r.output.find("[thinking]\n"), close = r.output.find("[/thinking]\n");
  ASSERT_NE(open, std::string::npos) << r.output;
  ASSERT_NE(close, std::string::npos) << "the 4-token budget closes the reasoning\n" << r.output;
  EXPECT_LT(open, close);
  EXPECT_NE(r.output.find("reasoning closed: budget"), std::string::npos) << r.output;
}

TEST(RunCli, UsageAndErrors) {
  const std::string& model = tiny_model();
  ASSERT_FALSE(model.empty());
  for (const std::string& args : {"run '" + model + "'", std::string("run --prompt hi"), "run '" + model + "' --prompt hi --temp -1",
                                  "run '" + model + "' --prompt hi --top-p 2", "run '" + model + "' --prompt hi --max-tokens x",
                                  "run '" + model + "' --prompt hi --device tpu", "run '" + model + "' --prompt hi --bogus"}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.output;
    EXPECT_NE(r.output.find("Usage: lectern-cli run"), std::string::npos) << args << "\n" << r.output;
  }
  CliResult r = run_cli("run /nonexistent/model.gguf --prompt hi --device cpu");
  EXPECT_EQ(r.exit_code, 1) << r.output;
  EXPECT_NE(r.output.find("lectern-cli run: NotFound"), std::string::npos) << r.output;
  ::setenv("LECTERN_VK_DEVICE", "no-such-gpu", 1);  // a Vulkan device choice that matches nothing
  r = run_cli("run '" + model + "' --prompt hi --device vulkan");
  ::unsetenv("LECTERN_VK_DEVICE");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("lectern-cli run: NotFound"), std::string::npos) << r.output;
  r = run_cli("run '" + model + "' --prompt 'a long prompt that will not fit' --device cpu --ctx 8");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("context length is 8"), std::string::npos) << r.output;
}

TEST(ChatCli, TwoTurnsRegenerateAndCommands) {
  const std::string& model = tiny_model();
  ASSERT_FALSE(model.empty());
  TempDir dir;
  const std::string input = dir.file("input.txt");
  write_text(input, "Hello there\nTell me more\n/regenerate\n/think on\n/bogus\n/reset\n/regenerate\n/exit\nnever read\n");
  const std::string cmd = "chat '" + model + "' --device cpu --temp 0 --max-tokens 10 --max-reasoning-tokens 3 < '" + input + "'";
  const CliResult a = run_cli(cmd);
  ASSERT_EQ(a.exit_code, 0) << a.output;
  EXPECT_EQ(count(a.output, "[stats]"), 3) << a.output;

  const std::regex stats(R"(\[stats\] prompt (\d+) tokens \((\d+) evaluated\))");
  std::vector<std::pair<int, int>> prompts;
  for (std::sregex_iterator it(a.output.begin(), a.output.end(), stats), end; it != end; ++it)
    prompts.push_back({std::stoi((*it)[1]), std::stoi((*it)[2])});
  ASSERT_EQ(prompts.size(), 3u) << a.output;
  EXPECT_EQ(prompts[0].first, prompts[0].second) << "first turn: everything is new";
  EXPECT_GT(prompts[1].first, prompts[0].first);
  EXPECT_LT(prompts[1].second, prompts[1].first - prompts[0].first + 12)
      << "second turn: the first turn's prompt is not evaluated again\n" << a.output;
  EXPECT_EQ(prompts[2].first, prompts[1].first) << "regenerate answers the same conversation";
  EXPECT_EQ(prompts[2].second, 0) << "regenerate rewinds to a checkpoint: nothing to evaluate\n" << a.output;
  EXPECT_EQ(answer(a.output, 1), answer(a.output, 2)) << "greedy: the regenerated answer is the same";

  EXPECT_NE(a.output.find("(thinking on)"), std::string::npos);
  EXPECT_NE(a.output.find("(unknown command /bogus"), std::string::npos);
  EXPECT_NE(a.output.find("(conversation cleared)"), std::string::npos);
  EXPECT_NE(a.output.find("(nothing to regenerate)"), std::string::npos) << "after /reset";
  EXPECT_EQ(a.output.find("never read"), std::string::npos);

  const CliResult b = run_cli(cmd);
  ASSERT_EQ(b.exit_code, 0);
  EXPECT_EQ(answer(a.output, 0), answer(b.output, 0)) << "deterministic";
  EXPECT_EQ(answer(a.output, 1), answer(b.output, 1));
}

TEST(ChatCli, UsageErrors) {
  CliResult r = run_cli("chat");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("Usage: lectern-cli chat"), std::string::npos) << r.output;
  r = run_cli("chat /nonexistent.gguf --device cpu < /dev/null");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("lectern-cli chat: NotFound"), std::string::npos) << r.output;
}
