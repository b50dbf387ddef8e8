// test_chat_output_parser.cpp: splitting generated text into reasoning / answer / qwen3_coder tool calls, for whole
// and streamed text, with hand-written expectations; malformed XML must stay text and never crash.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "lectern/chat.h"

using namespace lectern;
using Json = nlohmann::ordered_json;

namespace {

Json args_of(const ToolCall& call) { return Json::parse(call.arguments_json); }

const std::string kWeatherCall =
    "<tool_call>\n<function=get_weather>\n<parameter=city>\nZürich\n</parameter>\n"
    "<parameter=days>\n3\n</parameter>\n</function>\n</tool_call>";

}  // namespace

TEST(ChatOutputParser, ThinkingPrefilled) {
  auto out = parse_assistant_output("The user wants a sum.\n2+2 is 4.\n</think>\n\nIt is 4.", true);
  EXPECT_EQ(out.reasoning, "The user wants a sum.\n2+2 is 4.");
  EXPECT_EQ(out.content, "It is 4.");
  EXPECT_TRUE(out.reasoning_complete);
  EXPECT_TRUE(out.tool_calls.empty());
  EXPECT_EQ(out.phase, AssistantPhase::Answer);
}

TEST(ChatOutputParser, StillThinkingOrTruncated) {
  auto out = parse_assistant_output("Let me think about", true);
  EXPECT_EQ(out.reasoning, "Let me think about");
  EXPECT_EQ(out.content, "");
  EXPECT_FALSE(out.reasoning_complete);
  EXPECT_EQ(out.phase, AssistantPhase::Reasoning);

  auto empty = parse_assistant_output("", true);
  EXPECT_EQ(empty.phase, AssistantPhase::Reasoning);
  EXPECT_EQ(empty.reasoning, "");
}

TEST(ChatOutputParser, NoThinking) {
  auto out = parse_assistant_output("  Paris is the capital.\n", false);
  EXPECT_EQ(out.reasoning, "");
  EXPECT_EQ(out.content, "Paris is the capital.");
  EXPECT_FALSE(out.reasoning_complete);
  EXPECT_EQ(out.phase, AssistantPhase::Answer);
  // A stray </think> without thinking is answer text; stop tokens left in the text are dropped.
  EXPECT_EQ(parse_assistant_output("a </think> b<|im_end|>", false).content, "a </think> b");
}

TEST(ChatOutputParser, ModelOpensItsOwnThinkBlock) {
  auto out = parse_assistant_output("\n<think>\nhmm\n</think>\n\nanswer", false);
  EXPECT_EQ(out.reasoning, "hmm");
  EXPECT_EQ(out.content, "answer");
  EXPECT_TRUE(out.reasoning_complete);
  // A repeated <think> after a prefilled one is not part of the reasoning.
  EXPECT_EQ(parse_assistant_output("<think>\nhmm</think>ok", true).reasoning, "hmm");
}

TEST(ChatOutputParser, OneToolCall) {
  auto out = parse_assistant_output("I will check.\n</think>\n\n" + kWeatherCall, true);
  EXPECT_EQ(out.reasoning, "I will check.");
  EXPECT_EQ(out.content, "");
  ASSERT_EQ(out.tool_calls.size(), 1u);
  EXPECT_EQ(out.tool_calls[0].name, "get_weather");
  EXPECT_EQ(args_of(out.tool_calls[0]), Json::parse(R"({"city": "Zürich", "days": 3})"));
  EXPECT_EQ(args_of(out.tool_calls[0]).begin().key(), "city");  // parameter order kept
}

TEST(ChatOutputParser, SeveralCallsAndTextAround) {
  auto out = parse_assistant_output(
      "Checking both.\n\n" + kWeatherCall +
          "\n<tool_call>\n<function=noargs>\n</function>\n</tool_call>",
      false);
  EXPECT_EQ(out.content, "Checking both.");
  ASSERT_EQ(out.tool_calls.size(), 2u);
  EXPECT_EQ(out.tool_calls[0].name, "get_weather");
  EXPECT_EQ(out.tool_calls[1].name, "noargs");
  EXPECT_EQ(args_of(out.tool_calls[1]), Json::object());
}

