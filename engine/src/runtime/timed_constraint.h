// timed_constraint.h: a TokenConstraint that forwards to another and times its masks (wall and thread CPU time),
// and can raise a cancel flag once a number of tokens were accepted; for the constrained benchmark and tests.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <vector>

#include "runtime/token_constraint.h"

namespace lectern::runtime {

// CPU time of the calling thread: unlike wall time it barely depends on what else the machine runs.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

class TimedConstraint : public TokenConstraint {
 public:
  // cancel (optional) is raised when the limit-th token is accepted, so that generation stops right there.
  explicit TimedConstraint(TokenConstraint& inner, int64_t limit = INT64_MAX, std::atomic<bool>* cancel = nullptr)
      : inner_(inner), limit_(limit), cancel_(cancel) {}

  Status allowed(std::vector<uint32_t>& bits, int64_t remaining) override {
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_seconds();
    Status s = inner_.allowed(bits, remaining);
    const double cpu = thread_cpu_seconds() - c0;
    wall_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    cpu_s += cpu;
    max_cpu_s = std::max(max_cpu_s, cpu);
    ++n_masks;
    return s;
  }
  Status accept(int32_t token) override {
    if (++n_accepted_ >= limit_ && cancel_) cancel_->store(true);
    return inner_.accept(token);
  }
  bool complete() const override { return inner_.complete(); }

  double wall_s = 0, cpu_s = 0, max_cpu_s = 0;
  int64_t n_masks = 0;

 private:
  TokenConstraint& inner_;
  int64_t limit_;
  std::atomic<bool>* cancel_;
  int64_t n_accepted_ = 0;
};

}  // namespace lectern::runtime
