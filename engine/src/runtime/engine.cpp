// engine.cpp: the public Engine / ChatSession (lectern/engine.h) over the internal backend, session and generation.
#include "lectern/engine.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>

#include "cpu/vision_reference.h"
#include "model/model_source.h"
#include "model/test_vision_tower.h"
#include "model/vision_weights.h"
#include "runtime/backend_factory.h"
#include "runtime/generation.h"
#include "runtime/generation_vocab.h"
#include "runtime/json_constraint.h"
#include "runtime/session.h"
#include "runtime/snapshot_store.h"
#include "runtime/vision_encode_cache.h"
#include "runtime/vision_prompt.h"
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

const char* kv_cache_type_name(KvCacheType type) { return type == KvCacheType::Q8_0 ? "q8_0" : "f16"; }

std::optional<KvCacheType> kv_cache_type_from_name(std::string_view name) {
  if (name == "f16") return KvCacheType::F16;
  if (name == "q8_0") return KvCacheType::Q8_0;
  return std::nullopt;
}

namespace {

// Which weights snapshots on disk belong to: for each file of the model (the GGUF, or the folder's files in name
// order) its name, size and a hash of its first and last MiB. Moving the model keeps it; re-quantizing changes it.
std::string model_identity(const std::string& model_path) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(model_path, ec)) {
    for (const auto& e : fs::directory_iterator(model_path, ec))
      if (e.is_regular_file(ec)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(model_path);
  }
  std::string id;
  std::vector<char> buf(1 << 20);
  for (const fs::path& f : files) {
    const uint64_t size = fs::file_size(f, ec);
    uint64_t h = 0;
    if (std::FILE* fp = std::fopen(f.c_str(), "rb")) {
      for (uint64_t at : {uint64_t{0}, size > buf.size() ? size - buf.size() : 0}) {
        std::fseek(fp, static_cast<long>(at), SEEK_SET);
        const size_t n = std::fread(buf.data(), 1, buf.size(), fp);
        h = runtime::snapshot_hash(buf.data(), n, h);
      }
      std::fclose(fp);
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    id += f.filename().string() + ":" + std::to_string(size) + ":" + hex + ";";
  }
  return id;
}

model::VisionBudget vision_budget_from(const VisionBudgetOptions& o) {
  model::VisionBudget b;
  b.image_min_pixels = o.image_min_pixels;
  b.image_max_pixels = o.image_max_pixels;
  b.video_min_pixels = o.video_min_pixels;
  b.video_max_pixels = o.video_max_pixels;
  b.video_fps = o.video_fps;
  b.video_min_frames = o.video_min_frames;
  b.video_max_frames = o.video_max_frames;
  return b;
}

Status check_vision_budget(const VisionBudgetOptions& o) {
  constexpr uint64_t k_min_area = 32 * 32;  // one merged 2 × 2 window of 16-pixel patches
  auto bad = [](const std::string& what) {
    return Status(ErrorCode::InvalidArgument, "vision budget: " + what + "; fix the image/video budget settings");
  };
  if (o.image_max_pixels < k_min_area || o.video_max_pixels < k_min_area)
    return bad("the maximum pixels must be at least 1024 (32 x 32)");
  if (o.image_min_pixels > o.image_max_pixels)
    return bad("image minimum pixels " + std::to_string(o.image_min_pixels) + " exceed the maximum " +
               std::to_string(o.image_max_pixels));
  if (o.video_min_pixels > o.video_max_pixels)
    return bad("video minimum pixels " + std::to_string(o.video_min_pixels) + " exceed the maximum " +
               std::to_string(o.video_max_pixels));
  if (!(o.video_fps > 0)) return bad("video frames per second must be above 0");
  if (o.video_min_frames < 1 || o.video_min_frames > o.video_max_frames)
    return bad("video frame bounds must satisfy 1 <= minimum <= maximum (got " + std::to_string(o.video_min_frames) +
               " and " + std::to_string(o.video_max_frames) + ")");
  return Status();
}

}  // namespace

struct Engine::Core {
  EngineOptions options;
  std::shared_ptr<runtime::SnapshotStore> snapshots;  // null when off
  // Running average of measured prompt throughput (tokens/s; 0 until a prompt of 64+ new tokens was evaluated).
  double prompt_tokens_per_second = 0;
  EngineModelSummary summary;
  std::unique_ptr<runtime::ModelBackend> backend;
  std::optional<Tokenizer> tokenizer;
  ChatTemplateTraits traits;
  runtime::GenerationVocab vocab;
  std::optional<model::VisionWeights> vision;  // the vision tower, when the model has one (qwen35.md §7)
  bool vision_on_backend = false;              // the backend encodes (else the CPU reference encoder does)
  // The token table of JSON-constrained decoding, built on first use.
  std::mutex json_table_mutex;
  std::shared_ptr<const runtime::JsonTokenTable> json_table;

