// loop_detector.cpp: O(max_period) per token periodicity check plus a count of repeated long lines.
#include "runtime/loop_detector.h"

#include <algorithm>

namespace lectern::runtime {
namespace {

std::string_view trim(std::string_view s) {
  const auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

LoopDetector::LoopDetector(const LoopDetectionSettings& settings) : settings_(settings) { reset(); }

void LoopDetector::reset() {
  tokens_.clear();
  run_.assign(static_cast<size_t>(std::max(settings_.max_period, 0)) + 1, 0);
  line_.clear();
  line_counts_.clear();
  detected_ = false;
  reason_.clear();
}

bool LoopDetector::push(int32_t token, std::string_view text) {
  if (!settings_.enabled || detected_) return detected_;
  tokens_.push_back(token);
  const int64_t n = static_cast<int64_t>(tokens_.size());
  const int32_t repeats = std::max(settings_.min_repeats, 2);
  for (int32_t p = 1; p <= settings_.max_period && p < n; ++p) {
    run_[static_cast<size_t>(p)] = tokens_[static_cast<size_t>(n - 1)] == tokens_[static_cast<size_t>(n - 1 - p)]
                                       ? run_[static_cast<size_t>(p)] + 1
                                       : 0;
    const int64_t span = static_cast<int64_t>(run_[static_cast<size_t>(p)]) + p;  // periodic suffix length
    if (span >= static_cast<int64_t>(p) * repeats && span >= settings_.min_span) {
      detected_ = true;
      reason_ = "tokens repeat with period " + std::to_string(p) + " over the last " + std::to_string(span) +
                " tokens";
      return true;
    }
  }
  for (char ch : text) {
    if (ch == '\n') {
      push_line(line_);
      line_.clear();
      if (detected_) return true;
    } else {
      line_ += ch;
    }
  }
  return detected_;
}

void LoopDetector::push_line(std::string_view line) {
  if (settings_.line_repeats < 2) return;
  const std::string_view t = trim(line);
  if (static_cast<int32_t>(t.size()) < settings_.min_line_chars) return;
  const int32_t count = ++line_counts_[std::string(t)];
  if (count >= settings_.line_repeats) {
    detected_ = true;
    reason_ = "the line \"" + std::string(t.substr(0, 60)) + "\" was written " + std::to_string(count) + " times";
  }
}

}  // namespace lectern::runtime
