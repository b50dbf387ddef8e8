// status.h: errors as values for the whole engine (Status, Result<T>); nothing in the library exits or aborts.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace lectern {

// Distinct codes let callers react differently (e.g. retry with a smaller context on OutOfDeviceMemory).
enum class ErrorCode {
  Ok = 0,
  InvalidArgument,   // caller passed something impossible (bad shape, unknown option)
  NotFound,          // file, tensor, device or key missing
  IoError,           // read/write/mmap failed
  CorruptData,       // file present but malformed, truncated or inconsistent
  Unsupported,       // valid but not handled (tensor type, architecture, device feature)
  NoDevice,          // no usable Vulkan device / driver
  OutOfHostMemory,
  OutOfDeviceMemory,
  DeviceLost,
  Timeout,           // GPU work (or another wait) did not finish within its deadline
  Cancelled,
  Internal,          // a bug: an invariant of ours broke
};

const char* error_code_name(ErrorCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok() { return {}; }

  bool is_ok() const { return code_ == ErrorCode::Ok; }
  explicit operator bool() const { return is_ok(); }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // Prepends context ("loading blk.3.attn_q.weight: ") so the outermost caller sees the whole path.
  Status with_context(const std::string& context) const {
    if (is_ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

  // "CorruptData: <message>"
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::Ok;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}           // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {     // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(v_).is_ok() && "Result constructed from an ok Status");
  }

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }

  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  Status status() const { return is_ok() ? Status::ok() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace lectern

// Propagate a failed Status / Result from the current function.
#define LECTERN_TRY(expr)                           \
  do {                                              \
    ::lectern::Status lectern_try_s_ = (expr);      \
    if (!lectern_try_s_.is_ok()) return lectern_try_s_; \
  } while (0)

#define LECTERN_CONCAT_INNER(a, b) a##b
#define LECTERN_CONCAT(a, b) LECTERN_CONCAT_INNER(a, b)

// LECTERN_ASSIGN_OR_RETURN(auto x, make_x()); binds x on success, returns the Status on failure.
#define LECTERN_ASSIGN_OR_RETURN(decl, expr) \
  LECTERN_ASSIGN_OR_RETURN_IMPL(LECTERN_CONCAT(lectern_res_, __LINE__), decl, expr)
#define LECTERN_ASSIGN_OR_RETURN_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.is_ok()) return tmp.status();               \
  decl = std::move(tmp).value()