  Result<std::shared_ptr<const runtime::JsonTokenTable>> json_token_table() {
    std::lock_guard<std::mutex> lock(json_table_mutex);
    if (!json_table) {
      LECTERN_ASSIGN_OR_RETURN(json_table,
                               runtime::JsonTokenTable::build(*tokenizer, backend->info().n_vocab, vocab.stop_ids));
    }
    return json_table;
  }
};

struct ChatSession::Impl {
  std::shared_ptr<Engine::Core> core;
  runtime::Session session;
  runtime::VisionEncodeCache encoded;  // pictures of the last request: re-sent history pictures are not re-encoded
};

Result<Engine> Engine::load(const EngineOptions& options) {
  if (options.batch_size < 0)
    return Status(ErrorCode::InvalidArgument, "batch size must be >= 0 (0: the backend's preferred size)");
  if (options.context_length < 1)
    return Status(ErrorCode::InvalidArgument, "context length must be at least 1 token (got " +
                                                  std::to_string(options.context_length) + ")");
  LECTERN_TRY(check_vision_budget(options.vision_budget));
  auto core = std::make_shared<Core>();
  core->options = options;
  {
    // The weights description only lives until the backend has taken (or uploaded) what it needs.
    LECTERN_ASSIGN_OR_RETURN(model::ModelWeights weights, model::load_model_weights(options.model_path));
    runtime::BackendOptions bo;
    bo.kv_type = options.kv_type == KvCacheType::Q8_0 ? DType::Q8_0 : DType::F16;
    bo.plan_n_ctx = options.context_length;
    LECTERN_ASSIGN_OR_RETURN(core->backend,
                             runtime::create_backend(weights, options.device, bo, &core->summary.fallback_reason));
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
  {
    // The vision tower: an explicit mmproj, the HF folder's own, or mmproj-<name>.gguf beside a GGUF model.
    namespace fs = std::filesystem;
    std::error_code ec;
    std::string vision_path = options.mmproj_path;
    if (vision_path.empty()) {
      if (fs::is_directory(options.model_path, ec)) {
        LECTERN_ASSIGN_OR_RETURN(model::HfFolder folder, model::open_hf_folder(options.model_path));
        if (model::hf_has_vision(folder)) vision_path = options.model_path;
      } else if (const std::string mm = model::default_mmproj_path(options.model_path); fs::exists(mm, ec)) {
        vision_path = mm;
      }
    }
    if (!vision_path.empty()) {
      LECTERN_ASSIGN_OR_RETURN(model::VisionWeights vw, model::load_vision_weights(vision_path));
      LECTERN_TRY(model::validate_vision_weights(vw, static_cast<uint32_t>(info.n_embd)));
      core->vision.emplace(std::move(vw));
      core->summary.vision_path = vision_path;
      // The backend's own encoder when it has one (Vulkan); the CPU reference encoder otherwise.
      Status on_backend = core->backend->load_vision(*core->vision);
      if (!on_backend.is_ok() && on_backend.code() != ErrorCode::Unsupported)
        return on_backend.with_context("vision tower " + vision_path);
      core->vision_on_backend = on_backend.is_ok();
    }
  }

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
  s.kv_type = info.name == "cpu" ? "f32" : kv_cache_type_name(options.kv_type);
  s.max_context_length = core->backend->max_context_length();
  s.device_memory_bytes = core->backend->device_memory_bytes();
  if (!options.snapshot_dir.empty()) {
    runtime::SnapshotStoreOptions so;
    so.dir = options.snapshot_dir;
    so.max_bytes = options.snapshot_max_bytes;
    so.model_identity = model_identity(options.model_path);
    LECTERN_ASSIGN_OR_RETURN(core->snapshots, runtime::SnapshotStore::open(so));
  }
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
  if (core_->vision && runtime::request_has_pixels(request))
    return runtime::count_vision_prompt_tokens(request, prompt, &*core_->vision,
                                               vision_budget_from(core_->options.vision_budget), *core_->tokenizer);
  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> ids, core_->tokenizer->encode(prompt));
  return static_cast<int64_t>(ids.size());
}

Status Engine::set_vision_budget(const VisionBudgetOptions& budget) {
  LECTERN_TRY(check_vision_budget(budget));
  core_->options.vision_budget = budget;
  return Status();
}

VisionBudgetOptions Engine::vision_budget() const { return core_->options.vision_budget; }

Result<ChatSession> Engine::new_session() const {
  runtime::SessionOptions o;
  o.n_ctx = core_->options.context_length;
  o.n_batch = core_->options.batch_size;
  o.disk_cache = core_->snapshots;
  o.disk_min_tokens = std::max<int64_t>(1, core_->options.snapshot_min_tokens);
  LECTERN_ASSIGN_OR_RETURN(runtime::Session session, runtime::Session::create(*core_->backend, o));
  return ChatSession(std::make_unique<ChatSession::Impl>(ChatSession::Impl{core_, std::move(session)}));
}

