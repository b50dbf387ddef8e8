// test_model_cli.cpp: `lectern-cli info` and `lectern-cli make-test-model` end to end: outputs, JSON fields,
// memory estimate (qwen35.md §3 formulas worked by hand for the shapes), usage errors (exit 2), failures (exit 1).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model_test_support.h"

using namespace lectern::testing;

namespace {

nlohmann::json info_json(const std::string& model, const std::string& extra = "") {
  CliResult r = run_cli("info '" + model + "' --json " + extra);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  auto j = nlohmann::json::parse(r.output, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.output;
  return j;
}

}  // namespace

TEST(ModelCli, InfoOnGoldenTinyB) {
  const std::string model = golden_path("models/tiny-b/model.gguf");
  CliResult r = run_cli("info '" + model + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::printf("%s", r.output.c_str());
  EXPECT_NE(r.output.find("format        GGUF v3"), std::string::npos);
  EXPECT_NE(r.output.find("8 (6 GDN, 2 full attention: 3, 7)"), std::string::npos);
  EXPECT_NE(r.output.find("2 k x 32 / 4 v x 32, conv kernel 4, v heads tiled (GGUF order)"), std::string::npos);
  EXPECT_NE(r.output.find("tokenizer     gpt2, pre qwen35, 8,064 entries, 7,744 merges, eos 8002 <|im_end|>"),
            std::string::npos);
  EXPECT_NE(r.output.find("chat template yes (7,756 bytes)"), std::string::npos);

  auto j = info_json(model, "--context 1000");
  EXPECT_EQ(j["format"], "GGUF v3");
  EXPECT_EQ(j["hparams"]["n_embd"], 128);
  EXPECT_EQ(j["hparams"]["gdn_v_heads"], 4);
  EXPECT_EQ(j["hparams"]["full_attention_layers"], nlohmann::json::array({3, 7}));
  EXPECT_EQ(j["tensors"]["count"], 108);
  EXPECT_EQ(j["tensors"]["by_dtype"][0]["dtype"], "f32");
  // qwen35.md §3: KV/token = 2 attention layers x (K+V) x 1 kv head x 64 x 2 bytes = 512;
  // GDN state = 6 layers x (3 x 256 conv channels x 4 B + 4 heads x 32 x 32 x 4 B) = 116,736.
  EXPECT_EQ(j["memory"]["kv_bytes_per_token"], 512);
  EXPECT_EQ(j["memory"]["kv_bytes"], 512000);
  EXPECT_EQ(j["memory"]["recurrent_state_bytes"], 116736);
  EXPECT_EQ(j["memory"]["total_bytes"].get<uint64_t>(),
            j["tensors"]["bytes"].get<uint64_t>() + 512000u + 116736u);
}

TEST(ModelCli, InfoOnGoldenHfFolder) {
  auto j = info_json(golden_path("models/tiny-a/hf"));
  EXPECT_EQ(j["format"], "HF folder");
  EXPECT_EQ(j["hparams"]["n_head_kv"], 2);
  EXPECT_EQ(j["hparams"]["v_heads_tiled"], false);
  EXPECT_EQ(j["tokenizer"]["pre"], "qwen2 regex");
  EXPECT_EQ(j["tokenizer"]["eos_id"], 8002);
  EXPECT_EQ(j["chat_template"]["present"], true);
}

TEST(ModelCli, MakeTestModelThenInfo) {
  TempDir dir;
  const std::string out = dir.file("tiny-q4.gguf");
  CliResult r = run_cli("make-test-model --shape tiny --format gguf --type q4_k_m --seed 9 --out '" + out + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("wrote "), std::string::npos);
  auto j = info_json(out);
  EXPECT_EQ(j["hparams"]["n_embd"], 256);
  EXPECT_EQ(j["hparams"]["n_layer"], 8);
  EXPECT_EQ(j["tokenizer"]["pre"], "qwen35");
  EXPECT_EQ(j["tokenizer"]["vocab"], 768);
  EXPECT_EQ(j["chat_template"]["present"], true);
  std::set<std::string> dtypes;
  for (const auto& g : j["tensors"]["by_dtype"]) dtypes.insert(g["dtype"]);
  EXPECT_EQ(dtypes, (std::set<std::string>{"f32", "q4_k", "q6_k"}));
  // 2 attention layers x 2 x 2 kv heads x 64 x 2 B; 6 GDN layers x (3 x 512 x 4 + 4 x 64 x 64 x 4).
  EXPECT_EQ(j["memory"]["kv_bytes_per_token"], 1024);
  EXPECT_EQ(j["memory"]["recurrent_state_bytes"], 430080);

  const std::string hf = dir.file("tiny-hf");
  r = run_cli("make-test-model --shape tiny --format hf --type bf16 --out '" + hf + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto h = info_json(hf);
  EXPECT_EQ(h["format"], "HF folder");
  EXPECT_EQ(h["tokenizer"]["pre"], "qwen35 regex");
}

TEST(ModelCli, UsageAndErrors) {
  TempDir dir;
  EXPECT_EQ(run_cli("info").exit_code, 2);
  EXPECT_EQ(run_cli("info a b").exit_code, 2);
  EXPECT_EQ(run_cli("info x --context zero").exit_code, 2);
  EXPECT_EQ(run_cli("make-test-model --shape huge --format gguf --type f32 --out x").exit_code, 2);
  EXPECT_EQ(run_cli("make-test-model --shape tiny --format gguf --type q4_0 --out x").exit_code, 2);
  EXPECT_EQ(run_cli("make-test-model --shape tiny --format gguf --type f32").exit_code, 2);
  CliResult r = run_cli("info '" + dir.file("missing.gguf") + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("lectern-cli info: NotFound: model '"), std::string::npos) << r.output;
  write_text(dir.file("bad.gguf"), "GGUF\x03");
  r = run_cli("info '" + dir.file("bad.gguf") + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("lectern-cli info: CorruptData: "), std::string::npos) << r.output;
  r = run_cli("make-test-model --shape tiny --format hf --type q8_0 --out '" + dir.file("x") + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("q8_0 exists only as GGUF"), std::string::npos) << r.output;
}
