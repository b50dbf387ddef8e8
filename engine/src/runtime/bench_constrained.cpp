// bench_constrained.cpp: run_constrained_bench(): free vs JSON-schema-constrained generation through the real
// generation loop, with the masks timed by a forwarding TokenConstraint.
#include "runtime/bench_constrained.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <vector>

#include "runtime/generation.h"
#include "runtime/generation_vocab.h"
#include "runtime/json_constraint.h"
#include "runtime/session.h"
#include "runtime/timed_constraint.h"

namespace lectern::runtime {
namespace {

// The token budget of one value, as `lectern extract` gives it (--max-tokens), or more when the schema's shortest
// value needs more (the constraint may need a token per byte).
constexpr int32_t kValueBudget = 1024;

// An extraction-style prompt with thinking off (the Qwen3.5 template's empty think block).
constexpr const char* kPrompt =
    "<|im_start|>user\nExtract the fields of this document as JSON.\nInvoice 2026-117, Example GmbH, total 1,250.00 "
    "EUR, contact billing@example.com<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n";

}  // namespace

Result<ConstrainedBenchResult> run_constrained_bench(ModelBackend& backend, const Tokenizer& tokenizer,
                                                     const ConstrainedBenchOptions& options,
                                                     const ConstrainedBenchProgress& progress) {
  if (options.n_gen < 1) return Status(ErrorCode::InvalidArgument, "the constrained benchmark needs -n of at least 1");
  if (options.n_repeats < 1) return Status(ErrorCode::InvalidArgument, "repetitions must be at least 1");
  const BackendInfo& info = backend.info();
  LECTERN_ASSIGN_OR_RETURN(GenerationVocab vocab, generation_vocab(tokenizer, info.n_vocab));
  // The free run generates exactly n_gen tokens: nothing stops it early.
  GenerationVocab free_vocab = vocab;
  free_vocab.stop_ids.clear();

  const auto t_table = std::chrono::steady_clock::now();
  LECTERN_ASSIGN_OR_RETURN(std::shared_ptr<const JsonTokenTable> table,
                           JsonTokenTable::build(tokenizer, info.n_vocab, vocab.stop_ids));
  const double table_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_table).count();
  Result<std::unique_ptr<JsonConstraint>> probe = JsonConstraint::create(table, options.schema_json);
  if (!probe.is_ok()) return probe.status().with_context("--json-schema");
  const int32_t value_budget = std::max(kValueBudget, (*probe)->min_remaining());

  LECTERN_ASSIGN_OR_RETURN(std::vector<int32_t> prompt, tokenizer.encode(kPrompt));
  SessionOptions so;
  so.n_ctx = static_cast<int64_t>(prompt.size()) + options.n_gen + value_budget + 8;
  so.checkpoint_interval = 0;
  LECTERN_ASSIGN_OR_RETURN(Session session, Session::create(backend, so));

  GenerationSettings settings;
  settings.sampler = default_sampler_settings(/*thinking=*/false, /*vision=*/false);
  settings.sampler.seed = options.seed;

  ConstrainedBenchResult r;
  r.backend = info.name;
  r.device_name = info.device_name;
  r.n_gen = options.n_gen;
  r.n_repeats = options.n_repeats;
  r.n_prompt = static_cast<int64_t>(prompt.size());
  r.table_build_s = table_s;

  std::vector<double> free_tps, constrained_tps;
  double free_s = 0, constrained_s = 0, mask_wall = 0, mask_cpu = 0;
  int64_t n_values = 0;
  for (int32_t rep = 0; rep <= options.n_repeats; ++rep) {
    // Free: one generation of exactly n_gen tokens.
    if (progress) progress("free", rep, options.n_repeats);
    session.reset();
    GenerationSettings g = settings;
    g.max_tokens = options.n_gen;
    LECTERN_ASSIGN_OR_RETURN(GenerationResult unconstrained,
                             generate(session, tokenizer, free_vocab, prompt, g, {}, nullptr));
    if (unconstrained.stats.finish_reason == FinishReason::Error)
      return unconstrained.error.with_context("generating without constraint");
    if (unconstrained.stats.n_generated != options.n_gen)
      return Status(ErrorCode::Internal, "the free run generated " + std::to_string(unconstrained.stats.n_generated) +
                                             " tokens instead of " + std::to_string(options.n_gen));

    // Constrained: values back to back (each a fresh constraint continuing the history, with the budget of an
    // extraction) until n_gen tokens; the last one is cut there.
    if (progress) progress("constrained", rep, options.n_repeats);
    session.reset();
    std::vector<int32_t> history = prompt;
    int64_t n_done = 0, values = 0;
    double gen_s = 0;
    double rep_mask_wall = 0, rep_mask_cpu = 0, rep_max_cpu = 0;
    int64_t rep_masks = 0;
    while (n_done < options.n_gen) {
      LECTERN_ASSIGN_OR_RETURN(std::unique_ptr<JsonConstraint> constraint,
                               JsonConstraint::create(table, options.schema_json));
      std::atomic<bool> cut{false};
      TimedConstraint timed(*constraint, options.n_gen - n_done, &cut);
      g.max_tokens = value_budget;
      LECTERN_ASSIGN_OR_RETURN(GenerationResult out,
                               generate(session, tokenizer, vocab, history, g, {}, &cut, &timed));
      if (out.stats.finish_reason == FinishReason::Error) return out.error.with_context("generating with constraint");
      if (out.stats.n_generated == 0) return Status(ErrorCode::Internal, "a constrained generation produced no token");
      n_done += out.stats.n_generated;
      gen_s += out.stats.generation_seconds;
      history.insert(history.end(), out.tokens.begin(), out.tokens.end());
      rep_mask_wall += timed.wall_s;
      rep_mask_cpu += timed.cpu_s;
      rep_max_cpu = std::max(rep_max_cpu, timed.max_cpu_s);
      rep_masks += timed.n_masks;
      ++values;
    }
    if (rep == 0) continue;  // warm-up
    free_tps.push_back(double(options.n_gen) / unconstrained.stats.generation_seconds);
    constrained_tps.push_back(double(n_done) / gen_s);
    r.n_constrained_tokens += n_done;
    free_s += unconstrained.stats.generation_seconds;
    constrained_s += gen_s;
    mask_wall += rep_mask_wall;
    mask_cpu += rep_mask_cpu;
    r.mask_max_cpu_ms = std::max(r.mask_max_cpu_ms, 1e3 * rep_max_cpu);
    r.n_masks += rep_masks;
    n_values += values;
  }
  r.free_tokens_per_s = bench_stat(free_tps);
  r.constrained_tokens_per_s = bench_stat(constrained_tps);
  const double n_tokens = double(options.n_gen) * double(options.n_repeats);
  r.free_ms_per_token = 1e3 * free_s / n_tokens;
  r.constrained_ms_per_token = 1e3 * constrained_s / double(std::max<int64_t>(1, r.n_constrained_tokens));
  r.slowdown = r.free_ms_per_token > 0 ? r.constrained_ms_per_token / r.free_ms_per_token - 1.0 : 0.0;
  r.mask_ms_per_step = r.n_masks > 0 ? 1e3 * mask_wall / double(r.n_masks) : 0.0;
  r.mask_cpu_ms_per_step = r.n_masks > 0 ? 1e3 * mask_cpu / double(r.n_masks) : 0.0;
  r.n_values = n_values / options.n_repeats;
  r.n_constrained_tokens /= options.n_repeats;
  return r;
}

}  // namespace lectern::runtime