Result<PromptEstimate> Engine::estimate_prompt(int64_t n_prompt_tokens, int64_t context_length) const {
  const Core& c = *core_;
  const int64_t n_ctx = context_length > 0 ? context_length : c.options.context_length;
  const int64_t n_train = c.summary.n_ctx_train;
  if (n_prompt_tokens < 0 || context_length < 0 || (n_train > 0 && n_ctx > n_train))
    return Status(ErrorCode::InvalidArgument, "estimate: prompt of " + std::to_string(n_prompt_tokens) +
                                                  " tokens at a context of " + std::to_string(n_ctx) +
                                                  "; both must be >= 0 and the context at most " +
                                                  std::to_string(n_train));
  PromptEstimate e;
  e.n_prompt_tokens = n_prompt_tokens;
  e.context_length = n_ctx;
  e.fits_context = n_prompt_tokens <= n_ctx;
  e.session_bytes = c.backend->sequence_bytes(n_ctx);
  e.device_bytes_needed = c.summary.weight_bytes + e.session_bytes;
  e.device_bytes_available = c.summary.device_memory_bytes;
  e.fits_memory = e.device_bytes_available == 0 || e.device_bytes_needed <= e.device_bytes_available;
  e.prompt_tokens_per_second = c.prompt_tokens_per_second;
  if (e.prompt_tokens_per_second > 0) e.prefill_seconds = double(n_prompt_tokens) / e.prompt_tokens_per_second;
  return e;
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
  if (runtime::request_has_pixels(request)) {
    // Images / videos: encode them, expand their placeholders and evaluate with M-RoPE positions (qwen35.md §7).
    Engine::Core& c = *impl_->core;
    LECTERN_ASSIGN_OR_RETURN(std::string text, render_chat_prompt(request, c.traits));
    runtime::VisionEncodeFn encode;
    if (c.vision_on_backend)
      encode = [&c](const model::VisionInput& in) { return c.backend->encode_vision(in); };
    else if (c.vision)
      encode = [&c](const model::VisionInput& in) { return cpu::encode_vision_reference(*c.vision, in); };
    LECTERN_ASSIGN_OR_RETURN(runtime::VisionPrompt vp,
                             runtime::build_vision_prompt(request, text, c.vision ? &*c.vision : nullptr,
                                                          vision_budget_from(c.options.vision_budget), *c.tokenizer,
                                                          c.backend->info().n_embd,
                                                          encode ? impl_->encoded.wrap(std::move(encode)) : encode));
    impl_->session.set_multimodal_prompt(std::move(vp.mm));
    return generate_from_tokens(vp.tokens, settings, callbacks, cancel);
  }
  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> prompt, render_prompt_tokens(request));
  return generate_from_tokens(prompt, settings, callbacks, cancel);
}

Result<GenerationResult> ChatSession::generate_from_tokens(std::span<const int32_t> prompt,
                                                           const GenerationSettings& settings,
                                                           const GenerationCallbacks& callbacks,
                                                           const std::atomic<bool>* cancel) {
  std::unique_ptr<runtime::JsonConstraint> constraint;
  if (settings.json_schema) {
    LECTERN_ASSIGN_OR_RETURN(std::shared_ptr<const runtime::JsonTokenTable> table, impl_->core->json_token_table());
    LECTERN_ASSIGN_OR_RETURN(constraint, runtime::JsonConstraint::create(std::move(table), *settings.json_schema));
    if (constraint->min_remaining() > settings.max_tokens)
      return Status(ErrorCode::InvalidArgument,
                    "max_tokens " + std::to_string(settings.max_tokens) + " is too small for the JSON schema: its "
                    "shortest value needs " + std::to_string(constraint->min_remaining()) + " tokens");
  }
  auto result = runtime::generate(impl_->session, *impl_->core->tokenizer, impl_->core->vocab, prompt, settings,
                                  callbacks, cancel, constraint.get());
  if (result.is_ok()) {  // the running prompt throughput behind estimate_prompt
    const GenerationStats& st = result->stats;
    double& rate = impl_->core->prompt_tokens_per_second;
    if (st.n_prompt_evaluated >= 64 && st.prompt_tokens_per_second > 0)
      rate = rate > 0 ? 0.7 * rate + 0.3 * st.prompt_tokens_per_second : st.prompt_tokens_per_second;
  }
  return result;
}

int64_t ChatSession::n_cached_tokens() const { return impl_->session.n_past(); }
int64_t ChatSession::context_length() const { return impl_->session.n_ctx(); }
Status ChatSession::rewind(int64_t n_tokens) { return impl_->session.rewind(n_tokens); }
void ChatSession::reset() { impl_->session.reset(); }

}  // namespace lectern
