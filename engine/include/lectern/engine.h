// engine.h: the engine's public entry point for applications: load a model on a device, count tokens, and run
// chat sessions that stream generated text. No Vulkan or JSON types; every call reports errors as values.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/chat.h"
#include "lectern/generation.h"
#include "lectern/status.h"
#include "lectern/tokenizer.h"

namespace lectern {

enum class DeviceChoice {
  Auto,    // Vulkan when a usable device and backend exist, else the CPU reference
  Cpu,     // the CPU reference model (exact, slow: for tests and tiny models)
  Vulkan,  // Vulkan compute
};
const char* device_choice_name(DeviceChoice device);
std::optional<DeviceChoice> device_choice_from_name(std::string_view name);  // "auto", "cpu", "vulkan"

struct EngineOptions {
  std::string model_path;                 // a .gguf file or a HuggingFace folder
  DeviceChoice device = DeviceChoice::Auto;
  int64_t context_length = 8192;          // tokens per session (prompt + generated); at most the trained context
  int32_t batch_size = 0;                 // prompt tokens per evaluation; 0 = the backend's preferred size
};

struct EngineModelSummary {
  std::string model_path;
  std::string backend;        // "cpu" or "vulkan"
  std::string device_name;
  int32_t n_layer = 0;
  int32_t n_embd = 0;
  int32_t n_vocab = 0;        // logit rows (embedding rows)
  int32_t n_tokenizer_vocab = 0;
  int64_t context_length = 0;
  int64_t n_ctx_train = 0;
  bool thinking_by_default = false;
  uint64_t weight_bytes = 0;   // on the chosen device
  uint64_t session_bytes = 0;  // one session at context_length (KV cache + states)
};

class ChatSession;

// A loaded model. Cheap to move; sessions keep what they need alive, so the Engine may be destroyed before them.
// Sessions of one engine must not generate concurrently (one worker thread drives them).
class Engine {
 public:
  struct Core;

  // NotFound / CorruptData / Unsupported for bad model files, NoDevice / Unsupported for an unusable device,
  // InvalidArgument for a context length outside [1, trained context].
  static Result<Engine> load(const EngineOptions& options);

  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  const EngineModelSummary& summary() const;
  const Tokenizer& tokenizer() const;
  const ChatTemplateTraits& chat_traits() const;

  // Tokens of plain text (special tokens written in it are not parsed): the app's token estimates.
  Result<int64_t> count_tokens(std::string_view text) const;
  // Tokens of the whole rendered chat prompt.
  Result<int64_t> count_prompt_tokens(const ChatRequest& request) const;

  Result<ChatSession> new_session() const;

 private:
  explicit Engine(std::shared_ptr<Core> core);
  std::shared_ptr<Core> core_;
};

// One conversation's state on the device. generate() renders the whole request with the chat template, reuses the
// longest prefix already evaluated (rewinding to a checkpoint when the conversation changed, e.g. an edited or
// regenerated turn) and evaluates only the rest.
class ChatSession {
 public:
  struct Impl;

  ChatSession(ChatSession&&) noexcept;
  ChatSession& operator=(ChatSession&&) noexcept;
  ~ChatSession();

  // Errors before generation starts (template rejects the conversation, prompt longer than the context) are
  // returned as a Status; failures while generating give FinishReason::Error with the partial output.
  // cancel may be raised from any thread; it is checked before every token and between prompt batches.
  Result<GenerationResult> generate(const ChatRequest& request, const GenerationSettings& settings,
                                    const GenerationCallbacks& callbacks = {},
                                    const std::atomic<bool>* cancel = nullptr);
  // The same from prompt token ids (no template).
  Result<GenerationResult> generate_from_tokens(std::span<const int32_t> prompt, const GenerationSettings& settings,
                                                const GenerationCallbacks& callbacks = {},
                                                const std::atomic<bool>* cancel = nullptr);

  Result<std::vector<int32_t>> render_prompt_tokens(const ChatRequest& request) const;

  int64_t n_cached_tokens() const;  // tokens whose state the session holds
  int64_t context_length() const;
  Status rewind(int64_t n_tokens);  // keep only the first n_tokens
  void reset();

 private:
  friend class Engine;
  explicit ChatSession(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace lectern
