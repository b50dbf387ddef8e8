// test_model_vocab.cpp: BPE merges learned from a small embedded text, the added tokens, and the HF JSON files.
#include "model/test_model_vocab.h"

#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <utility>

#include "text/bpe_byte_level.h"

namespace lectern::model {

const char* const k_qwen35_pretokenizer_regex =
    R"((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)";

const char* const k_test_chat_template =
    "{#- Lectern test-model chat template: Qwen3.5 ChatML with think blocks; text only. -#}\n"
    "{%- if messages and messages[0].role == 'system' %}\n"
    "    {{- '<|im_start|>system\\n' + messages[0].content | trim + '<|im_end|>\\n' }}\n"
    "{%- endif %}\n"
    "{%- for message in messages %}\n"
    "    {%- if message.role == 'user' %}\n"
    "        {{- '<|im_start|>user\\n' + message.content | trim + '<|im_end|>\\n' }}\n"
    "    {%- elif message.role == 'assistant' %}\n"
    "        {%- set answer = message.content | trim %}\n"
    "        {%- if '</think>' in answer %}\n"
    "            {%- set answer = answer.split('</think>')[-1] | trim %}\n"
    "        {%- endif %}\n"
    "        {{- '<|im_start|>assistant\\n' + answer + '<|im_end|>\\n' }}\n"
    "    {%- elif message.role != 'system' %}\n"
    "        {{- raise_exception('Unexpected message role.') }}\n"
    "    {%- endif %}\n"
    "{%- endfor %}\n"
    "{%- if add_generation_prompt %}\n"
    "    {{- '<|im_start|>assistant\\n' }}\n"
    "    {%- if enable_thinking is defined and enable_thinking is true %}\n"
    "        {{- '<think>\\n' }}\n"
    "    {%- else %}\n"
    "        {{- '<think>\\n\\n</think>\\n\\n' }}\n"
    "    {%- endif %}\n"
    "{%- endif %}\n";

namespace {

// Training text, written for this purpose: everyday English about documents and small tasks.
constexpr const char* k_corpus = R"(
The library opens at nine in the morning and closes at six in the evening. Readers who arrive early often
sit by the window with a cup of tea and a stack of papers. A good reading room is quiet, bright and warm,
and it has enough tables for everyone who wants to work. The staff keep the shelves in order and answer
questions about books, maps, letters and old newspapers.
When you read a long report, start with the summary, then look at the tables and the figures. Write down
the numbers that matter: the date, the total, the name of the person who signed it, and the page where the
result appears. If two pages disagree, check the source again before you trust either of them. Notes that
are short and clear are easier to search later than notes that try to say everything at once.
In the garden behind the house there are tomatoes, beans, lettuce and a few herbs in pots. The plants need
water every morning in summer, and a little less when the weather turns cool in the autumn. On hot days the
soil dries quickly, so it helps to cover it with straw. Children like to pick the first ripe tomatoes and
count how many they found; last year they counted forty two before the end of July.
A simple plan for the week: on Monday, sort the invoices and file the receipts; on Tuesday, answer the
letters that are still open; on Wednesday, read the new contract and mark the questions; on Thursday, call
the customers who asked for a price; on Friday, write a short report about what was done and what remains.
The train leaves the station at ten past eight and arrives in the city forty minutes later. Passengers
read, talk, look out of the window or close their eyes for a moment. The conductor walks through the
carriages and checks the tickets, and the people who travel every day know each other by name.
Questions and answers: What is the capital of the country? Where is the nearest shop? How much does it
cost? Which document should I sign first? Can you explain the difference between the two versions? Thank
you for your help, and please let me know if there is anything else I should read before the meeting.
Numbers and dates appear everywhere: 12 March, 3.5 kilograms, 250 grams, 1,000 words, 7 days, 24 hours,
the year 2024, page 18, chapter 4, room 101. Careful readers write them exactly as they appear.
The kitchen smells of fresh bread in the morning. Someone has already made coffee, and the radio plays quietly
while the children look for their shoes. There is a list on the door of the fridge: milk, eggs, apples,
flour, butter, rice, and something for dinner on Saturday when the grandparents come to visit.
Every invoice should show the name of the company, the address, the date of the order, the number of items,
the price of each item, the tax and the total amount. If something is missing, the accounting team writes a
short message and asks for a corrected version. Most questions are answered within two working days.
The weather report says that the rain will stop in the afternoon and that the evening will be clear and cold.
People walk their dogs along the river, cyclists ride home from work, and the lights in the windows come on
one after another as the streets grow dark and quiet.
)";

// GPT-2 order of the 256 byte symbols: printable Latin-1 first (as bytes_to_unicode lists them), then the rest.
std::vector<uint8_t> byte_symbol_order() {
  std::vector<uint8_t> order;
  for (int b = '!'; b <= '~'; ++b) order.push_back(static_cast<uint8_t>(b));
  for (int b = 0xA1; b <= 0xAC; ++b) order.push_back(static_cast<uint8_t>(b));
  for (int b = 0xAE; b <= 0xFF; ++b) order.push_back(static_cast<uint8_t>(b));
  for (int b = 0; b < 256; ++b)
    if (std::find(order.begin(), order.end(), static_cast<uint8_t>(b)) == order.end()) order.push_back(static_cast<uint8_t>(b));
  return order;
}

bool is_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// A simplified version of the pre-tokenizer regex (enough for training): " word", single digits,
// " punctuation", whitespace runs.
std::vector<std::string> pre_split(const std::string& text) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    if (is_letter(c) || (c == ' ' && is_letter(next))) {
      ++i;
      while (i < text.size() && is_letter(static_cast<unsigned char>(text[i]))) ++i;
    } else if (is_digit(c)) {
      ++i;
    } else if (!is_space(c) || (c == ' ' && next != 0 && !is_space(next) && !is_letter(next) && !is_digit(next))) {
      ++i;
      while (i < text.size()) {
        unsigned char d = static_cast<unsigned char>(text[i]);
        if (is_space(d) || is_letter(d) || is_digit(d)) break;
        ++i;
      }
    } else {
      while (i < text.size() && is_space(static_cast<unsigned char>(text[i]))) ++i;
    }
    out.push_back(text.substr(start, i - start));
  }
  return out;
}

