// test_gguf_reader.cpp: the GGUF reader on the golden files (values cross-checked with their meta.json), on a
// file exercising every metadata type, and on hand-broken headers (each must give its specific error).
#include <gtest/gtest.h>

#include <bit>
#include <map>
#include <nlohmann/json.hpp>

#include "model/gguf_reader.h"
#include "model/gguf_writer.h"
#include "model_test_support.h"

using namespace lectern;
using namespace lectern::model;
using namespace lectern::testing;

namespace {

nlohmann::json golden_meta(const std::string& model) {
  std::ifstream f(golden_path("models/" + model + "/meta.json"));
  return nlohmann::json::parse(f);
}

// A small valid file: every metadata type, nested arrays, and a few tensors of each supported dtype.
GgufWriter every_type_writer() {
  GgufWriter w;
  w.add("t.u8", GgufWriteValue::scalar(GgufType::U8, 200));
  w.add("t.i8", GgufWriteValue::scalar(GgufType::I8, static_cast<uint8_t>(-5)));
  w.add("t.u16", GgufWriteValue::scalar(GgufType::U16, 60000));
  w.add("t.i16", GgufWriteValue::scalar(GgufType::I16, static_cast<uint16_t>(-300)));
  w.add("t.u32", GgufWriteValue::u32(4000000000u));
  w.add("t.i32", GgufWriteValue::i32(-70000));
  w.add("t.f32", GgufWriteValue::f32(1.5f));
  w.add("t.bool", GgufWriteValue::boolean(true));
  w.add("t.string", GgufWriteValue::string("héllo"));
  w.add("t.u64", GgufWriteValue::u64(1ull << 40));
  w.add("t.i64", GgufWriteValue::scalar(GgufType::I64, static_cast<uint64_t>(-(1ll << 40))));
  w.add("t.f64", GgufWriteValue::f64(-2.25));
  w.add("t.arr_i32", GgufWriteValue::array_i32({3, -3, 2, 0}));
  w.add("t.arr_f32", GgufWriteValue::array_f32({0.5f, -1.0f}));
  w.add("t.arr_bool", GgufWriteValue::array_bool({true, false, true}));
  w.add("t.arr_u8", GgufWriteValue::array_scalars(GgufType::U8, {1, 2, 255}));
  w.add("t.arr_i64", GgufWriteValue::array_scalars(GgufType::I64, {static_cast<uint64_t>(-7ll), 9}));
  w.add("t.arr_str", GgufWriteValue::array_strings({"a", "", "Ġworld"}));
  w.add("t.arr_empty", GgufWriteValue::array_strings({}));
  w.add("t.nested", GgufWriteValue::array_arrays({GgufWriteValue::array_i32({1, 2}), GgufWriteValue::array_strings({"x"})}));
  w.add("general.alignment", GgufWriteValue::u32(64));
  EXPECT_TRUE(w.add_tensor("a.f32", DType::F32, {3, 2}).is_ok());
  EXPECT_TRUE(w.add_tensor("b.f16", DType::F16, {5}).is_ok());
  EXPECT_TRUE(w.add_tensor("c.bf16", DType::BF16, {2, 2, 2}).is_ok());
  EXPECT_TRUE(w.add_tensor("d.q8_0", DType::Q8_0, {64, 2}).is_ok());
  EXPECT_TRUE(w.add_tensor("e.q4_k", DType::Q4_K, {256}).is_ok());
  EXPECT_TRUE(w.add_tensor("f.q5_k", DType::Q5_K, {256, 1, 1, 2}).is_ok());
  EXPECT_TRUE(w.add_tensor("g.q6_k", DType::Q6_K, {512}).is_ok());
  return w;
}

// Fills tensor i with bytes equal to (i + 1) so tensor views can be checked.
Status fill_pattern(size_t i, const GgufWriteTensor& t, const GgufWriter::Sink& sink) {
  std::vector<uint8_t> bytes(t.n_bytes, static_cast<uint8_t>(i + 1));
  return sink(bytes.data(), bytes.size());
}

std::vector<uint8_t> every_type_bytes(const TempDir& dir) {
  std::string path = dir.file("every.gguf");
  Status s = every_type_writer().write(path, fill_pattern);
  EXPECT_TRUE(s.is_ok()) << s.to_string();
  return read_bytes(path);
}

Status parse_bytes(const std::vector<uint8_t>& bytes) {
  return GgufFile::parse(bytes, "test.gguf").status();
}

}  // namespace