TEST(ChatOutputParser, ParameterValueTypes) {
  auto out = parse_assistant_output(
      "<tool_call>\n<function=f>\n"
      "<parameter=i>\n42\n</parameter>\n<parameter=x>\n-1.5e3\n</parameter>\n<parameter=b>\ntrue\n</parameter>\n"
      "<parameter=n>\nnull\n</parameter>\n<parameter=o>\n{\"deep\": [1, 2]}\n</parameter>\n"
      "<parameter=s>\nhello world\n</parameter>\n<parameter=q>\n\"quoted\"\n</parameter>\n"
      "<parameter=m>\nline one\n\nline three\n</parameter>\n<parameter=e>\n\n</parameter>\n"
      "<parameter=t>\nTrue\n</parameter>\n<parameter=z>\n007\n</parameter>\n"
      "</function>\n</tool_call>",
      false);
  ASSERT_EQ(out.tool_calls.size(), 1u) << out.content;
  Json args = args_of(out.tool_calls[0]);
  EXPECT_EQ(args["i"], Json(42));
  EXPECT_EQ(args["x"], Json(-1500.0));
  EXPECT_EQ(args["b"], Json(true));
  EXPECT_TRUE(args["n"].is_null());
  EXPECT_EQ(args["o"], Json::parse(R"({"deep": [1, 2]})"));
  EXPECT_EQ(args["s"], Json("hello world"));
  EXPECT_EQ(args["q"], Json("\"quoted\""));  // a JSON string literal is kept as written
  EXPECT_EQ(args["m"], Json("line one\n\nline three"));
  EXPECT_EQ(args["e"], Json(""));
  EXPECT_EQ(args["t"], Json("True"));  // Python spelling is not JSON: stays text
  EXPECT_EQ(args["z"], Json("007"));   // not a JSON number
}

TEST(ChatOutputParser, MalformedToolCallsStayText) {
  const std::string bad[] = {
      "<tool_call>\n<function=f>\n<parameter=a>\n1\n</function>\n</tool_call>",          // no </parameter>
      "<tool_call>\n<parameter=a>\n1\n</parameter>\n</tool_call>",                       // no <function=
      "<tool_call>\n<function=f>\n</function>\ntrailing words\n</tool_call>",            // text after </function>
      "<tool_call>\n<function=>\n</function>\n</tool_call>",                             // empty name
      "<tool_call>\n<function=f\n</function>\n</tool_call>",                             // name never closed
      "<tool_call>\n<function=f>\n<parameter=a>\n1\n</parameter>\n</tool_call>",         // no </function>
      "<tool_call>\n<function=f>\n<parameter=a>\n1\n</parameter>\n</function>",          // never closed (final)
      "<tool_call></tool_call>",
  };
  for (const std::string& text : bad) {
    SCOPED_TRACE(text);
    auto out = parse_assistant_output("Before. " + text, false);
    EXPECT_TRUE(out.tool_calls.empty());
    EXPECT_EQ(out.content, "Before. " + text);
    EXPECT_EQ(out.phase, AssistantPhase::Answer);
  }
  // A malformed block does not hide a good one after it.
  auto mixed = parse_assistant_output("<tool_call>\nbroken\n</tool_call>\n" + kWeatherCall, false);
  EXPECT_EQ(mixed.content, "<tool_call>\nbroken\n</tool_call>");
  ASSERT_EQ(mixed.tool_calls.size(), 1u);
  // Tool-call syntax inside the reasoning is not a call.
  auto in_reasoning = parse_assistant_output(kWeatherCall + "\n</think>\n\nNo call.", true);
  EXPECT_TRUE(in_reasoning.tool_calls.empty());
  EXPECT_EQ(in_reasoning.content, "No call.");
}

TEST(ChatOutputParser, InvalidUtf8DoesNotThrow) {
  auto out = parse_assistant_output("<tool_call>\n<function=f>\n<parameter=a>\n\xff\xfe\n</parameter>\n"
                                    "</function>\n</tool_call>",
                                    false);
  ASSERT_EQ(out.tool_calls.size(), 1u);
  EXPECT_FALSE(out.tool_calls[0].arguments_json.empty());
  EXPECT_TRUE(Json::accept(out.tool_calls[0].arguments_json));  // bytes replaced, still valid JSON
}

TEST(ChatOutputParser, PartialTextHoldsBackFragments) {
  // Cut inside "</think>": the fragment is not shown as reasoning while partial, but is text once final.
  EXPECT_EQ(parse_assistant_output("abc</thi", true, /*partial=*/true).reasoning, "abc");
  EXPECT_EQ(parse_assistant_output("abc</thi", true, /*partial=*/false).reasoning, "abc</thi");
  // Cut inside the opening "<think>" of a model that opens its own block: nothing decided yet.
  auto opening = parse_assistant_output("<thi", false, true);
  EXPECT_EQ(opening.content, "");
  EXPECT_EQ(opening.reasoning, "");
  // Cut inside "<tool_call>" or inside a tool-call block: held back, phase says where we are.
  EXPECT_EQ(parse_assistant_output("Sure <tool_", false, true).content, "Sure");
  auto in_call = parse_assistant_output("Sure.\n<tool_call>\n<function=get_weather>\n<param", false, true);
  EXPECT_EQ(in_call.content, "Sure.");
  EXPECT_EQ(in_call.phase, AssistantPhase::ToolCall);
  EXPECT_TRUE(in_call.tool_calls.empty());
}

