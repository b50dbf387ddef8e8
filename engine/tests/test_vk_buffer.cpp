// test_vk_buffer.cpp: memory-type choice, buffer limits, direct and staged (chunked) uploads and downloads, and
// DeviceMatrix's split into row blocks under lowered binding limits.
#include <gtest/gtest.h>

#include <numeric>

#include "vk/buffer.h"
#include "vk/matrix.h"
#include "vk/memory.h"
#include "vk/transfer.h"
#include "vk_test_support.h"

using namespace lectern;

TEST(MemoryType, ScoresPerUsage) {
  // A discrete GPU's typical list: VRAM, write-combined system memory, cached system memory, BAR.
  VkPhysicalDeviceMemoryProperties m{};
  m.memoryTypeCount = 4;
  m.memoryTypes[0].propertyFlags = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
  m.memoryTypes[1].propertyFlags = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  m.memoryTypes[2].propertyFlags = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT |
                                   VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
  m.memoryTypes[3].propertyFlags = VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT | VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                   VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  EXPECT_EQ(vk::find_memory_type(m, 0xf, vk::MemoryUsage::DeviceLocal), 0u);
  EXPECT_EQ(vk::find_memory_type(m, 0xf, vk::MemoryUsage::Upload), 1u);
  EXPECT_EQ(vk::find_memory_type(m, 0xf, vk::MemoryUsage::Readback), 2u);
  // Restricted by the buffer's memoryTypeBits.
  EXPECT_EQ(vk::find_memory_type(m, 0x8, vk::MemoryUsage::DeviceLocal), 3u);
  EXPECT_EQ(vk::find_memory_type(m, 0x1, vk::MemoryUsage::Upload), std::nullopt);
  // UMA (lavapipe, integrated GPUs): one type with everything.
  VkPhysicalDeviceMemoryProperties uma{};
  uma.memoryTypeCount = 1;
  uma.memoryTypes[0].propertyFlags = m.memoryTypes[3].propertyFlags | VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
  for (auto usage : {vk::MemoryUsage::DeviceLocal, vk::MemoryUsage::Upload, vk::MemoryUsage::Readback}) {
    EXPECT_EQ(vk::find_memory_type(uma, 0x1, usage), 0u);
  }
}

TEST(MemoryType, FormatBytes) {
  EXPECT_EQ(vk::format_bytes(17), "17 bytes");
  EXPECT_EQ(vk::format_bytes(65536), "64 KiB");
  EXPECT_EQ(vk::format_bytes(128ull << 20), "128 MiB");
  EXPECT_EQ(vk::format_bytes(1536ull << 20), "1.50 GiB");
}

class VulkanBuffer : public vk_test::VulkanTest {};

TEST_F(VulkanBuffer, RejectsEmptyAndOversizedBuffers) {
  auto empty = vk::Buffer::create(vk_test::device(), 0, vk::MemoryUsage::DeviceLocal, "empty");
  ASSERT_FALSE(empty.is_ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::InvalidArgument);

  auto d = vk_test::make_device({.max_allocation_bytes = 1 << 20});
  ASSERT_TRUE(d);
  auto big = vk::Buffer::create(*d, (1 << 20) + 1, vk::MemoryUsage::DeviceLocal, "blk.0.ffn_up.weight");
  ASSERT_FALSE(big.is_ok());
  EXPECT_EQ(big.status().code(), ErrorCode::InvalidArgument);
  const std::string m = big.status().message();
  EXPECT_NE(m.find("'blk.0.ffn_up.weight'"), std::string::npos) << m;
  EXPECT_NE(m.find("LECTERN_VK_MAX_ALLOCATION_BYTES"), std::string::npos) << m;
  EXPECT_NE(m.find("split"), std::string::npos) << m;
  auto fits = vk::Buffer::create(*d, 1 << 20, vk::MemoryUsage::DeviceLocal, "fits");
  EXPECT_TRUE(fits.is_ok()) << fits.status().to_string();
}

