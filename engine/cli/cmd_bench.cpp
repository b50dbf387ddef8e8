// cmd_bench.cpp: `lectern-cli bench`: llama-bench style prompt-processing / generation speed, time to first token
// and peak device memory of a model (runtime/bench.h), the cost of JSON-schema-constrained decoding (--json-schema,
// runtime/bench_constrained.h), or the device's memory bandwidth (--bandwidth, vk/bandwidth.h).
#include <algorithm>
#include <chrono>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "command.h"
#include "lectern/engine.h"
#include "model/model_source.h"
#include "runtime/backend_factory.h"
#include "runtime/bench.h"
#include "runtime/bench_constrained.h"
#include "text/tokenizer_loader.h"
#include "vk/bandwidth.h"
#include "vk/device.h"
#include "vk/instance.h"

namespace {

void print_bench_usage() {
  std::fprintf(stderr,
               "Usage: lectern-cli bench MODEL [-p N] [-n N] [-r N] [--batch N] [--context N] [--device auto|cpu|vulkan]\n"
               "                         [--json]\n"
               "       lectern-cli bench MODEL --json-schema S.json [-n N] [-r N] [--device ...] [--json]\n"
               "       lectern-cli bench --bandwidth [--size MiB] [-r N] [--json]\n\n"
               "Measures speed like llama-bench: pp<N> evaluates one prompt of N random tokens from an empty sequence in\n"
               "batches, tg<N> decodes N tokens one at a time from an empty sequence (tokens/s, mean ± stddev over the\n"
               "repetitions, after one warm-up that is not counted); also time to first token (prompt + first decode)\n"
               "and peak device memory.\n"
               "  -p N          prompt tokens (default 512; 0 skips pp and time to first token)\n"
               "  -n N          generated tokens (default 128; 0 skips tg)\n"
               "  -r N          repetitions (default 3; bandwidth: 10)\n"
               "  --batch N     prompt tokens per evaluation (default: the backend's preferred batch)\n"
               "  --context N   the sequence's context (default: just enough for the test)\n"
               "  --device      cpu (the reference), vulkan or auto (default auto)\n"
               "  --json        print one JSON object instead of the table\n"
               "  --json-schema S.json\n"
               "                the cost of JSON-schema-constrained decoding instead: N tokens through the generation\n"
               "                loop (model card sampling, thinking off, an extraction-style prompt) without and with\n"
               "                the schema (values back to back), both in tokens/s, the slowdown, and the mean time\n"
               "                of the token mask per step (wall and thread CPU time); -p is not used\n"
               "  --bandwidth   measure device copy and shader read bandwidth instead (GB/s, best and mean)\n"
               "  --size MiB    bandwidth buffer size (default 256)\n");
}

int fail(const std::string& message) {
  std::fprintf(stderr, "lectern-cli bench: %s\n", message.c_str());
  return 1;
}

// A non-negative integer no larger than max, or nullopt.
std::optional<int64_t> parse_count(const std::string& text, int64_t max) {
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno != 0 || v < 0 || v > max) return std::nullopt;
  return v;
}

double mib(uint64_t bytes) { return double(bytes) / double(1 << 20); }

nlohmann::json stat_json(const lectern::runtime::BenchStat& s) { return {{"mean", s.mean}, {"stddev", s.stddev}}; }

