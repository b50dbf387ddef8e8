// tokenizer_normalizer.h: Unicode NFC normalisation for the tokenizer (HF "NFC" normalizer) on utf8proc.
#pragma once

#include <string>
#include <string_view>

#include "lectern/status.h"

namespace lectern::text {

// NFC of valid UTF-8 text. Text in which every character is untouched by NFC (the common case: ASCII, most CJK,
// Cyrillic, emoji...) is returned as is without calling utf8proc.
Result<std::string> nfc_normalize(std::string_view text);

// True when NFC can neither change this code point nor combine it with a neighbour: canonical combining class 0,
// no canonical decomposition, never the second character of a canonical composition (incl. Hangul V/T jamo).
bool nfc_inert(char32_t cp);

}  // namespace lectern::text
