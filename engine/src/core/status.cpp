// status.cpp: names and formatting for engine error codes.
#include "lectern/status.h"

namespace lectern {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::Ok: return "Ok";
    case ErrorCode::InvalidArgument: return "InvalidArgument";
    case ErrorCode::NotFound: return "NotFound";
    case ErrorCode::IoError: return "IoError";
    case ErrorCode::CorruptData: return "CorruptData";
    case ErrorCode::Unsupported: return "Unsupported";
    case ErrorCode::NoDevice: return "NoDevice";
    case ErrorCode::OutOfHostMemory: return "OutOfHostMemory";
    case ErrorCode::OutOfDeviceMemory: return "OutOfDeviceMemory";
    case ErrorCode::DeviceLost: return "DeviceLost";
    case ErrorCode::Timeout: return "Timeout";
    case ErrorCode::Cancelled: return "Cancelled";
    case ErrorCode::Internal: return "Internal";
  }
  return "Unknown";
}

std::string Status::to_string() const {
  if (is_ok()) return "Ok";
  return std::string(error_code_name(code_)) + ": " + message_;
}

}  // namespace lectern
