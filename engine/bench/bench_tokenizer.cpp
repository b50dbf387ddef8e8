// bench_tokenizer.cpp: single-thread tokenizer throughput on >= 2 MB of generated mixed text (prose, code, CJK,
// emoji, numbers), with the golden Qwen3 tokenizer. Usage: lectern-bench-tokenizer [TOKENIZER_DIR] [MIB]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "lectern/tokenizer.h"

namespace {

const char* const kProse[] = {
    "The committee reviewed the quarterly report and asked for a clearer breakdown of the travel expenses.",
    "She walked along the river until the city lights faded behind the hills.",
    "Nobody expected the old library to reopen, yet on Monday morning the doors were unlocked again.",
    "If the invoice is not paid within thirty days, a reminder will be sent automatically.",
    "Photosynthesis converts light energy into chemical energy stored in glucose.",
    "He couldn't remember whether he'd locked the car, so he went back to check.",
    "The results, however, were inconsistent with the hypothesis proposed in the earlier study.",
    "Please find attached the signed contract; let me know if anything is missing.",
    "Despite the rain, thousands of people gathered in the square to hear the announcement.",
    "Our analysis suggests that smaller models can match larger ones on narrow, well-defined tasks.",
    "It's the kind of place where everyone knows your name and nobody minds if you stay late.",
    "THE TERMS AND CONDITIONS APPLY TO ALL PURCHASES MADE THROUGH THE ONLINE STORE.",
};

const char* const kCode[] = {
    "for (size_t i = 0; i < items.size(); ++i) {\n    total += items[i].price * items[i].quantity;\n}\n",
    "def parse_header(line: str) -> dict:\n    key, _, value = line.partition(':')\n    return {key.strip(): "
    "value.strip()}\n",
    "{\"id\": 4821, \"name\": \"Widget\", \"tags\": [\"blue\", \"small\"], \"price\": 12.5, \"stock\": null}\n",
    "SELECT customer_id, SUM(amount) AS total FROM orders WHERE created_at >= '2024-01-01' GROUP BY "
    "customer_id;\n",
    "if (!status.is_ok()) {\n\treturn status.with_context(\"loading \" + path.string());\n}\n",
    "const result = await fetch(`${baseUrl}/api/v2/users?page=${page}`).then((r) => r.json());\n",
    "    #[derive(Debug, Clone)]\n    pub struct Config { pub threads: usize, pub verbose: bool }\n",
};

const char* const kCjk[] = {
    "通义千问是阿里巴巴开发的大语言模型。",
    "今天天气很好，我们去公园散步吧。",
    "请在下周五之前提交季度财务报告，并附上所有发票的扫描件。",
    "日本語のテキスト、カタカナとひらがなが混ざっています。",
    "会議は午後三時から始まりますので、資料を準備してください。",
    "한국어 문장도 포함되어 있습니다. 감사합니다!",
    "机器学习模型需要大量的数据进行训练，但数据质量同样重要。",
};

const char* const kEmoji[] = {"😀", "🎉", "👍", "👍🏽", "❤️", "🚀", "🙏", "🤖", "✅", "🔥", "👨‍👩‍👧", "🇩🇪"};

const char* const kWords[] = {"alpha", "budget", "channel", "delta", "engine", "filter", "gamma", "harbor",
                              "index",  "jungle", "kernel",  "lemon", "matrix", "nickel", "orbit", "pixel"};

// Deterministic mixed text of at least n_bytes.
std::string make_text(size_t n_bytes) {
  std::mt19937 rng(20240601);
  auto pick = [&](auto& list) { return list[rng() % (sizeof(list) / sizeof(list[0]))]; };
  std::uniform_int_distribution<int> han(0x4E00, 0x9FA5);
  std::string text;
  text.reserve(n_bytes + 4096);
  while (text.size() < n_bytes) {
    switch (rng() % 8) {
      case 0: case 1: case 2:  // prose paragraph with an occasional number
        for (int s = 0; s < 4; ++s) {
          text += pick(kProse);
          text += rng() % 3 == 0 ? " (" + std::to_string(rng() % 100000) + ") " : " ";
        }
        text += "\n\n";
        break;
      case 3:  // code with a random identifier
        text += pick(kCode);
        text += "auto " + std::string(pick(kWords)) + "_" + pick(kWords) + " = " + std::to_string(rng() % 1000) + ";\n";
        break;
      case 4:  // CJK sentences plus a few random ideographs
        text += pick(kCjk);
        for (int k = 0; k < 6; ++k) {
          const char32_t c = static_cast<char32_t>(han(rng));
          text += static_cast<char>(0xE0 | (c >> 12));
          text += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
          text += static_cast<char>(0x80 | (c & 0x3F));
        }
        text += "。\n";
        break;
      case 5:  // chat-like line with emoji
        text += "Thanks for the update ";
        text += pick(kEmoji);
        text += pick(kEmoji);
        text += " see you at " + std::to_string(rng() % 24) + ":" + std::to_string(10 + rng() % 50) + "!\n";
        break;
      case 6:  // numbers, prices, dates
        text += "Invoice #INV-" + std::to_string(2020 + rng() % 7) + "-" + std::to_string(rng() % 10000) +
                " total: $" + std::to_string(rng() % 100000) + "." + std::to_string(10 + rng() % 90) + " due " +
                std::to_string(2024 + rng() % 3) + "-" + std::to_string(1 + rng() % 12) + "-" +
                std::to_string(1 + rng() % 28) + "\n";
        break;
      default:  // mixed line
        text += std::string(pick(kWords)) + " " + pick(kCjk) + " " + pick(kEmoji) + " " + std::to_string(rng()) +
                "\n";
        break;
    }
  }
  return text;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  const std::string dir = argc > 1 ? argv[1] : std::string(LECTERN_GOLDEN_DIR) + "/tokenizer-qwen3";
  const double mib = argc > 2 ? std::atof(argv[2]) : 4.0;
  if (mib < 0.01) {
    std::fprintf(stderr, "usage: lectern-bench-tokenizer [TOKENIZER_DIR] [MIB >= 0.01]\n");
    return 2;
  }
  const std::string text = make_text(static_cast<size_t>(mib * 1024 * 1024));

  auto t0 = std::chrono::steady_clock::now();
  auto tokenizer = lectern::Tokenizer::from_hf_folder(dir);
  const double load_s = seconds_since(t0);
  if (!tokenizer) {
    std::fprintf(stderr, "lectern-bench-tokenizer: %s\n", tokenizer.status().to_string().c_str());
    return 1;
  }

  // First pass: cold word cache, like the first prompt of a session. Second pass: warm cache.
  double pass_s[2];
  size_t n_tokens = 0;
  for (int pass = 0; pass < 2; ++pass) {
    t0 = std::chrono::steady_clock::now();
    auto ids = tokenizer->encode(text);
    pass_s[pass] = seconds_since(t0);
    if (!ids) {
      std::fprintf(stderr, "lectern-bench-tokenizer: %s\n", ids.status().to_string().c_str());
      return 1;
    }
    n_tokens = ids->size();
  }
  auto ids = tokenizer->encode(text);
  t0 = std::chrono::steady_clock::now();
  auto decoded = tokenizer->decode(*ids);
  const double decode_s = seconds_since(t0);
  const double mb = static_cast<double>(text.size()) / 1e6;
  std::printf("tokenizer %s loaded in %.3f s\n", dir.c_str(), load_s);
  std::printf("text: %.2f MB, %zu tokens (%.2f bytes/token)\n", mb, n_tokens, text.size() / double(n_tokens));
  std::printf("encode cold cache: %.3f s = %.2f MB/s\n", pass_s[0], mb / pass_s[0]);
  std::printf("encode warm cache: %.3f s = %.2f MB/s\n", pass_s[1], mb / pass_s[1]);
  std::printf("decode:            %.3f s = %.2f MB/s, round trip %s\n", decode_s, mb / decode_s,
              decoded && *decoded == text ? "exact" : "DIFFERS");
  return 0;
}
