// chat.h: Qwen3.5 chat conversations: prompt rendering (the model's chat template), thinking defaults, output parsing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/status.h"

namespace lectern {

// ---------------------------------------------------------------------------------------------------------------
// Conversation types (the OpenAI / HuggingFace message shape, typed)
// ---------------------------------------------------------------------------------------------------------------

enum class ChatRole { System, User, Assistant, Tool };

enum class ContentPartKind { Text, Image, Video };

// One item of a message's content, in order. Images and videos render as placeholders
// (<|vision_start|><|image_pad|><|vision_end|>); the vision pipeline replaces the pad later (qwen35.md §6.3).
struct ContentPart {
  ContentPartKind kind = ContentPartKind::Text;
  std::string text;    // Text parts only
  std::string source;  // Image/Video parts: the path or URL as given (informational; not rendered)
  // Pixels for the vision encoder (ChatSession::generate encodes them; a part without pixels only renders its
  // placeholder). Image: one RGB8 picture [height][width][3]. Video: frames already sampled (each width × height
  // RGB8) with their times in seconds; the engine pairs them and writes the "<t seconds>" text (qwen35.md §7.4).
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> rgb;                  // Image
  std::vector<std::vector<uint8_t>> frames;  // Video
  std::vector<double> frame_times;           // Video, one per frame

  bool has_pixels() const { return !rgb.empty() || !frames.empty(); }

  static ContentPart make_text(std::string text);
  static ContentPart make_image(std::string source = {});
  static ContentPart make_video(std::string source = {});
  static ContentPart make_image_rgb(uint32_t width, uint32_t height, std::vector<uint8_t> rgb, std::string source = {});
  static ContentPart make_video_frames(uint32_t width, uint32_t height, std::vector<std::vector<uint8_t>> frames,
                                       std::vector<double> frame_times, std::string source = {});
};

// A function call made by the assistant. arguments_json is the JSON text of an object whose keys become the
// <parameter=...> blocks in order, e.g. {"city": "Zürich", "days": 3}; empty means "no arguments given".
struct ToolCall {
  std::string name;
  std::string arguments_json;
};

struct ChatMessage {
  ChatRole role = ChatRole::User;
  std::vector<ContentPart> content;              // ordered parts; a plain string is a single Text part
  std::optional<std::string> reasoning_content;  // assistant only; unset: split off at </think> in content if any
  std::vector<ToolCall> tool_calls;              // assistant only