// Round trip through every path: direct mapping where the memory allows it, and the staging buffer in 4 KiB
// chunks (odd sizes and offsets, so partial chunks and both halves are exercised).
TEST_F(VulkanBuffer, UploadDownloadRoundTrips) {
  auto staged_device = vk_test::make_device({.force_staging = true, .staging_bytes = 8192});
  ASSERT_TRUE(staged_device);
  struct Path {
    const char* name;
    vk::Device* device;
  } paths[] = {{"default", &vk_test::device()}, {"staged", staged_device.get()}};
  for (const Path& path : paths) {
    auto transfer = vk_test::make_transfer(*path.device);
    ASSERT_TRUE(transfer);
    const uint64_t size = 100003;
    std::vector<uint8_t> data(size);
    for (uint64_t i = 0; i < size; ++i) data[i] = static_cast<uint8_t>((i * 2654435761u) >> 13);
    auto buffer = vk::Buffer::create(*path.device, size + 11, vk::MemoryUsage::DeviceLocal, "roundtrip");
    ASSERT_TRUE(buffer.is_ok()) << buffer.status().to_string();
    ASSERT_TRUE(transfer->upload(*buffer, 11, data.data(), size).is_ok()) << path.name;
    std::vector<uint8_t> back(size);
    ASSERT_TRUE(transfer->download(*buffer, 11, back.data(), size).is_ok()) << path.name;
    EXPECT_EQ(back, data) << path.name;
    // A piece from the middle.
    std::vector<uint8_t> piece(5000);
    ASSERT_TRUE(transfer->download(*buffer, 11 + 12345, piece.data(), piece.size()).is_ok());
    EXPECT_TRUE(std::equal(piece.begin(), piece.end(), data.begin() + 12345)) << path.name;
    if (path.device == staged_device.get()) {
      EXPECT_EQ(transfer->chunk_bytes(), 4096u);
      // 25 chunks up, 25 down, 2 for the piece.
      EXPECT_EQ(transfer->n_staged_chunks(), 2 * ((size + 4095) / 4096) + 2);
    } else if (buffer->mapped() != nullptr) {
      EXPECT_EQ(transfer->n_staged_chunks(), 0u);  // host-visible device memory is written directly
    }
    std::printf("transfer path %s: %llu staged chunks\n", path.name,
                static_cast<unsigned long long>(transfer->n_staged_chunks()));
  }
}

TEST_F(VulkanBuffer, TransfersOutOfRangeFail) {
  auto buffer = vk::Buffer::create(vk_test::device(), 64, vk::MemoryUsage::DeviceLocal, "small");
  ASSERT_TRUE(buffer.is_ok());
  std::vector<uint8_t> data(65);
  Status up = vk_test::transfer().upload(*buffer, 0, data.data(), 65);
  EXPECT_EQ(up.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(up.message().find("runs past the end of buffer 'small'"), std::string::npos) << up.message();
  EXPECT_EQ(vk_test::transfer().download(*buffer, 60, data.data(), 8).code(), ErrorCode::InvalidArgument);
}

TEST_F(VulkanBuffer, MatrixSplitsIntoRowBlocks) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({.force_staging = true, .staging_bytes = 16384});
  ASSERT_TRUE(d);
  auto transfer = vk_test::make_transfer(*d);
  ASSERT_TRUE(transfer);
  const uint64_t n_rows = 1000, n_cols = 100;  // f16: 200 bytes a row, 200,000 bytes in all
  std::vector<float> values = vk_test::random_floats(n_rows * n_cols, 7);
  std::vector<std::byte> bytes = vk_test::encode(DType::F16, values);
  auto m = vk::DeviceMatrix::upload(*d, *transfer, DType::F16, n_rows, n_cols, bytes, "token_embd.weight");
  ASSERT_TRUE(m.is_ok()) << m.status().to_string();
  ASSERT_EQ(m->blocks().size(), 4u);  // 327 rows fit in 64 KiB; four equal blocks of 250
  uint64_t next = 0;
  for (const vk::RowBlock& block : m->blocks()) {
    EXPECT_EQ(block.first_row, next);
    EXPECT_EQ(block.n_rows, 250u);
    EXPECT_LE(block.buffer.size(), 65536u);
    std::vector<std::byte> back(block.n_rows * m->row_bytes());
    ASSERT_TRUE(transfer->download(block.buffer, 0, back.data(), back.size()).is_ok());
    EXPECT_TRUE(std::equal(back.begin(), back.end(), bytes.begin() + block.first_row * m->row_bytes()));
    next += block.n_rows;
  }
  EXPECT_EQ(next, n_rows);

  // One row larger than a binding cannot be split by rows.
  auto wide = vk::DeviceMatrix::create(*d, DType::F32, 2, 20000, "wide");
  ASSERT_FALSE(wide.is_ok());
  EXPECT_EQ(wide.status().code(), ErrorCode::Unsupported);
  EXPECT_NE(wide.status().message().find("exceeds"), std::string::npos) << wide.status().message();
  // Wrong data size.
  auto short_data = vk::DeviceMatrix::upload(*d, *transfer, DType::F16, n_rows, n_cols,
                                             std::span(bytes).first(bytes.size() - 2), "short");
  ASSERT_FALSE(short_data.is_ok());
  EXPECT_EQ(short_data.status().code(), ErrorCode::InvalidArgument);
  // Columns that are not whole quantisation blocks.
  auto ragged = vk::DeviceMatrix::create(*d, DType::Q8_0, 4, 33, "ragged");
  ASSERT_FALSE(ragged.is_ok());
  EXPECT_EQ(ragged.status().code(), ErrorCode::InvalidArgument);
}
