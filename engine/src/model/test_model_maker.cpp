// test_model_maker.cpp: assembling and writing a test model: GGUF metadata exactly as llama.cpp's converter
// writes it for qwen35 (qwen35.md §8.1.2) or an HF folder (config.json, model.safetensors, tokenizer files).
#include "model/test_model_maker.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "model/gguf_writer.h"
#include "model/safetensors_writer.h"
#include "model/test_model_vocab.h"

namespace lectern::model {

namespace fs = std::filesystem;

std::optional<TestModelShape> test_model_shape_from_name(std::string_view name) {
  if (name == "tiny") return TestModelShape::Tiny;
  if (name == "0.8b" || name == "0.8B") return TestModelShape::Qwen35_0_8B;
  if (name == "long") return TestModelShape::Long;
  return std::nullopt;
}

std::optional<TestModelFormat> test_model_format_from_name(std::string_view name) {
  if (name == "gguf") return TestModelFormat::Gguf;
  if (name == "hf") return TestModelFormat::Hf;
  return std::nullopt;
}

std::optional<TestModelType> test_model_type_from_name(std::string_view name) {
  for (TestModelType t : {TestModelType::F32, TestModelType::F16, TestModelType::BF16, TestModelType::Q8_0,
                          TestModelType::Q4_K_M})
    if (name == test_model_type_name(t)) return t;
  return std::nullopt;
}

HParams test_model_hparams(TestModelShape shape) {
  HParams hp;
  hp.architecture = "qwen35";
  hp.rope_theta = 1e7;
  hp.rms_eps = 1e-6f;
  hp.conv_kernel = 4;
  hp.full_attention_interval = 4;
  hp.n_ctx_train = 262144;
  hp.tied_embeddings = true;
  if (shape == TestModelShape::Qwen35_0_8B) {  // qwen35.md §1.1, exactly
    hp.n_layer = 24, hp.n_embd = 1024, hp.n_ff = 3584;
    hp.n_head = 8, hp.n_head_kv = 2, hp.head_dim = 256, hp.n_rot = 64;
    hp.mrope_sections = {11, 11, 10, 0};
    hp.n_k_heads = 16, hp.n_v_heads = 16, hp.k_head_dim = 128, hp.v_head_dim = 128;
    hp.n_vocab = 248320;
  } else if (shape == TestModelShape::Long) {
    // Attention only in the last layer so that references can skip it for tokens whose logits nobody reads;
    // GDN dims at the kernels' minimum of 32.
    hp.n_layer = 4, hp.n_embd = 64, hp.n_ff = 128;
    hp.n_head = 2, hp.n_head_kv = 1, hp.head_dim = 16, hp.n_rot = 8;
    hp.mrope_sections = {2, 1, 1, 0};
    hp.n_k_heads = 1, hp.n_v_heads = 2, hp.k_head_dim = 32, hp.v_head_dim = 32;
    hp.n_vocab = 768;
    hp.n_ctx_train = 1 << 20;
  } else {
    // Small but complete: every row length a multiple of 256 so K-quants apply everywhere, Hv = 2 Hk for the
    // v-head reorder, GQA 2:1, partial rotary 16 of 64 dims.
    hp.n_layer = 8, hp.n_embd = 256, hp.n_ff = 512;
    hp.n_head = 4, hp.n_head_kv = 2, hp.head_dim = 64, hp.n_rot = 16;
    hp.mrope_sections = {3, 3, 2, 0};
    hp.n_k_heads = 2, hp.n_v_heads = 4, hp.k_head_dim = 64, hp.v_head_dim = 64;
    hp.n_vocab = 768;
  }
  hp.layer_types.assign(hp.n_layer, LayerType::GatedDeltaNet);
  for (uint32_t i = 0; i < hp.n_layer; ++i)
    if ((i + 1) % hp.full_attention_interval == 0) hp.layer_types[i] = LayerType::FullAttention;
  return hp;
}

namespace {

const char* shape_label(TestModelShape s) {
  return s == TestModelShape::Tiny ? "tiny" : s == TestModelShape::Long ? "long" : "0.8b";
}

Result<TestModelSummary> write_gguf(const TestModelOptions& o, const HParams& hp, const TestVocab& vocab,
                                    const std::vector<TensorPlan>& plans) {
  GgufWriter w;
  using V = GgufWriteValue;
  const std::string a = "qwen35.";
  w.add("general.architecture", V::string("qwen35"));
  w.add("general.type", V::string("model"));
  w.add("general.name", V::string(std::string("lectern-test-") + shape_label(o.shape) + "-seed" + std::to_string(o.seed)));
  w.add(a + "block_count", V::u32(hp.n_layer));
  w.add(a + "context_length", V::u32(static_cast<uint32_t>(hp.n_ctx_train)));
  w.add(a + "embedding_length", V::u32(hp.n_embd));
  w.add(a + "feed_forward_length", V::u32(hp.n_ff));
  w.add(a + "attention.head_count", V::u32(hp.n_head));
  w.add(a + "attention.head_count_kv", V::u32(hp.n_head_kv));
  w.add(a + "rope.dimension_sections", V::array_i32({hp.mrope_sections[0], hp.mrope_sections[1],
                                                      hp.mrope_sections[2], hp.mrope_sections[3]}));
  w.add(a + "rope.freq_base", V::f32(static_cast<float>(hp.rope_theta)));
  w.add(a + "attention.layer_norm_rms_epsilon", V::f32(hp.rms_eps));
  w.add(a + "attention.key_length", V::u32(hp.head_dim));
  w.add(a + "attention.value_length", V::u32(hp.head_dim));
  w.add("general.file_type", V::u32(gguf_file_type(o.type)));
  w.add(a + "ssm.conv_kernel", V::u32(hp.conv_kernel));
  w.add(a + "ssm.state_size", V::u32(hp.k_head_dim));
  w.add(a + "ssm.group_count", V::u32(hp.n_k_heads));
  w.add(a + "ssm.time_step_rank", V::u32(hp.n_v_heads));
  w.add(a + "ssm.inner_size", V::u32(hp.n_v_heads * hp.v_head_dim));
  w.add(a + "full_attention_interval", V::u32(hp.full_attention_interval));
  w.add(a + "rope.dimension_count", V::u32(hp.n_rot));
  w.add("general.quantization_version", V::u32(2));
  w.add("tokenizer.ggml.model", V::string("gpt2"));
  w.add("tokenizer.ggml.pre", V::string("qwen35"));
  w.add("tokenizer.ggml.tokens", V::array_strings(vocab.tokens));
  w.add("tokenizer.ggml.token_type", V::array_i32(vocab.types));
  w.add("tokenizer.ggml.merges", V::array_strings(vocab.merges));
  w.add("tokenizer.ggml.eos_token_id", V::u32(static_cast<uint32_t>(vocab.eos_id)));
  w.add("tokenizer.ggml.padding_token_id", V::u32(static_cast<uint32_t>(vocab.pad_id)));
  w.add("tokenizer.ggml.add_bos_token", V::boolean(false));
  w.add("tokenizer.chat_template", V::string(k_test_chat_template));

  const std::vector<DType> types = gguf_tensor_types(plans, o.type);
  for (size_t i = 0; i < plans.size(); ++i) LECTERN_TRY(w.add_tensor(plans[i].gguf_name, types[i], plans[i].gguf_ne));
  LECTERN_TRY(w.write(o.out, [&](size_t i, const GgufWriteTensor&, const GgufWriter::Sink& sink) {
    return produce_tensor(hp, plans[i], o.seed, /*gguf=*/true, types[i], hf_tensor_dtype(plans[i], o.type), sink);
  }));
  std::error_code ec;
  return TestModelSummary{plans.size(), static_cast<uint64_t>(fs::file_size(o.out, ec))};
}

std::string hf_config_json(const HParams& hp, const TestVocab& vocab, TestModelType type) {
  using nlohmann::ordered_json;
  ordered_json layer_types = ordered_json::array();
  for (LayerType t : hp.layer_types) layer_types.push_back(t == LayerType::FullAttention ? "full_attention" : "linear_attention");
  const char* dtype = type == TestModelType::BF16 ? "bfloat16" : type == TestModelType::F16 ? "float16" : "float32";
  auto id_of = [&](const char* t) {
    for (int32_t i = vocab.n_bpe; i < vocab.n_real; ++i)
      if (vocab.tokens[i] == t) return i;
    return -1;
  };
  ordered_json text = {
      {"model_type", "qwen3_5_text"},
      {"vocab_size", hp.n_vocab},
      {"hidden_size", hp.n_embd},
      {"num_hidden_layers", hp.n_layer},
      {"layer_types", layer_types},
      {"full_attention_interval", hp.full_attention_interval},
      {"intermediate_size", hp.n_ff},
      {"num_attention_heads", hp.n_head},
      {"num_key_value_heads", hp.n_head_kv},
      {"head_dim", hp.head_dim},
      {"attn_output_gate", true},
      {"attention_bias", false},
      {"linear_num_key_heads", hp.n_k_heads},
      {"linear_num_value_heads", hp.n_v_heads},
      {"linear_key_head_dim", hp.k_head_dim},
      {"linear_value_head_dim", hp.v_head_dim},
      {"linear_conv_kernel_dim", hp.conv_kernel},
      {"hidden_act", "silu"},
      {"rms_norm_eps", hp.rms_eps},
      {"rope_parameters",
       {{"rope_type", "default"},
        {"rope_theta", hp.rope_theta},
        {"partial_rotary_factor", static_cast<double>(hp.n_rot) / hp.head_dim},
        {"mrope_section", {hp.mrope_sections[0], hp.mrope_sections[1], hp.mrope_sections[2]}},
        {"mrope_interleaved", true}}},
      {"max_position_embeddings", hp.n_ctx_train},
      {"tie_word_embeddings", true},
      {"mtp_num_hidden_layers", 0},
      {"mamba_ssm_dtype", "float32"},
      {"dtype", dtype},
      {"eos_token_id", vocab.pad_id},  // config.json's eos is <|endoftext|> (qwen35.md §1.1)
  };
  ordered_json top = {
      {"architectures", {"Qwen3_5ForConditionalGeneration"}},
      {"model_type", "qwen3_5"},
      {"image_token_id", id_of("<|image_pad|>")},
      {"video_token_id", id_of("<|video_pad|>")},
      {"vision_start_token_id", id_of("<|vision_start|>")},
      {"vision_end_token_id", id_of("<|vision_end|>")},
      {"tie_word_embeddings", true},
      {"text_config", text},
  };
  return top.dump(2) + "\n";
}

Status write_text_file(const fs::path& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) return Status(ErrorCode::IoError, "cannot write '" + path.string() + "'");
  return Status::ok();
}

Result<TestModelSummary> write_hf(const TestModelOptions& o, const HParams& hp, const TestVocab& vocab,
                                  const std::vector<TensorPlan>& plans) {
  const fs::path dir(o.out);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (!fs::is_directory(dir, ec))
    return Status(ErrorCode::IoError, "cannot create the output folder '" + o.out + "'");
  SafetensorsWriter w;
  w.set_metadata({{"format", "pt"}});
  for (const TensorPlan& p : plans) LECTERN_TRY(w.add_tensor(p.hf_name, hf_tensor_dtype(p, o.type), p.hf_shape));
  const fs::path weights = dir / "model.safetensors";
  LECTERN_TRY(w.write(weights.string(), [&](size_t i, const SafetensorsWriteTensor& t, const SafetensorsWriter::Sink& sink) {
    return produce_tensor(hp, plans[i], o.seed, /*gguf=*/false, t.type, t.type, sink);
  }));
  LECTERN_TRY(write_text_file(dir / "config.json", hf_config_json(hp, vocab, o.type)));
  LECTERN_TRY(write_text_file(dir / "tokenizer.json", test_vocab_tokenizer_json(vocab)));
  LECTERN_TRY(write_text_file(dir / "tokenizer_config.json", test_vocab_tokenizer_config_json(vocab)));
  uint64_t bytes = 0;
  for (const char* f : {"model.safetensors", "config.json", "tokenizer.json", "tokenizer_config.json"})
    bytes += fs::file_size(dir / f, ec);
  return TestModelSummary{plans.size(), bytes};
}

}  // namespace

Result<TestModelSummary> make_test_model(const TestModelOptions& o) {
  if (o.out.empty()) return Status(ErrorCode::InvalidArgument, "no output path given");
  if (o.format == TestModelFormat::Hf && (o.type == TestModelType::Q8_0 || o.type == TestModelType::Q4_K_M))
    return Status(ErrorCode::InvalidArgument, std::string(test_model_type_name(o.type)) +
                                                  " exists only as GGUF; use --format gguf, or f32/f16/bf16 for hf");
  HParams hp = test_model_hparams(o.shape);
  LECTERN_TRY(hp.check());
  TestVocab vocab = build_test_vocab(hp.n_vocab);
  std::vector<TensorPlan> plans = plan_test_model_tensors(hp, static_cast<uint64_t>(vocab.n_real));
  return o.format == TestModelFormat::Gguf ? write_gguf(o, hp, vocab, plans) : write_hf(o, hp, vocab, plans);
}

}  // namespace lectern::model
