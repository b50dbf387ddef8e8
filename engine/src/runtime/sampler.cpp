// sampler.cpp: the sampling chain. Probabilities in double; the draw uses the top 53 bits of mt19937_64 directly
// (std::uniform_real_distribution differs between standard libraries, and "same seed, same tokens" must hold).
#include "runtime/sampler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lectern {

SamplerSettings default_sampler_settings(bool thinking, bool vision) {
  // qwen35.md §9 (Qwen3.5-0.8B model card).
  SamplerSettings s;
  s.top_k = 20;
  s.min_p = 0.0f;
  s.repetition_penalty = 1.0f;
  if (!thinking && !vision) s.temperature = 1.0f, s.top_p = 1.0f, s.presence_penalty = 2.0f;
  if (!thinking && vision) s.temperature = 0.7f, s.top_p = 0.8f, s.presence_penalty = 1.5f;
  if (thinking && !vision) s.temperature = 1.0f, s.top_p = 0.95f, s.presence_penalty = 1.5f;
  if (thinking && vision) s.temperature = 0.6f, s.top_p = 0.95f, s.presence_penalty = 0.0f;
  return s;
}

}  // namespace lectern

namespace lectern::runtime {
namespace {

constexpr double kNegInf = -std::numeric_limits<double>::infinity();

uint64_t random_seed() {
  std::random_device rd;
  return (static_cast<uint64_t>(rd()) << 32) ^ rd();
}

}  // namespace

Sampler::Sampler(const SamplerSettings& settings, std::vector<uint8_t> allowed)
    : settings_(settings), allowed_(std::move(allowed)) {
  seed_ = settings.seed ? *settings.seed : random_seed();
  rng_.seed(seed_);
}

void Sampler::reset() {
  history_.clear();
  in_output_.clear();
  rng_.seed(seed_);
}

void Sampler::add_context(std::span<const int32_t> tokens) { history_.insert(history_.end(), tokens.begin(), tokens.end()); }

void Sampler::accept(int32_t token) {
  history_.push_back(token);
  if (token < 0) return;
  if (static_cast<size_t>(token) >= in_output_.size()) in_output_.resize(static_cast<size_t>(token) + 1, 0);
  in_output_[static_cast<size_t>(token)] = 1;
}

std::vector<double> Sampler::penalized(std::span<const float> logits) const {
  const size_t n = logits.size();
  std::vector<double> x(n);
  for (size_t i = 0; i < n; ++i) {
    const bool ok = allowed_.empty() || (i < allowed_.size() && allowed_[i]);
    x[i] = ok && !std::isnan(logits[i]) ? static_cast<double>(logits[i]) : kNegInf;
  }
  const double r = settings_.repetition_penalty;
  if (r != 1.0 && r > 0.0) {
    size_t begin = 0;
    if (settings_.repetition_last_n > 0 && history_.size() > static_cast<size_t>(settings_.repetition_last_n))
      begin = history_.size() - static_cast<size_t>(settings_.repetition_last_n);
    std::vector<uint8_t> seen(n, 0);
    for (size_t i = begin; i < history_.size(); ++i) {
      const int32_t t = history_[i];
      if (t < 0 || static_cast<size_t>(t) >= n || seen[static_cast<size_t>(t)]) continue;
      seen[static_cast<size_t>(t)] = 1;
      double& v = x[static_cast<size_t>(t)];
      v = v > 0 ? v / r : v * r;
    }
  }
  const double pp = settings_.presence_penalty;
  if (pp != 0.0)
    for (size_t t = 0; t < std::min(n, in_output_.size()); ++t)
      if (in_output_[t]) x[t] -= pp;
  return x;
}

std::vector<Sampler::Candidate> Sampler::distribution(std::span<const float> logits) const {
  std::vector<double> x = penalized(logits);
  std::vector<Candidate> out;

  if (settings_.temperature <= 0.0f) {
    int32_t best = -1;
    for (size_t i = 0; i < x.size(); ++i)
      if (x[i] != kNegInf && (best < 0 || x[i] > x[static_cast<size_t>(best)])) best = static_cast<int32_t>(i);
    if (best >= 0) out.push_back({best, 1.0});
    return out;
  }

  struct Scored {
    int32_t id;
    double logit;
  };
  std::vector<Scored> c;
  c.reserve(x.size());
  const double inv_t = 1.0 / settings_.temperature;
  for (size_t i = 0; i < x.size(); ++i)
    if (x[i] != kNegInf) c.push_back({static_cast<int32_t>(i), x[i] * inv_t});
  if (c.empty()) return out;
  auto better = [](const Scored& a, const Scored& b) { return a.logit > b.logit || (a.logit == b.logit && a.id < b.id); };
  if (settings_.top_k > 0 && static_cast<size_t>(settings_.top_k) < c.size()) {
    std::nth_element(c.begin(), c.begin() + settings_.top_k - 1, c.end(), better);
    c.resize(static_cast<size_t>(settings_.top_k));
  }
  std::sort(c.begin(), c.end(), better);

  // Softmax over the survivors (max first, so exp never overflows).
  out.resize(c.size());
  double sum = 0.0;
  for (size_t i = 0; i < c.size(); ++i) {
    out[i] = {c[i].id, std::exp(c[i].logit - c[0].logit)};
    sum += out[i].p;
  }
  for (auto& o : out) o.p /= sum;

  // Top-p: the shortest most-likely-first prefix whose mass reaches top_p.
  if (settings_.top_p < 1.0f) {
    double cum = 0.0;
    size_t keep = out.size();
    for (size_t i = 0; i < out.size(); ++i) {
      cum += out[i].p;
      if (cum >= settings_.top_p) {
        keep = i + 1;
        break;
      }
    }
    out.resize(std::max<size_t>(keep, 1));
    double s = 0.0;
    for (const auto& o : out) s += o.p;
    for (auto& o : out) o.p /= s;
  }

  // Min-p: relative to the most likely token (renormalising does not change the ratio).
  if (settings_.min_p > 0.0f) {
    const double threshold = settings_.min_p * out[0].p;
    size_t keep = 1;
    while (keep < out.size() && out[keep].p >= threshold) ++keep;
    out.resize(keep);
    double s = 0.0;
    for (const auto& o : out) s += o.p;
    for (auto& o : out) o.p /= s;
  }
  return out;
}

std::vector<uint32_t> Sampler::penalty_pairs(size_t n) const {
  const double r = settings_.repetition_penalty;
  if (!(r != 1.0 && r > 0.0) && settings_.presence_penalty == 0.0f) return {};
  std::vector<uint32_t> flags(n, 0);
  if (r != 1.0 && r > 0.0) {
    size_t begin = 0;
    if (settings_.repetition_last_n > 0 && history_.size() > static_cast<size_t>(settings_.repetition_last_n))
      begin = history_.size() - static_cast<size_t>(settings_.repetition_last_n);
    for (size_t i = begin; i < history_.size(); ++i)
      if (history_[i] >= 0 && static_cast<size_t>(history_[i]) < n) flags[static_cast<size_t>(history_[i])] |= 1u;
  }
  if (settings_.presence_penalty != 0.0f)
    for (size_t t = 0; t < std::min(n, in_output_.size()); ++t)
      if (in_output_[t]) flags[t] |= 2u;
  std::vector<uint32_t> out;
  for (size_t t = 0; t < n; ++t)
    if (flags[t]) out.insert(out.end(), {static_cast<uint32_t>(t), flags[t]});
  return out;
}

std::vector<uint32_t> Sampler::allowed_bits(size_t n) const {
  if (allowed_.empty()) return {};
  std::vector<uint32_t> bits((n + 31) / 32, 0);
  for (size_t i = 0; i < std::min(n, allowed_.size()); ++i)
    if (allowed_[i]) bits[i >> 5] |= 1u << (i & 31);
  return bits;
}

double Sampler::peek_uniform() const {
  std::mt19937_64 copy = rng_;
  return static_cast<double>(copy() >> 11) * 0x1.0p-53;
}

int32_t Sampler::sample(std::span<const float> logits) {
  const std::vector<Candidate> d = distribution(logits);
  if (d.empty()) return -1;
  if (d.size() == 1) return d[0].id;
  const double u = static_cast<double>(rng_() >> 11) * 0x1.0p-53;  // [0, 1)
  double cum = 0.0;
  for (const auto& c : d) {
    cum += c.p;
    if (u < cum) return c.id;
  }
  return d.back().id;  // rounding left u just above the total
}

}  // namespace lectern::runtime