// Classic BPE training: repeatedly merge the most frequent adjacent pair (ties: smallest pair, for determinism).
std::vector<std::pair<std::string, std::string>> train_merges(const std::string& text, int max_merges) {
  std::map<std::string, int> word_counts;
  for (const std::string& w : pre_split(text)) ++word_counts[w];
  std::vector<std::pair<std::vector<std::string>, int>> words;
  for (const auto& [w, n] : word_counts) {
    std::vector<std::string> symbols;
    for (unsigned char b : w) symbols.push_back(text::byte_to_vocab_piece(b));
    words.emplace_back(std::move(symbols), n);
  }
  std::vector<std::pair<std::string, std::string>> merges;
  for (int m = 0; m < max_merges; ++m) {
    std::map<std::pair<std::string, std::string>, int> pairs;
    for (const auto& [symbols, n] : words)
      for (size_t i = 0; i + 1 < symbols.size(); ++i) pairs[{symbols[i], symbols[i + 1]}] += n;
    const std::pair<std::string, std::string>* best = nullptr;
    int best_n = 1;
    for (const auto& [p, n] : pairs)
      if (n > best_n) best = &p, best_n = n;  // std::map order breaks ties by the smallest pair
    if (!best) break;
    auto merge = *best;
    merges.push_back(merge);
    for (auto& [symbols, n] : words) {
      std::vector<std::string> merged;
      for (size_t i = 0; i < symbols.size(); ++i) {
        if (i + 1 < symbols.size() && symbols[i] == merge.first && symbols[i + 1] == merge.second) {
          merged.push_back(merge.first + merge.second);
          ++i;
        } else {
          merged.push_back(symbols[i]);
        }
      }
      symbols = std::move(merged);
    }
  }
  return merges;
}

struct AddedToken {
  const char* text;
  bool special;
};

// qwen35.md §5.3, in id order. Special flags follow the Qwen3 convention the golden tokenizers use:
// think/tool markers and the FIM/repo tokens are not special.
constexpr AddedToken k_added[] = {
    {"<|endoftext|>", true},        {"<|im_start|>", true},          {"<|im_end|>", true},
    {"<|object_ref_start|>", true}, {"<|object_ref_end|>", true},    {"<|box_start|>", true},
    {"<|box_end|>", true},          {"<|quad_start|>", true},        {"<|quad_end|>", true},
    {"<|vision_start|>", true},     {"<|vision_end|>", true},        {"<|vision_pad|>", true},
    {"<|image_pad|>", true},        {"<|video_pad|>", true},         {"<tool_call>", false},
    {"</tool_call>", false},        {"<|fim_prefix|>", false},       {"<|fim_middle|>", false},
    {"<|fim_suffix|>", false},      {"<|fim_pad|>", false},          {"<|repo_name|>", false},
    {"<|file_sep|>", false},        {"<tool_response>", false},      {"</tool_response>", false},
    {"<think>", false},             {"</think>", false},             {"<|audio_start|>", true},
    {"<|audio_end|>", true},        {"<tts_pad>", true},             {"<tts_text_bos>", true},
    {"<tts_text_eod>", true},       {"<tts_text_bos_single>", true}, {"<|audio_pad|>", true},
};
static_assert(std::size(k_added) == 33);

