// engine.cpp: the public Engine / ChatSession (lectern/engine.h) over the internal backend, session and generation.
#include "lectern/engine.h"

#include "model/model_source.h"
#include "runtime/backend_factory.h"
#include "runtime/generation.h"
#include "runtime/generation_vocab.h"
#include "runtime/session.h"
#include "text/tokenizer_loader.h"

namespace lectern {

const char* device_choice_name(DeviceChoice device) {
  switch (device) {
    case DeviceChoice::Auto: return "auto";
    case DeviceChoice::Cpu: return "cpu";
    case DeviceChoice::Vulkan: return "vulkan";
  }
  return "?";
}

std::optional<DeviceChoice> device_choice_from_name(std::string_view name) {
  if (name == "auto") return DeviceChoice::Auto;
  if (name == "cpu") return DeviceChoice::Cpu;
  if (name == "vulkan") return DeviceChoice::Vulkan;
  return std::nullopt;
}

struct Engine::Core {
  EngineOptions options;
  EngineModelSummary summary;
  std::unique_ptr<runtime::ModelBackend> backend;
  std::optional<Tokenizer> tokenizer;
  ChatTemplateTraits traits;
  runtime::GenerationVocab vocab;
};

struct ChatSession::Impl {
  std::shared_ptr<Engine::Core> core;
  runtime::Session session;
};

Result<Engine> Engine::load(const EngineOptions& options) {
  if (options.batch_size < 0)
    return Status(ErrorCode::InvalidArgument, "batch size must be >= 0 (0: the backend's preferred size)");
  if (options.context_length < 1)
    return Status(ErrorCode::InvalidArgument, "context length must be at least 1 token (got " +
                                                  std::to_string(options.context_length) + ")");
  auto core = std::make_shared<Core>();
  core->options = options;
  {
    // The weights description only lives until the backend has taken (or uploaded) what it needs.
    LECTERN_ASSIGN_OR_RETURN(model::ModelWeights weights, model::load_model_weights(options.model_path));
    LECTERN_ASSIGN_OR_RETURN(core->backend, runtime::create_backend(weights, options.device));
  }
  LECTERN_ASSIGN_OR_RETURN(Tokenizer tokenizer, text::load_tokenizer_for_model(options.model_path));
  core->tokenizer.emplace(std::move(tokenizer));
  LECTERN_ASSIGN_OR_RETURN(core->traits, chat_traits_for_model_path(options.model_path));
  const runtime::BackendInfo& info = core->backend->info();
  if (info.n_ctx_train > 0 && options.context_length > info.n_ctx_train)
    return Status(ErrorCode::InvalidArgument, "context length " + std::to_string(options.context_length) +
                                                  " exceeds the model's trained context of " +
                                                  std::to_string(info.n_ctx_train) + " tokens");
  LECTERN_ASSIGN_OR_RETURN(core->vocab, runtime::generation_vocab(*core->tokenizer, info.n_vocab));

  EngineModelSummary& s = core->summary;
  s.model_path = options.model_path;
  s.backend = info.name;
  s.device_name = info.device_name;
  s.n_layer = info.n_layer;
  s.n_embd = info.n_embd;
  s.n_vocab = info.n_vocab;
  s.n_tokenizer_vocab = core->tokenizer->n_vocab();
  s.context_length = options.context_length;
  s.n_ctx_train = info.n_ctx_train;
  s.thinking_by_default = core->traits.thinking_by_default;
  s.weight_bytes = info.weight_bytes;
  s.session_bytes = core->backend->sequence_bytes(options.context_length);
  return Engine(std::move(core));
}

Engine::Engine(std::shared_ptr<Core> core) : core_(std::move(core)) {}
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

const EngineModelSummary& Engine::summary() const { return core_->summary; }
const Tokenizer& Engine::tokenizer() const { return *core_->tokenizer; }
const ChatTemplateTraits& Engine::chat_traits() const { return core_->traits; }

Result<int64_t> Engine::count_tokens(std::string_view text) const {
  EncodeOptions o;
  o.parse_special = false;
  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> ids, core_->tokenizer->encode(text, o));
  return static_cast<int64_t>(ids.size());
}

Result<int64_t> Engine::count_prompt_tokens(const ChatRequest& request) const {
  LECTERN_ASSIGN_OR_RETURN(std::string prompt, render_chat_prompt(request, core_->traits));
  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> ids, core_->tokenizer->encode(prompt));
  return static_cast<int64_t>(ids.size());
}

Result<ChatSession> Engine::new_session() const {
  runtime::SessionOptions o;
  o.n_ctx = core_->options.context_length;
  o.n_batch = core_->options.batch_size;
  LECTERN_ASSIGN_OR_RETURN(runtime::Session session, runtime::Session::create(*core_->backend, o));
  return ChatSession(std::make_unique<ChatSession::Impl>(ChatSession::Impl{core_, std::move(session)}));
}

ChatSession::ChatSession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ChatSession::ChatSession(ChatSession&&) noexcept = default;
ChatSession& ChatSession::operator=(ChatSession&&) noexcept = default;
ChatSession::~ChatSession() = default;

Result<std::vector<int32_t>> ChatSession::render_prompt_tokens(const ChatRequest& request) const {
  LECTERN_ASSIGN_OR_RETURN(std::string prompt, render_chat_prompt(request, impl_->core->traits));
  return impl_->core->tokenizer->encode(prompt);
}

Result<GenerationResult> ChatSession::generate(const ChatRequest& request, const GenerationSettings& settings,
                                               const GenerationCallbacks& callbacks,
                                               const std::atomic<bool>* cancel) {
  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> prompt, render_prompt_tokens(request));
  return generate_from_tokens(prompt, settings, callbacks, cancel);
}

Result<GenerationResult> ChatSession::generate_from_tokens(std::span<const int32_t> prompt,
                                                           const GenerationSettings& settings,
                                                           const GenerationCallbacks& callbacks,
                                                           const std::atomic<bool>* cancel) {
  return runtime::generate(impl_->session, *impl_->core->tokenizer, impl_->core->vocab, prompt, settings, callbacks,
                           cancel);
}

int64_t ChatSession::n_cached_tokens() const { return impl_->session.n_past(); }
int64_t ChatSession::context_length() const { return impl_->session.n_ctx(); }
Status ChatSession::rewind(int64_t n_tokens) { return impl_->session.rewind(n_tokens); }
void ChatSession::reset() { impl_->session.reset(); }

}  // namespace lectern
