// loop_detector.h: notices when reasoning goes round in circles: a token sequence repeating with a short period,
// or the same line written again and again (LoopDetectionSettings in lectern/generation.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lectern/generation.h"

namespace lectern::runtime {

class LoopDetector {
 public:
  explicit LoopDetector(const LoopDetectionSettings& settings);

  // Feed each reasoning token and the text it decoded to; true once a loop is seen (and stays true).
  bool push(int32_t token, std::string_view text);
  bool detected() const { return detected_; }
  // "token period 12 x 4" / "line repeated 4 times: ..." for logs and tests.
  const std::string& reason() const { return reason_; }
  void reset();

 private:
  void push_line(std::string_view line);

  LoopDetectionSettings settings_;
  std::vector<int32_t> tokens_;
  // run_[p]: how many of the latest tokens t[i] equal t[i - p] in a row (a suffix with period p is run_[p] + p long).
  std::vector<int32_t> run_;
  std::string line_;
  std::unordered_map<std::string, int32_t> line_counts_;
  bool detected_ = false;
  std::string reason_;
};

}  // namespace lectern::runtime