int run_bandwidth(uint64_t size_mib, int32_t n_repeats, bool json) {
  auto instance = lectern::vk::Instance::create();
  if (!instance.is_ok()) return fail(instance.status().to_string());
  auto device = lectern::vk::Device::create(std::move(instance).value());
  if (!device.is_ok()) return fail(device.status().to_string());
  lectern::vk::BandwidthOptions options;
  options.n_bytes = size_mib << 20;
  options.n_repeats = n_repeats;
  auto measured = lectern::vk::measure_bandwidth(**device, options);
  if (!measured.is_ok()) return fail(measured.status().to_string());
  const lectern::vk::BandwidthResult& r = *measured;
  if (json) {
    auto stat = [](const lectern::vk::BandwidthStat& s) {
      return nlohmann::json{{"best_gbps", s.best_gbps}, {"mean_gbps", s.mean_gbps}, {"best_ms", s.best_ms}};
    };
    const nlohmann::json j = {{"device", r.device_name},        {"bytes", r.n_bytes},
                              {"repetitions", r.n_repeats},      {"gpu_timestamps", r.gpu_timestamps},
                              {"copy", stat(r.copy)},            {"read", stat(r.read)}};
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("device: %s\nbuffer: %.0f MiB, %d runs after one warm-up, timed with %s\n\n", r.device_name.c_str(),
              mib(r.n_bytes), r.n_repeats, r.gpu_timestamps ? "GPU timestamps" : "host wall time");
  std::printf("| test                                  | best GB/s | mean GB/s | best ms |\n");
  std::printf("|---------------------------------------|-----------|-----------|---------|\n");
  std::printf("| copy (vkCmdCopyBuffer, read + write)  | %9.2f | %9.2f | %7.2f |\n", r.copy.best_gbps, r.copy.mean_gbps,
              r.copy.best_ms);
  std::printf("| read (compute shader, 16-byte loads)  | %9.2f | %9.2f | %7.2f |\n", r.read.best_gbps, r.read.mean_gbps,
              r.read.best_ms);
  return 0;
}

// The model's backend on the device (the weights description is dropped once the backend holds what it needs).
lectern::Result<std::unique_ptr<lectern::runtime::ModelBackend>> load_backend(const std::string& model,
                                                                             lectern::DeviceChoice device) {
  LECTERN_ASSIGN_OR_RETURN(auto weights, lectern::model::load_model_weights(model));
  return lectern::runtime::create_backend(weights, device);
}

int run_schema_bench(const std::string& model, const std::string& schema_path, lectern::DeviceChoice device,
                     const lectern::runtime::BenchOptions& bench, bool json) {
  std::ifstream in(schema_path, std::ios::binary);
  if (!in) return fail("cannot read the JSON schema '" + schema_path + "'");
  lectern::runtime::ConstrainedBenchOptions options;
  options.schema_json.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  options.n_gen = bench.n_gen;
  options.n_repeats = bench.n_repeats;
  if (lectern::Status s = lectern::check_json_schema(options.schema_json); !s.is_ok())
    return fail("the JSON schema '" + schema_path + "' cannot constrain decoding: " + s.to_string());

  auto tokenizer = lectern::text::load_tokenizer_for_model(model);
  if (!tokenizer.is_ok()) return fail(tokenizer.status().to_string());
  auto backend = load_backend(model, device);
  if (!backend.is_ok()) return fail(backend.status().to_string());
  auto progress = [&](const char* mode, int32_t rep, int32_t n) {
    if (json) return;
    if (rep == 0) std::fprintf(stderr, "warm-up run (%s)...\n", mode);
    else std::fprintf(stderr, "run %d of %d (%s)...\n", rep, n, mode);
  };
  auto measured = lectern::runtime::run_constrained_bench(**backend, *tokenizer, options, progress);
  if (!measured.is_ok()) return fail(measured.status().to_string());
  const lectern::runtime::ConstrainedBenchResult& r = *measured;
  if (json) {
    const nlohmann::json j = {{"model", model},
                              {"backend", r.backend},
                              {"device", r.device_name},
                              {"json_schema", schema_path},
                              {"n_prompt", r.n_prompt},
                              {"n_gen", r.n_gen},
                              {"n_gen_constrained", r.n_constrained_tokens},
                              {"repetitions", r.n_repeats},
                              {"tg_tokens_per_s", stat_json(r.free_tokens_per_s)},
                              {"tg_constrained_tokens_per_s", stat_json(r.constrained_tokens_per_s)},
                              {"slowdown", r.slowdown},
                              {"ms_per_token", r.free_ms_per_token},
                              {"constrained_ms_per_token", r.constrained_ms_per_token},
                              {"mask_ms_per_step", r.mask_ms_per_step},
                              {"mask_cpu_ms_per_step", r.mask_cpu_ms_per_step},
                              {"mask_max_cpu_ms", r.mask_max_cpu_ms},
                              {"n_masks", r.n_masks},
                              {"values_per_repetition", r.n_values},
                              {"token_table_build_s", r.table_build_s}};
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("model: %s\ndevice: %s (%s backend)\nschema: %s; prompt %lld tokens, model card sampling, thinking off\n"
              "%d repetitions after one warm-up; token table built in %.2f s\n\n",
              model.c_str(), r.device_name.c_str(), r.backend.c_str(), schema_path.c_str(), (long long)r.n_prompt,
              r.n_repeats, r.table_build_s);
  const std::string test = "tg" + std::to_string(r.n_gen);
  std::printf("| test              |              t/s | ms/token |\n|-------------------|------------------|----------|\n");
  std::printf("| %-17s | %7.2f ± %6.2f | %8.2f |\n", test.c_str(), r.free_tokens_per_s.mean,
              r.free_tokens_per_s.stddev, r.free_ms_per_token);
  std::printf("| %-17s | %7.2f ± %6.2f | %8.2f |\n", (test + " +schema").c_str(), r.constrained_tokens_per_s.mean,
              r.constrained_tokens_per_s.stddev, r.constrained_ms_per_token);
  std::printf("\nconstrained decoding is %.1f %% %s; token mask %.3f ms/step (thread CPU %.3f ms, slowest %.3f ms) over "
              "%lld steps; %lld values (%lld tokens) per repetition\n",
              100.0 * std::abs(r.slowdown), r.slowdown >= 0 ? "slower" : "faster", r.mask_ms_per_step,
              r.mask_cpu_ms_per_step, r.mask_max_cpu_ms, (long long)r.n_masks, (long long)r.n_values, (long long)r.n_constrained_tokens);
  return 0;
}

}  // namespace

static int run_bench(const std::vector<std::string>& args) {
  std::string model;
  lectern::DeviceChoice device = lectern::DeviceChoice::Auto;
  lectern::runtime::BenchOptions options;
  bool json = false, bandwidth = false, repeats_given = false;
  std::string schema_path;
  int64_t size_mib = 256;
  auto bad = [](const std::string& message) {
    std::fprintf(stderr, "lectern-cli bench: %s\n", message.c_str());
    print_bench_usage();
    return 2;
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    auto count = [&](int64_t min, int64_t max) -> std::optional<int64_t> {
      auto v = parse_count(args[++i], max);
      if (!v || *v < min) return std::nullopt;
      return v;
    };
    if (a == "-h" || a == "--help") {
      print_bench_usage();
      return 0;
    } else if (a == "--json") {
      json = true;
    } else if (a == "--bandwidth") {
      bandwidth = true;
    } else if (a == "--json-schema" && has_value) {
      schema_path = args[++i];
    } else if ((a == "-p" || a == "--n-prompt") && has_value) {
      auto v = count(0, 1 << 20);
      if (!v) return bad(a + " needs a token count (0 or more), got '" + args[i] + "'");
      options.n_prompt = int32_t(*v);
    } else if ((a == "-n" || a == "--n-gen") && has_value) {
      auto v = count(0, 1 << 20);
      if (!v) return bad(a + " needs a token count (0 or more), got '" + args[i] + "'");
      options.n_gen = int32_t(*v);
    } else if ((a == "-r" || a == "--repetitions") && has_value) {
      auto v = count(1, 10000);
      if (!v) return bad(a + " needs a positive number of repetitions, got '" + args[i] + "'");
      options.n_repeats = int32_t(*v);
      repeats_given = true;
    } else if (a == "--batch" && has_value) {
      auto v = count(1, INT32_MAX);
      if (!v) return bad("--batch needs a positive integer, got '" + args[i] + "'");
      options.n_batch = int32_t(*v);
    } else if ((a == "--context" || a == "-c") && has_value) {
      auto v = count(1, INT64_MAX);
      if (!v) return bad(a + " needs a positive token count, got '" + args[i] + "'");
      options.n_ctx = *v;
    } else if (a == "--size" && has_value) {
      auto v = count(1, 1 << 20);
      if (!v) return bad("--size needs a positive number of MiB, got '" + args[i] + "'");
      size_mib = *v;
    } else if (a == "--device" && has_value) {
      auto d = lectern::device_choice_from_name(args[++i]);
      if (!d) return bad("unknown device '" + args[i] + "' (auto, cpu or vulkan)");
      device = *d;
    } else if (model.empty() && !a.starts_with("-")) {
      model = a;
    } else {
      return bad("unexpected argument '" + a + "'");
    }
  }
  if (bandwidth) {
    if (!model.empty()) return bad("--bandwidth measures the device and takes no model");
    return run_bandwidth(uint64_t(size_mib), repeats_given ? options.n_repeats : 10, json);
  }
  if (model.empty()) return bad("no model given");
  if (!schema_path.empty()) {
    if (options.n_gen < 1) return bad("--json-schema needs -n of at least 1");
    return run_schema_bench(model, schema_path, device, options, json);
  }
  if (options.n_prompt == 0 && options.n_gen == 0) return bad("-p and -n are both 0: nothing to measure");
  const int64_t needed = std::max<int64_t>(options.n_prompt > 0 ? options.n_prompt + 1 : 0, options.n_gen);
  if (options.n_ctx > 0 && options.n_ctx < needed)
    return bad("--context " + std::to_string(options.n_ctx) + " is too small for this test; it needs at least " +
               std::to_string(needed));

  const auto t_load = std::chrono::steady_clock::now();
  auto loaded = load_backend(model, device);
  if (!loaded.is_ok()) return fail(loaded.status().to_string());
  std::unique_ptr<lectern::runtime::ModelBackend> backend = std::move(loaded).value();
  const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_load).count();

  auto progress = [&](int32_t rep, int32_t n) {
    if (json) return;
    if (rep == 0) std::fprintf(stderr, "warm-up run...\n");
    else std::fprintf(stderr, "run %d of %d...\n", rep, n);
  };
  auto measured = lectern::runtime::run_bench(*backend, options, progress);
  if (!measured.is_ok()) return fail(measured.status().to_string());
  const lectern::runtime::BenchResult& r = *measured;
  // Where the backend does not count its allocations (CPU), the plan is the best figure there is.
  const bool peak_measured = r.peak_device_bytes > 0;
  const uint64_t peak_bytes = peak_measured ? r.peak_device_bytes : r.planned_bytes;

  if (json) {
    nlohmann::json j = {{"model", model},
                        {"backend", r.backend},
                        {"device", r.device_name},
                        {"n_prompt", r.n_prompt},
                        {"n_gen", r.n_gen},
                        {"repetitions", r.n_repeats},
                        {"n_batch", r.n_batch},
                        {"n_ctx", r.n_ctx},
                        {"load_s", load_s},
                        {"weight_bytes", r.weight_bytes},
                        {"planned_bytes", r.planned_bytes},
                        {"peak_memory_bytes", peak_bytes},
                        {"peak_memory_measured", peak_measured}};
    if (r.n_prompt > 0) {
      j["pp_tokens_per_s"] = stat_json(r.pp_tokens_per_s);
      j["ttft_ms"] = stat_json(r.ttft_ms);
    }
    if (r.n_gen > 0) j["tg_tokens_per_s"] = stat_json(r.tg_tokens_per_s);
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("model: %s\ndevice: %s (%s backend), loaded in %.1f s\n", model.c_str(), r.device_name.c_str(),
              r.backend.c_str(), load_s);
  std::printf("memory: weights %.1f MiB, plan %.1f MiB, peak %.1f MiB%s\n", mib(r.weight_bytes), mib(r.planned_bytes),
              mib(peak_bytes), peak_measured ? " (allocated)" : " (planned; not tracked on this backend)");
  std::printf("batch %d, context %lld, %d repetitions after one warm-up\n\n", r.n_batch, (long long)r.n_ctx,
              r.n_repeats);
  std::printf("| test   |              t/s |\n|--------|------------------|\n");
  if (r.n_prompt > 0) {
    const std::string test = "pp" + std::to_string(r.n_prompt);
    std::printf("| %-6s | %7.2f ± %6.2f |\n", test.c_str(), r.pp_tokens_per_s.mean, r.pp_tokens_per_s.stddev);
  }
  if (r.n_gen > 0) {
    const std::string test = "tg" + std::to_string(r.n_gen);
    std::printf("| %-6s | %7.2f ± %6.2f |\n", test.c_str(), r.tg_tokens_per_s.mean, r.tg_tokens_per_s.stddev);
  }
  if (r.n_prompt > 0)
    std::printf("\ntime to first token (pp%d + one decode): %.1f ± %.1f ms\n", r.n_prompt, r.ttft_ms.mean,
                r.ttft_ms.stddev);
  return 0;
}

LECTERN_CLI_COMMAND(bench, "measure prompt/generation speed of a model, or the device's memory bandwidth", run_bench);