  static ChatMessage make(ChatRole role, std::string text);  // a message whose content is a plain string
};

struct ChatRequest {
  std::vector<ChatMessage> messages;
  std::string tools_json;               // JSON array of tool definitions (OpenAI shape); empty = no tools
  std::optional<bool> enable_thinking;  // unset: the model's default (ChatTemplateTraits::thinking_by_default)
  bool add_generation_prompt = true;    // end with "<|im_start|>assistant\n" + the think prefix
  bool add_vision_id = false;           // prefix placeholders with "Picture N: " / "Video N: "
};

// ---------------------------------------------------------------------------------------------------------------
// Template traits: what differs between the shipped Qwen3.5 templates
// ---------------------------------------------------------------------------------------------------------------

// qwen35.md §6.2: the 0.8B and 2B templates think only when enable_thinking is true; 4B/9B/27B/MoE templates think
// unless enable_thinking is false.
struct ChatTemplateTraits {
  bool thinking_by_default = false;
};

// The size rule (llama.cpp's model-type switch, qwen35.md §8.1.1): 24 decoder layers means 0.8B or 2B (thinking
// off by default); every other size thinks by default. n_layer counts the main decoder layers, without an MTP block.
bool default_thinking_for_model(int64_t n_layer, int64_t n_embd);

// Reads the default from a chat template's text: the generation-prompt branch tests either
// "enable_thinking is true" (default off) or "enable_thinking is false" (default on). nullopt when the text has
// neither (not a Qwen3.5-style template).
std::optional<bool> thinking_default_from_template(std::string_view template_text);

// Combines both: the template decides when it is recognisable (it is what the model ships), otherwise the size rule.
// Model loaders call this with what they read (hparams and the stored template text, empty if none).
ChatTemplateTraits chat_traits_from_model_info(int64_t n_layer, int64_t n_embd, std::string_view template_text);

// The traits for a model on disk. A HuggingFace folder: the template text (chat_template.jinja or
// tokenizer_config.json "chat_template") decides when it is recognisable, otherwise the size rule on config.json
// (text_config.num_hidden_layers / hidden_size). GGUF files: block_count - nextn_predict_layers,
// embedding_length and tokenizer.chat_template.
Result<ChatTemplateTraits> chat_traits_for_model_path(const std::string& model_path);

// ---------------------------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------------------------

// The prompt text the Qwen3.5 chat template produces for the request, byte for byte. Conversations the template
// rejects give InvalidArgument with the template's own message (e.g. "No user query found in messages.").
Result<std::string> render_chat_prompt(const ChatRequest& request, const ChatTemplateTraits& traits);

// Parses a request from JSON in the HuggingFace apply_chat_template input shape:
// {"messages": [{"role", "content": str | [{"type":"text","text"} | {"type":"image",...} | {"type":"video",...}],
//   "reasoning_content"?, "tool_calls"?: [{"type":"function","function":{"name","arguments": {...} | "json"}}]}],
//  "tools"?, "enable_thinking"?, "add_generation_prompt"? (default true), "add_vision_id"?}. Other keys are ignored.
Result<ChatRequest> chat_request_from_json(const std::string& json_text);

// ---------------------------------------------------------------------------------------------------------------
// Output parsing
// ---------------------------------------------------------------------------------------------------------------

// Where the end of the generated text is.
enum class AssistantPhase { Reasoning, Answer, ToolCall };

struct ParsedAssistantOutput {
  std::string reasoning;             // text inside the think block, trimmed
  std::string content;               // the answer, trimmed, without tool-call blocks
  std::vector<ToolCall> tool_calls;  // well-formed qwen3_coder XML calls, in order
  bool reasoning_complete = false;   // </think> was seen (false: no reasoning at all, or still thinking)
  AssistantPhase phase = AssistantPhase::Answer;
};

// Splits generated text into reasoning, answer and tool calls. thinking_prefilled: the prompt ended with
// "<think>\n" (thinking on), so the text starts inside the think block; otherwise a think block is recognised
// only when the text itself opens one. Malformed tool-call XML stays in content as text.
// partial: the text is a prefix of what is still being generated. Then a trailing fragment that may become a tag
// ("</thi", "<tool_c") and an unclosed <tool_call> block are held back instead of shown as text.
ParsedAssistantOutput parse_assistant_output(std::string_view generated, bool thinking_prefilled,
                                             bool partial = false);

// What changed since the previous push(): text to append to the reasoning and answer views, calls completed.
struct AssistantDelta {
  std::string reasoning;
  std::string content;
  std::vector<ToolCall> tool_calls;
  AssistantPhase phase = AssistantPhase::Answer;
  bool replaced = false;  // earlier text changed (not expected; defensive): redraw from current() instead of appending
};

// Incremental parsing for streaming UIs: push decoded text pieces as they arrive, finish() at the end.
class AssistantOutputStream {
 public:
  explicit AssistantOutputStream(bool thinking_prefilled);

  AssistantDelta push(std::string_view piece);
  AssistantDelta finish();  // end of generation: held-back fragments and unclosed blocks become text

  const ParsedAssistantOutput& current() const { return current_; }
  AssistantPhase phase() const { return current_.phase; }
  const std::string& text() const { return text_; }

 private:
  AssistantDelta update(bool partial);

  bool thinking_prefilled_;
  std::string text_;
  ParsedAssistantOutput current_;
};

}  // namespace lectern