TEST(GgufReader, GoldenTinyBHeaderAndMetadata) {
  auto f = GgufFile::open(golden_path("models/tiny-b/model.gguf"));
  ASSERT_TRUE(f.is_ok()) << f.status().to_string();
  auto meta = golden_meta("tiny-b");
  const auto& tc = meta["hf_text_config"];
  EXPECT_EQ(f->version(), 3u);
  EXPECT_EQ(f->alignment(), 32u);
  EXPECT_EQ(f->file_size(), meta["files"]["model.gguf"]["bytes"].get<uint64_t>());
  EXPECT_EQ(f->tensors().size(), meta["files"]["model.gguf"]["tensor_type_counts"]["F32"].get<size_t>());
  EXPECT_EQ(*f->get_string("general.architecture"), "qwen35");
  EXPECT_EQ(*f->get_uint("qwen35.embedding_length"), tc["hidden_size"].get<uint64_t>());
  EXPECT_EQ(*f->get_uint("qwen35.ssm.group_count"), tc["linear_num_key_heads"].get<uint64_t>());
  EXPECT_EQ(*f->get_uint("qwen35.ssm.time_step_rank"), tc["linear_num_value_heads"].get<uint64_t>());
  EXPECT_FLOAT_EQ(static_cast<float>(*f->get_float("qwen35.attention.layer_norm_rms_epsilon")), 1e-6f);
  auto sections = f->get_int_array("qwen35.rope.dimension_sections");
  ASSERT_TRUE(sections.is_ok());
  EXPECT_EQ(*sections, (std::vector<int64_t>{3, 3, 2, 0}));
  auto tokens = f->get_string_array("tokenizer.ggml.tokens");
  ASSERT_TRUE(tokens.is_ok());
  EXPECT_EQ((*tokens)->size(), meta["n_vocab_padded"].get<size_t>());
  EXPECT_EQ((**tokens)[8002], "<|im_end|>");
  EXPECT_EQ(*f->get_bool_or("tokenizer.ggml.add_bos_token", true), false);
  const GgufTensorInfo* te = f->find_tensor("token_embd.weight");
  ASSERT_NE(te, nullptr);
  EXPECT_EQ(te->n_dims, 2u);
  EXPECT_EQ(te->ne[0], 128u);
  EXPECT_EQ(te->ne[1], 8064u);
  EXPECT_EQ(te->n_bytes, 128u * 8064u * 4u);
  // The data section starts aligned; token_embd is the first tensor.
  EXPECT_EQ(f->data_offset() % 32, 0u);
  EXPECT_EQ(f->tensor_data(*te).data(), f->bytes().data() + f->data_offset());
}

TEST(GgufReader, GoldenQuantizedTypesMatchMeta) {
  for (const char* file : {"model-Q8_0.gguf", "model-Q4_K_M.gguf"}) {
    auto f = GgufFile::open(golden_path(std::string("models/tiny-q/") + file));
    ASSERT_TRUE(f.is_ok()) << f.status().to_string();
    std::map<std::string, size_t> counts;
    for (const auto& t : f->tensors()) {
      std::string n = dtype_name(t.type);
      for (char& c : n) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      ++counts[n];
    }
    auto expected = golden_meta("tiny-q")["files"][file]["tensor_type_counts"];
    ASSERT_FALSE(expected.is_null()) << "meta.json has no tensor_type_counts for " << file;
    EXPECT_EQ(counts.size(), expected.size()) << file;
    for (auto it = expected.begin(); it != expected.end(); ++it) EXPECT_EQ(counts[it.key()], it->get<size_t>()) << file << " " << it.key();
  }
}