TEST(ChatOutputParser, StreamingMatchesWholeParse) {
  const std::string full = "First I think.\nThen more </thinking> words.\n</think>\n\nHere you go:\n\n" + kWeatherCall +
                           "\n<tool_call>\n<function=g>\n<parameter=a>\n[1]\n</parameter>\n</function>\n</tool_call>";
  const ParsedAssistantOutput whole = parse_assistant_output(full, true);
  ASSERT_EQ(whole.tool_calls.size(), 2u);
  std::mt19937 rng(7);
  for (int trial = 0; trial < 20; ++trial) {
    AssistantOutputStream stream(true);
    EXPECT_EQ(stream.phase(), AssistantPhase::Reasoning);
    std::string reasoning, content;
    std::vector<ToolCall> calls;
    bool saw_answer = false, saw_tool_call = false;
    for (size_t pos = 0; pos < full.size();) {
      size_t n = trial == 0 ? 1 : 1 + rng() % 7;  // trial 0: byte by byte
      AssistantDelta d = stream.push(std::string_view(full).substr(pos, n));
      pos += n;
      EXPECT_FALSE(d.replaced);
      reasoning += d.reasoning;
      content += d.content;
      calls.insert(calls.end(), d.tool_calls.begin(), d.tool_calls.end());
      // The views only ever grow towards the final text: no tag fragment or tool-call markup shows up on the way.
      EXPECT_TRUE(whole.reasoning.starts_with(reasoning)) << reasoning;
      EXPECT_TRUE(whole.content.starts_with(content)) << content;
      saw_answer |= d.phase == AssistantPhase::Answer;
      saw_tool_call |= d.phase == AssistantPhase::ToolCall;
      if (saw_answer) {
        EXPECT_NE(d.phase, AssistantPhase::Reasoning);
      }
    }
    AssistantDelta last = stream.finish();
    reasoning += last.reasoning;
    content += last.content;
    calls.insert(calls.end(), last.tool_calls.begin(), last.tool_calls.end());
    EXPECT_TRUE(saw_answer);
    EXPECT_TRUE(saw_tool_call);
    EXPECT_EQ(reasoning, "First I think.\nThen more </thinking> words.");
    EXPECT_EQ(reasoning, whole.reasoning);
    EXPECT_EQ(content, "Here you go:");
    ASSERT_EQ(calls.size(), 2u);
    EXPECT_EQ(calls[0].name, "get_weather");
    EXPECT_EQ(calls[1].name, "g");
    EXPECT_EQ(args_of(calls[1]), Json::parse(R"({"a": [1]})"));
  }
}

TEST(ChatOutputParser, StreamFinishTurnsUnclosedBlockIntoText) {
  AssistantOutputStream stream(false);
  AssistantDelta a = stream.push("Answer. <tool_call>\n<function=f>");
  EXPECT_EQ(a.content, "Answer.");
  EXPECT_EQ(a.phase, AssistantPhase::ToolCall);
  AssistantDelta b = stream.finish();
  EXPECT_FALSE(b.replaced);
  EXPECT_EQ(b.content, " <tool_call>\n<function=f>");
  EXPECT_EQ(stream.current().content, "Answer. <tool_call>\n<function=f>");
  EXPECT_EQ(stream.phase(), AssistantPhase::Answer);
}

TEST(ChatOutputParser, ReadsBackTheGoldenToolCallTurn) {
  // The assistant turn of the golden tool_call_loop prompt is exactly what the model is trained to write.
  std::ifstream in(std::string(LECTERN_GOLDEN_DIR) + "/chat-template/cases.json");
  ASSERT_TRUE(in) << "golden chat-template cases missing: " << LECTERN_GOLDEN_DIR << "/chat-template/cases.json";
  std::stringstream ss;
  ss << in.rdbuf();
  Json cases = Json::parse(ss.str());
  const Json* loop = nullptr;
  for (const Json& c : cases)
    if (c["name"] == "tool_call_loop") loop = &c;
  ASSERT_NE(loop, nullptr);
  const std::string prompt = (*loop)["prompt"].get<std::string>();
  const std::string open = "<|im_start|>assistant\n<think>\n";
  size_t begin = prompt.find(open);
  ASSERT_NE(begin, std::string::npos);
  begin += open.size();
  size_t end = prompt.find("<|im_end|>", begin);
  auto out = parse_assistant_output(std::string_view(prompt).substr(begin, end - begin), true);
  const Json& message = (*loop)["input"]["messages"][1];
  EXPECT_EQ(out.reasoning, message["reasoning_content"].get<std::string>());
  EXPECT_EQ(out.content, message["content"].get<std::string>());
  ASSERT_EQ(out.tool_calls.size(), 1u);
  EXPECT_EQ(out.tool_calls[0].name, message["tool_calls"][0]["function"]["name"].get<std::string>());
  EXPECT_EQ(args_of(out.tool_calls[0]), message["tool_calls"][0]["function"]["arguments"]);
}
