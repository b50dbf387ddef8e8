// pretokenizer.cpp: regex pre-tokenizer on PCRE2 (UTF + UCP so \s, \p{L}, (?i) follow Unicode; JIT when available).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "text/pretokenizer.h"

#include <pcre2.h>

namespace lectern::text {

namespace {

std::string pcre2_error_text(int code) {
  PCRE2_UCHAR buf[256];
  const int n = pcre2_get_error_message(code, buf, sizeof(buf));
  return n < 0 ? "PCRE2 error " + std::to_string(code) : std::string(reinterpret_cast<const char*>(buf), n);
}

}  // namespace

Result<std::string> regex_for_pre_type(std::string_view pre) {
  if (pre == "qwen2") return std::string(kQwen2Regex);
  if (pre == "qwen35") return std::string(kQwen35Regex);
  return Status(ErrorCode::Unsupported, "tokenizer pre-tokenizer type '" + std::string(pre) +
                                            "' is not supported; supported types are 'qwen2' and 'qwen35'");
}

struct RegexSplitter::State {
  std::string pattern;
  pcre2_code* code = nullptr;
  bool jit = false;
  ~State() { pcre2_code_free(code); }
};

RegexSplitter::RegexSplitter(std::unique_ptr<State> state) : state_(std::move(state)) {}
RegexSplitter::RegexSplitter(RegexSplitter&&) noexcept = default;
RegexSplitter& RegexSplitter::operator=(RegexSplitter&&) noexcept = default;
RegexSplitter::~RegexSplitter() = default;

const std::string& RegexSplitter::pattern() const { return state_->pattern; }

Result<RegexSplitter> RegexSplitter::create(std::string_view pattern) {
  auto state = std::make_unique<State>();
  state->pattern = std::string(pattern);
  int err = 0;
  PCRE2_SIZE err_offset = 0;
  state->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), PCRE2_UTF | PCRE2_UCP,
                              &err, &err_offset, nullptr);
  if (state->code == nullptr) {
    return Status(ErrorCode::Unsupported, "pre-tokenizer regex does not compile at offset " +
                                              std::to_string(err_offset) + ": " + pcre2_error_text(err) +
                                              " (pattern: " + state->pattern + ")");
  }
  // JIT is an optimisation only: some platforms lack it, and the interpreter gives identical matches.
  state->jit = pcre2_jit_compile(state->code, PCRE2_JIT_COMPLETE) == 0;
  return RegexSplitter(std::move(state));
}

Status RegexSplitter::split(std::string_view text, std::vector<std::pair<size_t, size_t>>& pieces) const {
  if (text.empty()) return Status::ok();
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(state_->code, nullptr);
  if (md == nullptr) return Status(ErrorCode::OutOfHostMemory, "cannot allocate PCRE2 match data");
  // Created only if the default 32 KiB JIT stack runs out (very long runs of one character class).
  pcre2_match_context* mctx = nullptr;
  pcre2_jit_stack* jit_stack = nullptr;
  auto cleanup = [&] {
    pcre2_match_data_free(md);
    pcre2_match_context_free(mctx);
    pcre2_jit_stack_free(jit_stack);
  };

  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  const size_t n = text.size();
  size_t pos = 0;  // next byte to search from
  size_t gap = 0;  // start of text not yet assigned to a piece
  while (pos < n) {
    int rc = state_->jit ? pcre2_jit_match(state_->code, subject, n, pos, PCRE2_NO_UTF_CHECK, md, mctx)
                         : pcre2_match(state_->code, subject, n, pos, PCRE2_NO_UTF_CHECK, md, mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT && jit_stack == nullptr) {
      jit_stack = pcre2_jit_stack_create(64 * 1024, 256 * 1024 * 1024, nullptr);
      mctx = pcre2_match_context_create(nullptr);
      if (jit_stack == nullptr || mctx == nullptr) {
        cleanup();
        return Status(ErrorCode::OutOfHostMemory, "cannot allocate the PCRE2 JIT stack");
      }
      pcre2_jit_stack_assign(mctx, nullptr, jit_stack);
      continue;  // retry the same position with the larger stack
    }
    if (rc == PCRE2_ERROR_NOMATCH) break;
    if (rc < 0) {
      cleanup();
      return Status(ErrorCode::Internal, "pre-tokenizer regex failed at byte " + std::to_string(pos) + ": " +
                                             pcre2_error_text(rc));
    }
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
    const size_t begin = ov[0], end = ov[1];
    if (end == begin) {
      // An empty match produces no piece; step over one whole UTF-8 character.
      ++pos;
      while (pos < n && (static_cast<uint8_t>(text[pos]) & 0xC0) == 0x80) ++pos;
      continue;
    }
    if (begin > gap) pieces.emplace_back(gap, begin);
    pieces.emplace_back(begin, end);
    pos = gap = end;
  }
  if (gap < n) pieces.emplace_back(gap, n);
  cleanup();
  return Status::ok();
}

}  // namespace lectern::text