TEST(GgufReader, EveryMetadataTypeRoundTrips) {
  TempDir dir;
  auto bytes = every_type_bytes(dir);
  auto f = GgufFile::parse(bytes, "every.gguf");
  ASSERT_TRUE(f.is_ok()) << f.status().to_string();
  EXPECT_EQ(f->find("t.u8")->as_uint(), 200u);
  EXPECT_EQ(f->find("t.i8")->as_int(), -5);
  EXPECT_EQ(f->find("t.u16")->as_uint(), 60000u);
  EXPECT_EQ(f->find("t.i16")->as_int(), -300);
  EXPECT_EQ(f->find("t.u32")->as_uint(), 4000000000u);
  EXPECT_EQ(f->find("t.i32")->as_int(), -70000);
  EXPECT_EQ(f->find("t.i32")->as_uint(), std::nullopt);  // negative: not an unsigned value
  EXPECT_EQ(f->find("t.f32")->as_float(), 1.5);
  EXPECT_EQ(f->find("t.bool")->as_bool(), true);
  EXPECT_EQ(*f->get_string("t.string"), "héllo");
  EXPECT_EQ(f->find("t.u64")->as_uint(), 1ull << 40);
  EXPECT_EQ(f->find("t.i64")->as_int(), -(1ll << 40));
  EXPECT_EQ(f->find("t.f64")->as_float(), -2.25);
  EXPECT_EQ(*f->get_int_array("t.arr_i32"), (std::vector<int64_t>{3, -3, 2, 0}));
  EXPECT_EQ(f->find("t.arr_f32")->array_float(1), -1.0);
  EXPECT_EQ(*f->get_int_array("t.arr_bool"), (std::vector<int64_t>{1, 0, 1}));
  EXPECT_EQ(*f->get_int_array("t.arr_u8"), (std::vector<int64_t>{1, 2, 255}));
  EXPECT_EQ(*f->get_int_array("t.arr_i64"), (std::vector<int64_t>{-7, 9}));
  EXPECT_EQ(**f->get_string_array("t.arr_str"), (std::vector<std::string_view>{"a", "", "Ġworld"}));
  EXPECT_TRUE((*f->get_string_array("t.arr_empty"))->empty());
  const GgufValue* nested = f->find("t.nested");
  ASSERT_NE(nested, nullptr);
  ASSERT_EQ(nested->items.size(), 2u);
  EXPECT_EQ(nested->items[0].array_int(1), 2);
  EXPECT_EQ(nested->items[1].strings.at(0), "x");
  // Alignment 64 is honoured for the data section and every tensor.
  EXPECT_EQ(f->alignment(), 64u);
  EXPECT_EQ(f->data_offset() % 64, 0u);
  ASSERT_EQ(f->tensors().size(), 7u);
  for (size_t i = 0; i < f->tensors().size(); ++i) {
    const auto& t = f->tensors()[i];
    EXPECT_EQ(t.offset % 64, 0u) << t.name;
    auto data = f->tensor_data(t);
    ASSERT_EQ(data.size(), t.n_bytes);
    EXPECT_EQ(data.front(), i + 1) << t.name;
    EXPECT_EQ(data.back(), i + 1) << t.name;
  }
  EXPECT_EQ(f->find_tensor("f.q5_k")->n_dims, 4u);
  EXPECT_EQ(f->find_tensor("f.q5_k")->n_bytes, 2u * 176u);
  EXPECT_EQ(f->find_tensor("c.bf16")->n_elements, 8u);
}

TEST(GgufReader, TypedGettersNameKeyAndType) {
  TempDir dir;
  auto bytes = every_type_bytes(dir);
  auto f = GgufFile::parse(bytes, "every.gguf");
  ASSERT_TRUE(f.is_ok());
  auto missing = f->get_uint("qwen35.block_count");
  EXPECT_EQ(missing.status().code(), ErrorCode::NotFound);
  EXPECT_EQ(missing.status().message(), "missing metadata key 'qwen35.block_count'");
  auto wrong = f->get_uint("t.string");
  EXPECT_EQ(wrong.status().code(), ErrorCode::CorruptData);
  EXPECT_EQ(wrong.status().message(), "metadata key 't.string' has type string, expected a non-negative integer");
  EXPECT_EQ(f->get_string_array("t.arr_i32").status().message(),
            "metadata key 't.arr_i32' has type array of i32, expected an array of strings");
}

