// test_safetensors_reader.cpp: the safetensors reader on the golden HF files and on broken headers (header length
// past the end, JSON garbage, offsets out of range or overlapping, sizes that do not match the shape).
#include <gtest/gtest.h>

#include <cstring>

#include "model/safetensors_reader.h"
#include "model/safetensors_writer.h"
#include "model_test_support.h"

using namespace lectern;
using namespace lectern::model;
using namespace lectern::testing;

namespace {

// Builds a safetensors file from a JSON header text and a data section.
std::vector<uint8_t> make_file(const std::string& header, size_t data_bytes) {
  const uint64_t n = header.size();
  std::vector<uint8_t> b(8 + header.size() + data_bytes, 0);
  std::memcpy(b.data(), &n, 8);
  std::memcpy(b.data() + 8, header.data(), header.size());
  return b;
}

Status parse(const std::vector<uint8_t>& b) { return SafetensorsFile::parse(b, "w.safetensors").status(); }

}  // namespace

TEST(SafetensorsReader, GoldenTinyAHeader) {
  auto f = SafetensorsFile::open(golden_path("models/tiny-a/hf/model.safetensors"));
  ASSERT_TRUE(f.is_ok()) << f.status().to_string();
  // 8 layers: 6 GDN x 14 + 2 attention x 11 + embed + final norm (no lm_head: tied).
  EXPECT_EQ(f->tensors().size(), 6u * 14u + 2u * 11u + 2u);
  const SafetensorsTensor* e = f->find("model.language_model.embed_tokens.weight");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->dtype, DType::F32);
  EXPECT_EQ(e->shape, (std::vector<uint64_t>{8064, 64}));
  EXPECT_EQ(f->tensor_data(*e).size(), 8064u * 64u * 4u);
  const SafetensorsTensor* conv = f->find("model.language_model.layers.0.linear_attn.conv1d.weight");
  ASSERT_NE(conv, nullptr);
  EXPECT_EQ(conv->shape, (std::vector<uint64_t>{384, 1, 4}));
  EXPECT_EQ(f->find("lm_head.weight"), nullptr);
}

TEST(SafetensorsReader, WriterRoundTripAndMetadataIgnored) {
  TempDir dir;
  SafetensorsWriter w;
  ASSERT_TRUE(w.add_tensor("b", DType::BF16, {2, 3}).is_ok());
  ASSERT_TRUE(w.add_tensor("a", DType::F32, {4}).is_ok());
  ASSERT_TRUE(w.add_tensor("scalar", DType::F16, {}).is_ok());
  EXPECT_EQ(w.add_tensor("q", DType::Q8_0, {32}).code(), ErrorCode::InvalidArgument);
  w.set_metadata({{"format", "pt"}});
  std::string path = dir.file("x.safetensors");
  ASSERT_TRUE(w.write(path, [](size_t i, const SafetensorsWriteTensor& t, const SafetensorsWriter::Sink& sink) {
                 std::vector<uint8_t> bytes(t.n_bytes, static_cast<uint8_t>(0x10 + i));
                 return sink(bytes.data(), bytes.size());
               }).is_ok());
  auto bytes = read_bytes(path);
  uint64_t hlen = 0;
  std::memcpy(&hlen, bytes.data(), 8);
  EXPECT_EQ(hlen % 8, 0u);  // header padded like the reference writer
  auto f = SafetensorsFile::open(path);
  ASSERT_TRUE(f.is_ok()) << f.status().to_string();
  ASSERT_EQ(f->tensors().size(), 3u);  // __metadata__ is not a tensor
  EXPECT_EQ(f->find("b")->dtype, DType::BF16);
  EXPECT_EQ(f->find("b")->n_elements, 6u);
  EXPECT_EQ(f->tensor_data(*f->find("a"))[0], 0x11);
  EXPECT_EQ(f->find("scalar")->n_elements, 1u);
  EXPECT_EQ(f->tensor_data(*f->find("scalar")).size(), 2u);
}

TEST(SafetensorsReader, NonWeightDtypesAreReadButMarked) {
  auto b = make_file(R"({"ids":{"dtype":"I64","shape":[2],"data_offsets":[0,16]}})", 16);
  auto f = SafetensorsFile::parse(b, "w.safetensors");
  ASSERT_TRUE(f.is_ok()) << f.status().to_string();
  EXPECT_EQ(f->find("ids")->dtype, std::nullopt);
  EXPECT_EQ(f->find("ids")->dtype_name, "I64");
}

TEST(SafetensorsReader, RejectsBrokenFiles) {
  EXPECT_EQ(parse({}).message(), "w.safetensors: the file is empty (0 bytes), not a safetensors file");
  EXPECT_EQ(parse({1, 2, 3}).message(),
            "w.safetensors: truncated: the 8-byte header length ends at byte 8 but the file has 3 bytes");
  auto b = make_file("{}", 0);
  uint64_t huge = 1ull << 50;
  std::memcpy(b.data(), &huge, 8);
  EXPECT_EQ(parse(b).message(), "w.safetensors: the header length 1125899906842624 points past the end of the file "
                                "(10 bytes); not a safetensors file or truncated");
  EXPECT_EQ(parse(make_file("{\"a\": [1, 2", 0)).message().rfind("w.safetensors: the header is not valid JSON", 0), 0u);
  EXPECT_EQ(parse(make_file("garbage!", 0)).message(), "w.safetensors: the header is not valid JSON");
  EXPECT_EQ(parse(make_file("[1,2]", 0)).message(), "w.safetensors: the JSON header is not an object");
  EXPECT_EQ(parse(make_file(std::string(100, '[') + std::string(100, ']'), 0)).message(),
            "w.safetensors: the JSON header nests deeper than a safetensors header can");
  EXPECT_EQ(parse(make_file(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})", 4)).message(),
            "w.safetensors: truncated: tensor data of t ends at byte 8 of the data section but it has only 4 bytes");
  EXPECT_EQ(parse(make_file(R"({"t":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", 8)).message(),
            "w.safetensors: tensor t has 8 bytes of data but its shape and dtype F32 need 12");
  EXPECT_EQ(parse(make_file(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[8,0]}})", 8)).message(),
            "w.safetensors: tensor t has data_offsets [8, 0] that end before they begin");
  EXPECT_EQ(parse(make_file(R"({"t":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", 8)).message(),
            "w.safetensors: tensor t has a shape entry that is not a non-negative integer");
  EXPECT_EQ(parse(make_file(R"({"t":{"dtype":"F33","shape":[2],"data_offsets":[0,8]}})", 8)).message(),
            "w.safetensors: tensor t has unknown dtype 'F33'");
  EXPECT_EQ(parse(make_file(R"({"t":{"shape":[2],"data_offsets":[0,8]}})", 8)).message(),
            "w.safetensors: tensor t has no string 'dtype'");
  EXPECT_EQ(parse(make_file(R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0]}})", 8)).message(),
            "w.safetensors: tensor t has no 'data_offsets' pair [begin, end]");
  EXPECT_EQ(parse(make_file(R"({"t":5})", 0)).message(), "w.safetensors: header entry 't' is not a JSON object");
  EXPECT_EQ(parse(make_file(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                            R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", 12)).message(),
            "w.safetensors: tensor data of a (bytes 0..8) overlaps b (from byte 4)");
  EXPECT_EQ(parse(make_file(R"({"t":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})", 8))
                .message(),
            "w.safetensors: tensor t has a shape whose element count overflows");
}
