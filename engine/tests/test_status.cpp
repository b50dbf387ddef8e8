// test_status.cpp: Status/Result propagation and formatting.
#include <gtest/gtest.h>

#include "lectern/status.h"

using namespace lectern;

static Result<int> parse_positive(int v) {
  if (v <= 0) return Status(ErrorCode::InvalidArgument, "value must be positive, got " + std::to_string(v));
  return v;
}

static Result<int> doubled(int v) {
  LECTERN_ASSIGN_OR_RETURN(int x, parse_positive(v));
  return 2 * x;
}

TEST(Status, OkAndErrors) {
  EXPECT_TRUE(Status::ok().is_ok());
  Status s(ErrorCode::CorruptData, "header length points past the end");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.to_string(), "CorruptData: header length points past the end");
  EXPECT_EQ(s.with_context("model.gguf").message(), "model.gguf: header length points past the end");
}

TEST(Status, ResultPropagates) {
  auto good = doubled(4);
  ASSERT_TRUE(good.is_ok());
  EXPECT_EQ(*good, 8);
  auto bad = doubled(-1);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::InvalidArgument);
  EXPECT_NE(bad.status().message().find("-1"), std::string::npos);
}