TEST(GgufReader, RejectsBadMagicVersionAndEndianness) {
  TempDir dir;
  auto good = every_type_bytes(dir);
  auto b = good;
  std::memcpy(b.data(), "GGML", 4);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: not a GGUF file: the magic is 'GGML', expected 'GGUF'");
  b = good;
  poke<uint32_t>(b, 4, 1);
  EXPECT_EQ(parse_bytes(b).code(), ErrorCode::Unsupported);
  EXPECT_NE(parse_bytes(b).message().find("GGUF version 1 is not supported"), std::string::npos);
  b = good;
  poke<uint32_t>(b, 4, 7);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: unknown GGUF version 7 (expected 2 or 3)");
  b = good;
  poke<uint32_t>(b, 4, 0x03000000u);
  EXPECT_NE(parse_bytes(b).message().find("big-endian"), std::string::npos);
  b = good;
  poke<uint32_t>(b, 4, 2);  // v2 has the same layout as v3
  EXPECT_TRUE(parse_bytes(b).is_ok());
  EXPECT_EQ(parse_bytes({}).message(), "test.gguf: the file is empty (0 bytes), not a GGUF model");
  EXPECT_EQ(parse_bytes({'G', 'G'}).message(), "test.gguf: not a GGUF file: only 2 bytes");
}

TEST(GgufReader, RejectsCountsTheFileCannotHold) {
  TempDir dir;
  auto b = every_type_bytes(dir);
  poke<uint64_t>(b, 8, 1ull << 40);  // tensor count
  EXPECT_NE(parse_bytes(b).message().find("the header claims 1099511627776 tensors, more than a"), std::string::npos);
  b = every_type_bytes(dir);
  poke<uint64_t>(b, 16, ~0ull);  // metadata count
  EXPECT_NE(parse_bytes(b).message().find("metadata entries, more than a"), std::string::npos);
}

TEST(GgufReader, TruncationAtEveryStageIsReported) {
  TempDir dir;
  auto good = every_type_bytes(dir);
  auto f = GgufFile::parse(good, "x");
  ASSERT_TRUE(f.is_ok());
  const size_t nested_key = find_bytes(good, "t.nested");  // metadata entry 19
  const size_t infos = find_bytes(good, "a.f32") - 8;      // the first tensor info's name length
  const GgufTensorInfo* last = f->find_tensor("g.q6_k");
  const size_t data_end = f->data_offset() + last->offset + last->n_bytes;  // the writer pads after it
  struct Cut {
    size_t at;
    const char* expect;
  } cuts[] = {
      {3, "not a GGUF file: only 3 bytes"},
      {10, "truncated: the GGUF header (tensor count) ends at byte 16 but the file has 10 bytes"},
      // Cutting inside the first entries trips the count check first (7 tensors cannot fit).
      {40, "the header claims 7 tensors, more than a 40-byte file can describe"},
      {nested_key - 4, "truncated: the length of the key of metadata entry 19 ends at byte"},
      {nested_key + 3, "string length 8 of the key of metadata entry 19 at byte"},
      {find_bytes(good, "t.arr_str") + 9 + 4 + 4, "truncated: the element count of metadata key 't.arr_str'"},
      {infos + 3, "truncated: the length of the name of tensor 0 ends at byte"},
      {infos + 8 + 5 + 4 + 4, "truncated: the tensor info of a.f32 ends at byte"},
      {static_cast<size_t>(f->data_offset()) + 5, "truncated: tensor data of a.f32 ends at byte"},
      {data_end - 1, "truncated: tensor data of g.q6_k ends at byte"},
  };
  for (const Cut& c : cuts) {
    std::vector<uint8_t> b(good.begin(), good.begin() + static_cast<long>(c.at));
    Status s = parse_bytes(b);
    EXPECT_EQ(s.code(), ErrorCode::CorruptData) << "cut at " << c.at;
    EXPECT_NE(s.message().find(c.expect), std::string::npos) << "cut at " << c.at << ": " << s.message();
  }
  // Every cut before the end of the last tensor's data fails cleanly (never ok, never a crash).
  for (size_t at = 0; at < data_end; at += 7) {
    std::vector<uint8_t> b(good.begin(), good.begin() + static_cast<long>(at));
    EXPECT_FALSE(parse_bytes(b).is_ok()) << "cut at " << at;
  }
}

