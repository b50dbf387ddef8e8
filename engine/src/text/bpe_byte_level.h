// bpe_byte_level.h: GPT-2 byte <-> printable-character mapping used by byte-level BPE vocabularies.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace lectern::text {

// GPT-2's bytes_to_unicode(): printable Latin-1 bytes ('!'..'~', '¡'..'¬', '®'..'ÿ') map to themselves, the other
// 68 bytes map to U+0100, U+0101, ... in byte order. Vocabulary strings are written in these characters.
const std::array<char32_t, 256>& byte_to_unicode_table();

// The vocabulary spelling (UTF-8) of one raw byte, e.g. ' ' -> "Ġ".
const std::string& byte_to_vocab_piece(uint8_t byte);

// Maps a vocabulary string back to raw bytes. Returns nullopt when some character is not one of the 256 mapped
// characters (HF's ByteLevel decoder then keeps the token's own UTF-8 bytes; callers do the same).
std::optional<std::string> vocab_piece_to_bytes(std::string_view piece);

// Maps raw bytes to their vocabulary spelling.
std::string bytes_to_vocab_piece(std::string_view bytes);

}  // namespace lectern::text
