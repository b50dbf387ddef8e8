// cancel_signal.cpp: SIGINT -> cancel flag (async-signal-safe: a lock-free atomic store and signal()).
#include "cancel_signal.h"

#include <csignal>

namespace lectern::cli {
namespace {

std::atomic<bool> g_cancel{false};
static_assert(std::atomic<bool>::is_always_lock_free);

extern "C" void on_interrupt(int) {
  g_cancel.store(true);
  std::signal(SIGINT, SIG_DFL);  // the next Ctrl-C ends the process
}

}  // namespace

CancelOnInterrupt::CancelOnInterrupt() {
  g_cancel.store(false);
  std::signal(SIGINT, on_interrupt);
}

CancelOnInterrupt::~CancelOnInterrupt() { std::signal(SIGINT, SIG_DFL); }

const std::atomic<bool>* CancelOnInterrupt::flag() const { return &g_cancel; }

}  // namespace lectern::cli