constexpr int k_max_merges = 400;

}  // namespace

TestVocab build_test_vocab(uint32_t n_rows) {
  TestVocab v;
  for (uint8_t b : byte_symbol_order()) v.tokens.push_back(text::byte_to_vocab_piece(b));
  std::set<std::string> known(v.tokens.begin(), v.tokens.end());
  for (const auto& [a, b] : train_merges(k_corpus, k_max_merges)) {
    v.merges.push_back(a + " " + b);
    // Two merge paths can spell the same token ("a"+"bc", "ab"+"c"); it gets one id.
    if (known.insert(a + b).second) v.tokens.push_back(a + b);
  }
  v.n_bpe = static_cast<int32_t>(v.tokens.size());
  v.types.assign(v.tokens.size(), 1);
  v.special.assign(v.tokens.size(), false);
  for (const AddedToken& a : k_added) {
    std::string t = a.text;
    const bool control_shape = t.size() > 4 && t.rfind("<|", 0) == 0 && t.compare(t.size() - 2, 2, "|>") == 0;
    if (t == "<|im_end|>") v.eos_id = static_cast<int32_t>(v.tokens.size());
    if (t == "<|endoftext|>") v.pad_id = static_cast<int32_t>(v.tokens.size());
    v.tokens.push_back(t);
    v.types.push_back(a.special || control_shape ? 3 : 4);
    v.special.push_back(a.special);
  }
  v.n_real = static_cast<int32_t>(v.tokens.size());
  for (uint32_t id = static_cast<uint32_t>(v.n_real); id < n_rows; ++id) {
    v.tokens.push_back("[PAD" + std::to_string(id) + "]");
    v.types.push_back(5);
    v.special.push_back(false);
  }
  return v;
}

std::string test_vocab_tokenizer_json(const TestVocab& v) {
  using nlohmann::ordered_json;
  ordered_json added = ordered_json::array();
  for (int32_t id = v.n_bpe; id < v.n_real; ++id)
    added.push_back({{"id", id}, {"content", v.tokens[id]}, {"single_word", false}, {"lstrip", false},
                     {"rstrip", false}, {"normalized", false}, {"special", static_cast<bool>(v.special[id])}});
  ordered_json vocab = ordered_json::object();
  for (int32_t id = 0; id < v.n_bpe; ++id) vocab[v.tokens[id]] = id;
  ordered_json merges = ordered_json::array();
  for (const std::string& m : v.merges) {
    size_t sp = m.find(' ');
    merges.push_back({m.substr(0, sp), m.substr(sp + 1)});
  }
  const ordered_json byte_level = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", false},
                                   {"use_regex", false}};
  ordered_json j = {
      {"version", "1.0"},
      {"truncation", nullptr},
      {"padding", nullptr},
      {"added_tokens", added},
      {"normalizer", {{"type", "NFC"}}},
      {"pre_tokenizer",
       {{"type", "Sequence"},
        {"pretokenizers",
         {{{"type", "Split"}, {"pattern", {{"Regex", k_qwen35_pretokenizer_regex}}}, {"behavior", "Isolated"}, {"invert", false}},
          byte_level}}}},
      {"post_processor", byte_level},
      {"decoder", byte_level},
      {"model",
       {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"continuing_subword_prefix", ""},
        {"end_of_word_suffix", ""}, {"fuse_unk", false}, {"byte_fallback", false}, {"ignore_merges", false},
        {"vocab", vocab}, {"merges", merges}}},
  };
  return j.dump(1);
}

std::string test_vocab_tokenizer_config_json(const TestVocab& v) {
  using nlohmann::ordered_json;
  ordered_json decoder = ordered_json::object();
  for (int32_t id = v.n_bpe; id < v.n_real; ++id)
    decoder[std::to_string(id)] = {{"content", v.tokens[id]}, {"lstrip", false}, {"normalized", false},
                                   {"rstrip", false}, {"single_word", false}, {"special", static_cast<bool>(v.special[id])}};
  ordered_json j = {
      {"add_bos_token", false},
      {"add_prefix_space", false},
      {"added_tokens_decoder", decoder},
      {"bos_token", nullptr},
      {"chat_template", k_test_chat_template},
      {"clean_up_tokenization_spaces", false},
      {"eos_token", v.tokens[v.eos_id]},
      {"errors", "replace"},
      {"model_max_length", 262144},
      {"pad_token", v.tokens[v.pad_id]},
      {"split_special_tokens", false},
      {"tokenizer_class", "Qwen2Tokenizer"},
      {"unk_token", nullptr},
  };
  return j.dump(2);
}

}  // namespace lectern::model
