// utf8.cpp: UTF-8 validation, U+FFFD repair and the incremental assembler used by the streaming decoder.
#include "text/utf8.h"

#include <algorithm>

namespace lectern::text {

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Utf8Step utf8_step(std::string_view bytes) {
  const auto b0 = static_cast<uint8_t>(bytes[0]);
  if (b0 < 0x80) return {Utf8Step::Valid, 1, b0};
  size_t n_need;
  uint8_t lo = 0x80, hi = 0xBF;  // allowed range of the second byte (Unicode Table 3-7)
  char32_t cp;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n_need = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n_need = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;        // no overlongs
    if (b0 == 0xED) hi = 0x9F;        // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n_need = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;        // no overlongs
    if (b0 == 0xF4) hi = 0x8F;        // nothing above U+10FFFF
  } else {
    return {Utf8Step::Invalid, 1, 0};  // stray continuation byte, C0/C1, F5..FF
  }
  for (size_t i = 1; i < n_need; ++i) {
    if (i >= bytes.size()) return {Utf8Step::Incomplete, i, 0};
    const auto b = static_cast<uint8_t>(bytes[i]);
    const uint8_t min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
    if (b < min || b > max) return {Utf8Step::Invalid, i, 0};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {Utf8Step::Valid, n_need, cp};
}

bool is_valid_utf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<uint8_t>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Step s = utf8_step(bytes.substr(i));
    if (s.kind != Utf8Step::Valid) return false;
    i += s.n_bytes;
  }
  return true;
}

// Appends the valid prefix of bytes (repairing ill-formed subparts) to out; returns how many trailing bytes form
// an incomplete character that was not consumed.
static size_t repair_into(std::string_view bytes, std::string& out) {
  size_t i = 0, run_start = 0;
  while (i < bytes.size()) {
    if (static_cast<uint8_t>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const Utf8Step s = utf8_step(bytes.substr(i));
    if (s.kind == Utf8Step::Valid) {
      i += s.n_bytes;
      continue;
    }
    out.append(bytes.substr(run_start, i - run_start));
    if (s.kind == Utf8Step::Incomplete) return bytes.size() - i;
    out.append(kReplacementChar);
    i += s.n_bytes;
    run_start = i;
  }
  out.append(bytes.substr(run_start, i - run_start));
  return 0;
}

std::string sanitize_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  if (repair_into(bytes, out) != 0) out.append(kReplacementChar);  // a truncated final character is one subpart
  return out;
}

void Utf8Assembler::push(std::string_view bytes, std::string& out) {
  // Complete the held-back character first, one byte at a time (at most 3 bytes are ever pending).
  while (n_pending_ > 0 && !bytes.empty()) {
    pending_[n_pending_++] = bytes.front();
    bytes.remove_prefix(1);
    const Utf8Step s = utf8_step(std::string_view(pending_, n_pending_));
    if (s.kind == Utf8Step::Incomplete) continue;
    if (s.kind == Utf8Step::Valid) {
      out.append(pending_, n_pending_);
      n_pending_ = 0;
    } else {
      // The ill-formed subpart ends before the byte that broke it; that byte and any after it start over.
      out.append(kReplacementChar);
      std::string rest(pending_ + s.n_bytes, n_pending_ - s.n_bytes);
      n_pending_ = 0;
      push(rest, out);
    }
  }
  if (bytes.empty()) return;
  // repair_into only leaves a valid prefix of one character, i.e. at most 3 bytes.
  const size_t n_tail = std::min(repair_into(bytes, out), sizeof(pending_) - 1);
  for (size_t i = 0; i < n_tail; ++i) pending_[i] = bytes[bytes.size() - n_tail + i];
  n_pending_ = n_tail;
}

void Utf8Assembler::finish(std::string& out) {
  if (n_pending_ > 0) out.append(kReplacementChar);
  n_pending_ = 0;
}

}  // namespace lectern::text
