// json_schema_automaton.cpp: byte steps, completeness and fewest-bytes-to-complete for the schema automaton.
// Output grammar: compact JSON, object properties in schema order (required ones always, optional ones may be
// skipped), strings with simple escapes (no \u), numbers -?(0|[1-9]d*)(.d+)? within the digit limits.
#include "runtime/json_schema_automaton.h"

#include <algorithm>
#include <climits>

namespace lectern::runtime {
namespace {

enum Phase : uint8_t {
  Start = 0,
  ObjOpen, ObjComma, ObjKey, ObjAfterValue,
  ArrOpen, ArrAfterItem,
  StrContent, StrEscape, StrFormat,
  NumSign, NumZero, NumInt, NumDot, NumFrac,
  Lit,
};

bool is_digit(uint8_t b) { return b >= '0' && b <= '9'; }
bool is_alpha(uint8_t b) { return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z'); }
bool is_alnum(uint8_t b) { return is_digit(b) || is_alpha(b); }

int days_in_month(int month) {
  if (month == 2) return 28;  // 29 February is valid only in leap years: never generated
  if (month == 4 || month == 6 || month == 9 || month == 11) return 30;
  return 31;
}

// Email states (aux): 0 local part start, 1 in a local atom, 2 after '@' or '.', 3 in a domain label.
// lo: a '.' was seen in the domain; hi: the current domain label is letters only. count: its length.
int32_t email_remaining(const SchemaFrame& f) {
  switch (f.aux) {
    case 0: return 7;  // a@b.cd"
    case 1: return 6;
    case 2: return f.lo ? 3 : 5;
    default:
      if (f.lo && f.hi && f.count >= 2) return 1;
      if (f.lo && f.hi && f.count == 1) return 2;
      return 4;  // .cd"
  }
}

}  // namespace

SchemaState SchemaAutomaton::initial() const {
  SchemaState s;
  s.depth = 1;
  s.frames[0] = SchemaFrame{};
  s.frames[0].node = schema_.root;
  return s;
}

bool SchemaAutomaton::accepting(const SchemaFrame& f) const {
  switch (f.phase) {
    case NumZero: case NumInt: case NumFrac: return true;
    case Lit: {
      const auto& lits = schema_.nodes[f.node].literals;
      for (size_t i = 0; i < lits.size(); ++i)
        if (((f.mask >> i) & 1) && static_cast<int32_t>(lits[i].size()) == f.count) return true;
      return false;
    }
    default: return false;
  }
}

bool SchemaAutomaton::complete(const SchemaState& s) const {
  return s.depth == 0 || (s.depth == 1 && accepting(s.frames[0]));
}

bool SchemaAutomaton::free_string(const SchemaState& s, FreeString* out) const {
  if (s.depth == 0) return false;
  const SchemaFrame& f = s.frames[s.depth - 1];
  if (f.phase != StrContent || f.utf8_left != 0) return false;
  const SchemaNode& n = schema_.nodes[f.node];
  out->n_chars = f.count;
  out->max_length = n.max_length;
  out->min_length = n.min_length;
  return true;
}

bool SchemaAutomaton::run_state(const SchemaState& s, RunState* out) const {
  if (s.depth == 0) return false;
  const SchemaFrame& f = s.frames[s.depth - 1];
  const SchemaNode& n = schema_.nodes[f.node];
  if (f.phase == StrContent && f.utf8_left == 0) {
    out->run = kRunPlain;
    out->n_chars = f.count;
    out->max_length = n.max_length;
    out->min_length = n.min_length;
  } else if (f.phase == StrFormat && n.format == StringFormat::Email) {
    // A class-only continuation ends in a local atom (6 bytes to go) or a domain label (at most 4: ".cd\"").
    out->run = f.aux <= 1 ? kRunEmailLocal : kRunEmailDomain;
    out->worst_after = f.aux <= 1 ? 6 : 4;
    out->dot_seen = f.aux >= 2 && f.lo != 0;
    out->label_alpha = f.aux != 3 || f.hi != 0;
    out->label_len = f.aux == 3 ? f.count : 0;
  } else {
    return false;
  }
  out->rest = 0;
  for (int32_t i = 0; i + 1 < s.depth; ++i) out->rest += frame_remaining(s.frames[i], false);
  return true;
}

SchemaAutomaton::Step SchemaAutomaton::start(SchemaState& s, SchemaFrame& f, uint8_t b) const {
  const SchemaNode* n = &schema_.nodes[f.node];
  if (n->kind == SchemaKind::AnyOf) {
    int32_t pick = -1;
    for (int32_t alt : n->alternatives)
      if (schema_.nodes[alt].starts_with(b)) pick = alt;
    if (pick < 0) return Step::Reject;
    f.node = pick;
    n = &schema_.nodes[pick];
  }
  if (!n->starts_with(b)) return Step::Reject;
  switch (n->kind) {
    case SchemaKind::Object:
      f.phase = ObjOpen;
      f.aux = 0;
      return Step::Consumed;
    case SchemaKind::Array:
      if (n->min_items == 0) {
        f.phase = ArrOpen;
        f.count = 0;
        return Step::Consumed;
      }
      f.phase = ArrAfterItem;
      f.count = 1;
      if (s.depth >= kMaxAutomatonStack) return Step::Reject;
      s.frames[s.depth++] = SchemaFrame{n->item};
      return Step::Consumed;
    case SchemaKind::String:
      f.phase = n->format == StringFormat::None ? StrContent : StrFormat;
      f.count = 0;
      f.aux = 0;
      f.utf8_left = f.lo = f.hi = 0;
      return Step::Consumed;
    case SchemaKind::Number:
    case SchemaKind::Integer:
      if (b == '-') {
        f.phase = NumSign;
        return Step::Consumed;
      }
      if (b == '0') {
        f.phase = NumZero;
        return n->kind == SchemaKind::Integer ? Step::Done : Step::Consumed;
      }
      f.phase = NumInt;
      f.count = 1;
      return Step::Consumed;
    case SchemaKind::Literals:
      f.phase = Lit;
      f.count = 0;
      f.mask = n->literals.size() >= 64 ? ~uint64_t{0} : (uint64_t{1} << n->literals.size()) - 1;
      return Step::Retry;
    case SchemaKind::AnyOf: break;
  }
  return Step::Reject;
}

SchemaAutomaton::Step SchemaAutomaton::format_step(SchemaFrame& f, uint8_t b) const {
  const StringFormat format = schema_.nodes[f.node].format;
  const int32_t pos = f.aux;
  const auto next = [&]() {
    ++f.aux;
    return Step::Consumed;
  };
  if (format == StringFormat::Email) {
    switch (f.aux) {
      case 0:
      case 1:
        if (is_alnum(b) || b == '_' || b == '+' || b == '-') {
          f.aux = 1;
          return Step::Consumed;
        }
        if (f.aux == 1 && b == '.') {
          f.aux = 0;
          return Step::Consumed;
        }
        if (f.aux == 1 && b == '@') {
          f.aux = 2;
          f.lo = 0;
          return Step::Consumed;
        }
        return Step::Reject;
      case 2:
        if (!is_alnum(b)) return Step::Reject;
        f.aux = 3;
        f.count = 1;
        f.hi = is_alpha(b);
        return Step::Consumed;
      default:
        if (is_alnum(b)) {
          ++f.count;
          f.hi = f.hi && is_alpha(b);
          return Step::Consumed;
        }
        if (b == '.') {
          f.aux = 2;
          f.lo = 1;
          return Step::Consumed;
        }
        if (b == '"' && email_remaining(f) == 1) return Step::Done;
        return Step::Reject;
    }
  }
  // Date part, shared by date and date-time: YYYY-MM-DD (years 1000-2999). count: month, lo: first day digit.
  if (pos < 10) {
    switch (pos) {
      case 0: return (b == '1' || b == '2') ? next() : Step::Reject;
      case 1: case 2: case 3: return is_digit(b) ? next() : Step::Reject;
      case 4: case 7: return b == '-' ? next() : Step::Reject;
      case 5:
        if (b != '0' && b != '1') return Step::Reject;
        f.count = (b - '0') * 10;
        return next();
      case 6: {
        if (!is_digit(b)) return Step::Reject;
        const int month = f.count + (b - '0');
        if (month < 1 || month > 12) return Step::Reject;
        f.count = month;
        return next();
      }
      case 8:
        if (!is_digit(b) || (b - '0') * 10 > days_in_month(f.count)) return Step::Reject;
        f.lo = static_cast<uint8_t>(b - '0');
        return next();
      default: {
        if (!is_digit(b)) return Step::Reject;
        const int day = f.lo * 10 + (b - '0');
        if (day < 1 || day > days_in_month(f.count)) return Step::Reject;
        return next();
      }
    }
  }
  if (format == StringFormat::Date) return b == '"' ? Step::Done : Step::Reject;
  // Time part: THH:MM:SS(.f{1,6})?(Z|[+-]HH:MM). lo: previous digit; hi: fraction digits.
  switch (pos) {
    case 10: return b == 'T' ? next() : Step::Reject;
    case 11: case 23:
      if (b < '0' || b > '2') return Step::Reject;
      f.lo = static_cast<uint8_t>(b - '0');
      return next();
    case 12: case 24:
      if (!is_digit(b) || f.lo * 10 + (b - '0') > 23) return Step::Reject;
      return next();
    case 13: case 16: case 25: return b == ':' ? next() : Step::Reject;
    case 14: case 17: case 26: return (b >= '0' && b <= '5') ? next() : Step::Reject;
    case 15: case 18: case 27: return is_digit(b) ? next() : Step::Reject;
    case 19:
    case 21:
      if (pos == 19 && b == '.') {
        f.aux = 20;
        return Step::Consumed;
      }
      if (pos == 21 && is_digit(b) && f.hi < kMaxFractionDigits) {
        ++f.hi;
        return Step::Consumed;
      }
      if (b == 'Z') {
        f.aux = 22;
        return Step::Consumed;
      }
      if (b == '+' || b == '-') {
        f.aux = 23;
        return Step::Consumed;
      }
      return Step::Reject;
    case 20:
      if (!is_digit(b)) return Step::Reject;
      f.hi = 1;
      f.aux = 21;
      return Step::Consumed;
    case 22:
    case 28: return b == '"' ? Step::Done : Step::Reject;
    default: return Step::Reject;
  }
}

SchemaAutomaton::Step SchemaAutomaton::step_frame(SchemaState& s, uint8_t b) const {
  SchemaFrame& f = s.frames[s.depth - 1];
  const SchemaNode& n = schema_.nodes[f.node];
  switch (f.phase) {
    case Start: return start(s, f, b);
    case ObjOpen:
    case ObjComma: {
      const int32_t n_props = static_cast<int32_t>(n.properties.size());
      if (b == '}' && f.phase == ObjOpen && n.tail_required[f.aux] == 0) return Step::Done;
      if (b != '"') return Step::Reject;
      f.mask = 0;
      for (int32_t i = f.aux; i < n_props; ++i) {
        f.mask |= uint64_t{1} << i;
        if (n.properties[i].required) break;
      }
      if (f.mask == 0) return Step::Reject;
      f.phase = ObjKey;
      f.count = 1;  // every key literal starts with '"'
      return Step::Consumed;
    }
    case ObjKey: {
      uint64_t keep = 0;
      int32_t matched = -1;
      for (int32_t i = f.aux; i < static_cast<int32_t>(n.properties.size()); ++i) {
        if (!((f.mask >> i) & 1)) continue;
        const std::string& key = n.properties[i].key_literal;
        if (static_cast<int32_t>(key.size()) > f.count && static_cast<uint8_t>(key[f.count]) == b) {
          keep |= uint64_t{1} << i;
          if (static_cast<int32_t>(key.size()) == f.count + 1) matched = i;
        }
      }
      if (keep == 0) return Step::Reject;
      f.mask = keep;
      ++f.count;
      if (matched >= 0) {
        f.phase = ObjAfterValue;
        f.aux = matched + 1;
        if (s.depth >= kMaxAutomatonStack) return Step::Reject;
        s.frames[s.depth++] = SchemaFrame{n.properties[matched].node};
      }
      return Step::Consumed;
    }
    case ObjAfterValue:
      if (b == ',' && f.aux < static_cast<int32_t>(n.properties.size())) {
        f.phase = ObjComma;
        return Step::Consumed;
      }
      if (b == '}' && n.tail_required[f.aux] == 0) return Step::Done;
      return Step::Reject;
    case ArrOpen:
      if (b == ']') return Step::Done;
      if (n.max_items == 0 || s.depth >= kMaxAutomatonStack) return Step::Reject;
      f.phase = ArrAfterItem;
      f.count = 1;
      s.frames[s.depth++] = SchemaFrame{n.item};
      return Step::Retry;
    case ArrAfterItem:
      if (b == ',' && (n.max_items < 0 || f.count < n.max_items)) {
        if (s.depth >= kMaxAutomatonStack) return Step::Reject;
        ++f.count;
        s.frames[s.depth++] = SchemaFrame{n.item};
        return Step::Consumed;
      }
      if (b == ']' && f.count >= n.min_items) return Step::Done;
      return Step::Reject;
    case StrContent:
      if (f.utf8_left > 0) {
        if (b < f.lo || b > f.hi) return Step::Reject;
        --f.utf8_left;
        f.lo = 0x80;
        f.hi = 0xBF;
        return Step::Consumed;
      }
      if (b == '"') return f.count >= n.min_length ? Step::Done : Step::Reject;
      if (b < 0x20 || (b >= 0x80 && b < 0xC2) || b > 0xF4) return Step::Reject;
      if (n.max_length >= 0 && f.count >= n.max_length) return Step::Reject;
      ++f.count;
      if (b == '\\') {
        f.phase = StrEscape;
      } else if (b >= 0xC2) {
        f.utf8_left = b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
        f.lo = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
        f.hi = b == 0xED ? 0x9F : b == 0xF4 ? 0x8F : 0xBF;
      }
      return Step::Consumed;
    case StrEscape:
      switch (b) {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          f.phase = StrContent;
          return Step::Consumed;
        default: return Step::Reject;
      }
    case StrFormat: return format_step(f, b);
    case NumSign:
      if (b == '0') {
        f.phase = NumZero;
        return n.kind == SchemaKind::Integer ? Step::Done : Step::Consumed;
      }
      if (!is_digit(b)) return Step::Reject;
      f.phase = NumInt;
      f.count = 1;
      return Step::Consumed;
    case NumZero:
      if (b == '.' && n.kind == SchemaKind::Number) {
        f.phase = NumDot;
        return Step::Consumed;
      }
      return Step::Pass;
    case NumInt:
      if (is_digit(b) && f.count < kMaxIntegerDigits) {
        ++f.count;
        return (n.kind == SchemaKind::Integer && f.count == kMaxIntegerDigits) ? Step::Done : Step::Consumed;
      }
      if (b == '.' && n.kind == SchemaKind::Number) {
        f.phase = NumDot;
        return Step::Consumed;
      }
      return Step::Pass;
    case NumDot:
      if (!is_digit(b)) return Step::Reject;
      f.phase = NumFrac;
      f.count = 1;
      return Step::Consumed;
    case NumFrac:
      if (is_digit(b) && f.count < kMaxFractionDigits) {
        ++f.count;
        return f.count == kMaxFractionDigits ? Step::Done : Step::Consumed;
      }
      return Step::Pass;
    case Lit: {
      uint64_t keep = 0;
      bool longer = false, full = false;
      for (size_t i = 0; i < n.literals.size(); ++i) {
        if (!((f.mask >> i) & 1)) continue;
        const std::string& lit = n.literals[i];
        if (static_cast<int32_t>(lit.size()) > f.count && static_cast<uint8_t>(lit[f.count]) == b) {
          keep |= uint64_t{1} << i;
          if (static_cast<int32_t>(lit.size()) == f.count + 1) full = true;
          else longer = true;
        }
      }
      if (keep == 0) return accepting(f) ? Step::Pass : Step::Reject;
      f.mask = keep;
      ++f.count;
      return (full && !longer) ? Step::Done : Step::Consumed;
    }
    default: return Step::Reject;
  }
}

bool SchemaAutomaton::step(SchemaState& s, uint8_t b) const {
  while (s.depth > 0) {
    switch (step_frame(s, b)) {
      case Step::Consumed: return true;
      case Step::Done: --s.depth; return true;
      case Step::Pass: --s.depth; continue;
      case Step::Retry: continue;
      case Step::Reject: return false;
    }
  }
  return false;  // nothing may follow a complete value
}

int32_t SchemaAutomaton::frame_remaining(const SchemaFrame& f, bool top) const {
  const SchemaNode& n = schema_.nodes[f.node];
  const auto object_close = [&](int32_t from) {
    return n.tail_required[from] > 0 ? n.tail_bytes[from] + n.tail_required[from] + 1 : 1;
  };
  switch (f.phase) {
    case Start: return top ? n.min_bytes : 0;
    case ObjOpen: return n.tail_bytes[f.aux] + std::max(0, n.tail_required[f.aux] - 1) + 1;
    case ObjComma: {
      if (n.tail_required[f.aux] > 0) return n.tail_bytes[f.aux] + n.tail_required[f.aux];
      int32_t best = INT32_MAX;
      for (size_t i = f.aux; i < n.properties.size(); ++i)
        best = std::min(best, static_cast<int32_t>(n.properties[i].key_literal.size()) +
                                  schema_.nodes[n.properties[i].node].min_bytes + 1);
      return best;
    }
    case ObjKey: {
      int32_t best = INT32_MAX;
      for (size_t i = f.aux; i < n.properties.size(); ++i) {
        if (!((f.mask >> i) & 1)) continue;
        const SchemaProperty& p = n.properties[i];
        best = std::min(best, static_cast<int32_t>(p.key_literal.size()) - f.count +
                                  schema_.nodes[p.node].min_bytes + object_close(static_cast<int32_t>(i) + 1));
      }
      return best;
    }
    case ObjAfterValue: return object_close(f.aux);
    case ArrOpen: return 1;
    case ArrAfterItem:
      return std::max(0, n.min_items - f.count) * (1 + schema_.nodes[n.item].min_bytes) + 1;
    case StrContent: return f.utf8_left + std::max(0, n.min_length - f.count) + 1;
    case StrEscape: return 1 + std::max(0, n.min_length - f.count) + 1;
    case StrFormat:
      if (n.format == StringFormat::Email) return email_remaining(f);
      if (f.aux < 19) return (n.format == StringFormat::Date ? 10 - f.aux : 20 - f.aux) + 1;
      switch (f.aux) {
        case 19: case 21: return 2;
        case 20: return 3;
        case 22: case 28: return 1;
        default: return 6 - (f.aux - 23);
      }
    case NumSign: case NumDot: return 1;
    case NumZero: case NumInt: case NumFrac: return 0;
    case Lit: {
      int32_t best = INT32_MAX;
      for (size_t i = 0; i < n.literals.size(); ++i)
        if ((f.mask >> i) & 1) best = std::min(best, static_cast<int32_t>(n.literals[i].size()) - f.count);
      return best;
    }
    default: return 0;
  }
}

int32_t SchemaAutomaton::min_remaining(const SchemaState& s) const {
  int32_t total = 0;
  for (int32_t i = 0; i < s.depth; ++i) total += frame_remaining(s.frames[i], i + 1 == s.depth);
  return total;
}

}  // namespace lectern::runtime