TEST(GgufReader, RejectsLengthsPointingPastTheEnd) {
  TempDir dir;
  auto good = every_type_bytes(dir);
  auto b = good;
  size_t at = find_bytes(b, "héllo") - 8;
  poke<uint64_t>(b, at, 1ull << 62);
  EXPECT_NE(parse_bytes(b).message().find("string length 4611686018427387904 of metadata key 't.string' at byte"),
            std::string::npos);
  b = good;
  at = find_bytes(b, "t.arr_i32") + 9 + 4 + 4;  // key, value type, element type -> count
  poke<uint64_t>(b, at, 1ull << 61);
  EXPECT_NE(parse_bytes(b).message().find("array length 2305843009213693952 of metadata key 't.arr_i32'"),
            std::string::npos);
  b = good;
  at = find_bytes(b, "t.arr_str") + 9 + 4 + 4;
  poke<uint64_t>(b, at, 1ull << 40);
  EXPECT_NE(parse_bytes(b).message().find("array length 1099511627776 of metadata key 't.arr_str'"), std::string::npos);
}

TEST(GgufReader, RejectsBadTensorInfos) {
  TempDir dir;
  auto good = every_type_bytes(dir);
  const size_t info = find_bytes(good, "a.f32") + 5;  // n_dims of a.f32
  auto b = good;
  poke<uint32_t>(b, info, 5);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: tensor a.f32 has 5 dimensions; GGUF tensors have 1 to 4");
  b = good;
  poke<uint32_t>(b, info + 4 + 16, 2);  // type -> Q4_0
  EXPECT_EQ(parse_bytes(b).code(), ErrorCode::Unsupported);
  EXPECT_NE(parse_bytes(b).message().find("tensor a.f32 has type Q4_0, which Lectern does not support"), std::string::npos);
  b = good;
  poke<uint32_t>(b, info + 4 + 16, 12);  // type -> Q4_K with ne0 = 3
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: tensor a.f32 has ne0 = 3, not a multiple of the q4_k block size 256");
  b = good;
  poke<uint32_t>(b, info + 4 + 16, 99);
  EXPECT_NE(parse_bytes(b).message().find("has type unknown type id 99"), std::string::npos);
  b = good;
  poke<uint64_t>(b, info + 4, 1ull << 32);
  poke<uint64_t>(b, info + 12, 1ull << 32);  // 2^64 elements
  EXPECT_NE(parse_bytes(b).message().find("tensor a.f32 has a shape whose element count overflows"), std::string::npos);
  b = good;
  poke<uint64_t>(b, info + 4 + 16 + 4, 4);  // offset not aligned
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: tensor a.f32 has data offset 4, not a multiple of the alignment 64");
  b = good;
  poke<uint64_t>(b, info + 4 + 16 + 4, 1ull << 40);  // offset past the end
  EXPECT_NE(parse_bytes(b).message().find("truncated: tensor data of a.f32 ends at byte"), std::string::npos);
  b = good;
  const size_t info_b = find_bytes(good, "b.f16") + 5;
  poke<uint64_t>(b, info_b + 4 + 8 + 4, 0);  // b.f16 at offset 0: overlaps a.f32
  EXPECT_NE(parse_bytes(b).message().find("tensor data of "), std::string::npos);
  EXPECT_NE(parse_bytes(b).message().find("overlaps"), std::string::npos);
  b = good;
  std::memcpy(b.data() + find_bytes(b, "b.f16"), "a.f32", 5);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: duplicate tensor name 'a.f32'");
  b = good;
  std::memcpy(b.data() + find_bytes(b, "t.i8"), "t.u8", 4);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: duplicate metadata key 't.u8'");
}

TEST(GgufReader, RejectsBadMetadataValues) {
  TempDir dir;
  auto good = every_type_bytes(dir);
  auto b = good;
  size_t at = find_bytes(b, "t.bool") + 6;  // value type
  poke<uint32_t>(b, at, 13);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: metadata key 't.bool' has unknown value type 13");
  b = good;
  poke<uint8_t>(b, at + 4, 2);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: metadata key 't.bool' is a bool with invalid value 2");
  b = good;
  at = find_bytes(b, "general.alignment") + 17 + 4;
  poke<uint32_t>(b, at, 48);
  EXPECT_EQ(parse_bytes(b).message(), "test.gguf: general.alignment must be a power-of-two u32, got a u32 48");
}
