// cancel_signal.h: Ctrl-C cancels the running generation (the engine's atomic cancel flag) instead of killing
// lectern-cli, while a CancelOnInterrupt is alive; a second Ctrl-C then exits as usual.
#pragma once

#include <atomic>

namespace lectern::cli {

class CancelOnInterrupt {
 public:
  CancelOnInterrupt();
  ~CancelOnInterrupt();
  CancelOnInterrupt(const CancelOnInterrupt&) = delete;
  CancelOnInterrupt& operator=(const CancelOnInterrupt&) = delete;

  const std::atomic<bool>* flag() const;
};

}  // namespace lectern::cli
