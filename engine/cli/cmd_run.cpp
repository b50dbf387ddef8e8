// cmd_run.cpp: `lectern-cli run`: one prompt through the chat template, the answer streamed to stdout (reasoning
// shown apart), then a statistics line with prompt and generation speed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "command.h"
#include "generation_command.h"
#include "image_decode.h"
#include "lectern/engine.h"
#include "stream_printer.h"

namespace {

void print_run_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli run MODEL --prompt TEXT [--system TEXT] [options]\n\n"
               "Generates an answer to one user message and streams it to stdout; reasoning is shown dimmed after\n"
               "\"Thinking:\" on a terminal and between [thinking] and [/thinking] lines otherwise. The last line\n"
               "gives prompt and generation speed.\n"
               "  MODEL                      a .gguf file or a HuggingFace folder\n"
               "  --prompt TEXT              the user message\n"
               "  --system TEXT              a system message\n"
               "  --image FILE               an image (PNG, JPEG or binary PPM) placed before the prompt; repeatable\n"
               "  --video DIR                a video as a folder of frame images (sorted by name), placed before the\n"
               "                             prompt; repeatable\n"
               "  --video-fps N              frames per second of the --video frames (default 2)\n"
               "  --mmproj FILE              the vision projector (default: the HF folder's own vision tower, or\n"
               "                             mmproj-<model name>.gguf beside a GGUF model)\n"
               "%s",
               lectern::cli::kGenerationFlagsUsage);
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli run: %s\n", message.c_str());
  return 1;
}

}  // namespace

static int run_run(const std::vector<std::string>& args) {
  using namespace lectern;
  std::string model, prompt, system, mmproj;
  std::vector<std::pair<bool, std::string>> media;  // (is_video, path) in order
  double video_fps = 2.0;
  bool have_prompt = false, have_system = false;
  cli::GenerationFlags flags;
  const auto own = [&](size_t& i) {
    const std::string& a = args[i];
    if (a == "--prompt" && i + 1 < args.size()) {
      prompt = args[++i], have_prompt = true;
    } else if (a == "--system" && i + 1 < args.size()) {
      system = args[++i], have_system = true;
    } else if ((a == "--image" || a == "--video") && i + 1 < args.size()) {
      media.emplace_back(a == "--video", args[++i]);
    } else if (a == "--mmproj" && i + 1 < args.size()) {
      mmproj = args[++i];
    } else if (a == "--video-fps" && i + 1 < args.size()) {
      char* end = nullptr;
      video_fps = std::strtod(args[++i].c_str(), &end);
      if (*end != '\0' || !(video_fps > 0)) return false;
    } else {
      return false;
    }
    return true;
  };
  if (auto exit_code = cli::parse_generation_args(args, "run", print_run_usage, model, flags, own)) return *exit_code;
  if (!have_prompt) {
    print_run_usage();
    return 2;
  }

  // Decode the media before loading the model: a bad file fails fast.
  std::vector<ContentPart> parts;
  for (const auto& [is_video, path] : media) {
    if (!is_video) {
      auto im = cli::decode_image_file(path);
      if (!im.is_ok()) return fail(im.status().to_string());
      parts.push_back(ContentPart::make_image_rgb(im->width, im->height, std::move(im->rgb), path));
      continue;
    }
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec))
      return fail("--video '" + path + "' is not a folder of frame images");
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(path, ec))
      if (e.is_regular_file(ec)) files.push_back(e.path().string());
    std::sort(files.begin(), files.end());
    if (files.empty()) return fail("--video '" + path + "' holds no frames");
    std::vector<std::vector<uint8_t>> frames;
    std::vector<double> times;
    uint32_t w = 0, h = 0;
    for (const std::string& f : files) {
      auto im = cli::decode_image_file(f);
      if (!im.is_ok()) return fail(im.status().to_string());
      if (frames.empty()) w = im->width, h = im->height;
      if (im->width != w || im->height != h) return fail("video frame '" + f + "' differs in size from the first");
      times.push_back(static_cast<double>(frames.size()) / video_fps);
      frames.push_back(std::move(im->rgb));
    }
    parts.push_back(ContentPart::make_video_frames(w, h, std::move(frames), std::move(times), path));
  }

  auto engine = cli::load_engine(model, flags, mmproj);
  if (!engine.is_ok()) return fail(engine.status().to_string());
  auto session = engine->new_session();
  if (!session.is_ok()) return fail(session.status().to_string());

  ChatRequest request;
  if (have_system) request.messages.push_back(ChatMessage::make(ChatRole::System, system));
  request.messages.push_back(ChatMessage::make(ChatRole::User, prompt));
  if (!parts.empty()) {
    auto& content = request.messages.back().content;
    content.insert(content.begin(), parts.begin(), parts.end());
  }
  request.enable_thinking = flags.think;
  const bool thinking = flags.think.value_or(engine->chat_traits().thinking_by_default);
  const GenerationSettings settings = cli::generation_settings(flags, thinking);

  if (!cli::stream_answer(*session, request, settings, cli::is_terminal(stdout), "run")) return 1;
  return 0;
}

LECTERN_CLI_COMMAND(run, "generate an answer to one prompt, streamed, with speed statistics", run_run);
