// bpe_byte_level.cpp: GPT-2 byte <-> printable-character mapping used by byte-level BPE vocabularies.
#include "text/bpe_byte_level.h"

#include "text/utf8.h"

namespace lectern::text {

namespace {

struct Tables {
  std::array<char32_t, 256> byte_to_cp{};
  std::array<std::string, 256> byte_to_piece;
  std::array<int16_t, 324> cp_to_byte{};  // every mapped code point is < U+0144; -1 = not a mapped character

  Tables() {
    cp_to_byte.fill(-1);
    char32_t next_extra = 0x100;
    for (int b = 0; b < 256; ++b) {
      const bool printable = (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      byte_to_cp[b] = printable ? static_cast<char32_t>(b) : next_extra++;
      cp_to_byte[byte_to_cp[b]] = static_cast<int16_t>(b);
      append_utf8(byte_to_piece[b], byte_to_cp[b]);
    }
  }
};

const Tables& tables() {
  static const Tables t;
  return t;
}

}  // namespace

const std::array<char32_t, 256>& byte_to_unicode_table() { return tables().byte_to_cp; }

const std::string& byte_to_vocab_piece(uint8_t byte) { return tables().byte_to_piece[byte]; }

std::optional<std::string> vocab_piece_to_bytes(std::string_view piece) {
  const Tables& t = tables();
  std::string out;
  out.reserve(piece.size());
  size_t i = 0;
  while (i < piece.size()) {
    const Utf8Step s = utf8_step(piece.substr(i));
    if (s.kind != Utf8Step::Valid || s.cp >= t.cp_to_byte.size() || t.cp_to_byte[s.cp] < 0) return std::nullopt;
    out.push_back(static_cast<char>(t.cp_to_byte[s.cp]));
    i += s.n_bytes;
  }
  return out;
}

std::string bytes_to_vocab_piece(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) out += byte_to_vocab_piece(static_cast<uint8_t>(c));
  return out;
}

}  // namespace lectern::text
