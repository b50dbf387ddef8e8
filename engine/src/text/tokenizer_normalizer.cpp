// tokenizer_normalizer.cpp: Unicode NFC normalisation for the tokenizer (qwen35.md §5.1 step 1) on utf8proc.
#include "text/tokenizer_normalizer.h"

#include <utf8proc.h>

#include <cstdlib>

#include "text/utf8.h"

namespace lectern::text {

bool nfc_inert(char32_t cp) {
  if (cp < 0x300) return true;  // nothing below the combining diacritics block decomposes or composes as second
  if ((cp >= 0x1161 && cp <= 0x1175) || (cp >= 0x11A8 && cp <= 0x11C2)) return false;  // Hangul V / T jamo
  const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
  if (p->combining_class != 0) return false;
  // decomp_type 0 with a mapping = canonical decomposition (compatibility ones are left alone by NFC).
  if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0) return false;
  if (p->comp_exclusion) return false;
  // utf8proc 2.x marks characters that can be the second of a primary composite with comb_index >= 0x8000.
  if (p->comb_index != UINT16_MAX && p->comb_index >= 0x8000) return false;
  return true;
}

Result<std::string> nfc_normalize(std::string_view text) {
  bool inert = true;
  for (size_t i = 0; i < text.size() && inert;) {
    const auto b = static_cast<uint8_t>(text[i]);
    if (b < 0xCC) {  // lead bytes below 0xCC encode code points below U+0300
      i += b < 0x80 ? 1 : 2;
      continue;
    }
    const Utf8Step s = utf8_step(text.substr(i));
    if (s.kind != Utf8Step::Valid) {
      return Status(ErrorCode::InvalidArgument, "NFC normalisation needs valid UTF-8 (ill-formed byte at offset " +
                                                    std::to_string(i) + ")");
    }
    inert = nfc_inert(s.cp);
    i += s.n_bytes;
  }
  if (inert) return std::string(text);

  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                          static_cast<utf8proc_ssize_t>(text.size()), &out,
                                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) {
    return Status(n == UTF8PROC_ERROR_NOMEM ? ErrorCode::OutOfHostMemory : ErrorCode::InvalidArgument,
                  std::string("NFC normalisation failed: ") + utf8proc_errmsg(n));
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<size_t>(n));
  std::free(out);
  return result;
}

}  // namespace lectern::text
