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

// KV cache element type of the attention layers (Vulkan; the CPU reference always keeps f32). Q8_0 halves the
// cache (about 6.75 KiB instead of 12 KiB per token for Qwen3.5-0.8B) at a small accuracy cost.
enum class KvCacheType { F16, Q8_0 };
const char* kv_cache_type_name(KvCacheType type);                    // "f16", "q8_0"
std::optional<KvCacheType> kv_cache_type_from_name(std::string_view name);

// How many vision tokens images and videos may cost (qwen35.md §7.2, §7.4): the pixel budgets of smart resize and
// the video frame sampling. The defaults are the Qwen3.5 processor's. Images: each one is resized (keeping its
// aspect ratio, to multiples of 32) so that its pixel count lies in [image_min_pixels, image_max_pixels]; one
// vision token per 32 × 32 pixels. Videos: the whole clip (frames rounded up to even × h × w) shares
// [video_min_pixels, video_max_pixels]. video_fps and the frame bounds choose which frames to sample from a file
// (callers that decode video sample with them; the engine takes the frames it is given).
struct VisionBudgetOptions {
  uint64_t image_min_pixels = 65'536;
  uint64_t image_max_pixels = 16'777'216;
  uint64_t video_min_pixels = 4'096;
  uint64_t video_max_pixels = 25'165'824;
  double video_fps = 2.0;
  uint32_t video_min_frames = 4;
  uint32_t video_max_frames = 768;  // the frame budget
};

struct EngineOptions {
  std::string model_path;                 // a .gguf file or a HuggingFace folder
  DeviceChoice device = DeviceChoice::Auto;
  int64_t context_length = 8192;          // tokens per session (prompt + generated); at most the trained context
  int32_t batch_size = 0;                 // prompt tokens per evaluation; 0 = the backend's preferred size
  // Vision projector (mmproj GGUF or a HF folder with model.visual.*). Empty: a HF model folder's own tower, or
  // mmproj-<model name>.gguf next to a GGUF model when that file exists; otherwise the model takes no images.
  std::string mmproj_path;
  VisionBudgetOptions vision_budget;  // InvalidArgument at load when min > max or a maximum is below 32 × 32
  KvCacheType kv_type = KvCacheType::F16;
  // Sequence states on disk: a prompt of at least snapshot_min_tokens tokens is saved after it is evaluated, and a
  // later prompt starting with it (a follow-up question about the same document, also after a restart) resumes
  // there. "" = off. The directory is kept under snapshot_max_bytes (least recently used entries go first).
  std::string snapshot_dir;
  uint64_t snapshot_max_bytes = 16ull << 30;
  int64_t snapshot_min_tokens = 4096;
};

struct EngineModelSummary {
  std::string model_path;
  std::string backend;        // "cpu" or "vulkan"
  std::string device_name;
  int32_t n_layer = 0;
  int32_t n_embd = 0;
  int32_t n_vocab = 0;        // logit rows (embedding rows)
  int32_t n_tokenizer_vocab = 0;
  std::string vision_path;     // where the vision encoder was loaded from; empty: no vision encoder
  int64_t context_length = 0;
  int64_t n_ctx_train = 0;
  bool thinking_by_default = false;
  uint64_t weight_bytes = 0;   // on the chosen device
  uint64_t session_bytes = 0;  // one session at context_length (KV cache + states)
  std::string kv_type;         // "f16", "q8_0"; "f32" on the CPU reference
  // The largest context one session could use on this device next to the weights (memory plan at load time;
  // the trained context where memory is not planned): what the app proposes as the maximum.
  int64_t max_context_length = 0;
  uint64_t device_memory_bytes = 0;  // the memory plans fit in; 0 when not planned (CPU)
  // Why DeviceChoice::Auto runs on the CPU reference (the Vulkan error: no driver, no usable device, ...);
  // empty when the requested device is used.
  std::string fallback_reason;
};

// What a prompt will need before it is sent (the app shows it for long documents).
struct PromptEstimate {
  int64_t n_prompt_tokens = 0;
  int64_t context_length = 0;
  bool fits_context = false;          // n_prompt_tokens <= context_length
  uint64_t session_bytes = 0;         // KV cache, states and scratch of one session at context_length
  uint64_t device_bytes_needed = 0;   // weights + that session
  uint64_t device_bytes_available = 0;  // 0: unknown (CPU)
  bool fits_memory = true;
  // Measured prompt throughput (a running average over this engine's prompts of 64+ new tokens) and the time the
  // prompt would take at that rate; 0 / 0 until something was measured. Approximate: attention makes later
  // tokens of a long prompt slower than early ones.
  double prompt_tokens_per_second = 0;
  double prefill_seconds = 0;
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
  // Tokens of the whole rendered chat prompt. Images and videos that carry pixels count as the vision tokens
  // generate() will place for them under this engine's vision budget (sizes only: nothing is encoded); without a
  // vision encoder they count as their placeholders.
  Result<int64_t> count_prompt_tokens(const ChatRequest& request) const;

  Result<ChatSession> new_session() const;

  // Replaces the vision budget of every session of this engine from the next generate()/count on (the settings'
  // image resolution changed; no reload). InvalidArgument as at load, and the budget stays as it was.
  Status set_vision_budget(const VisionBudgetOptions& budget);
  VisionBudgetOptions vision_budget() const;

  // Memory and approximate prefill time of a prompt of n_prompt_tokens at context_length (0: this engine's).
  // InvalidArgument for a negative count or a context outside [1, trained context].
  Result<PromptEstimate> estimate_prompt(int64_t n_prompt_tokens, int64_t context_length = 0) const;

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
