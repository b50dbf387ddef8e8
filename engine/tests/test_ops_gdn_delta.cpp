// test_ops_gdn_delta.cpp: the gated delta rule on the device, recurrent and chunked, vs the CPU references
// (cpu::gdn_delta_rule over cpu::delta_rule_recurrent / delta_rule_chunked): outputs and the final state, from a
// non-zero initial state, for k/v head counts that differ in both head orders, and across calls.
#include <gtest/gtest.h>

#include <chrono>

#include "cpu/gdn.h"
#include "ops/gdn.h"
#include "vk/command.h"
#include "vk_test_support.h"

using namespace lectern;

namespace {

// Recurrent kernel vs the CPU recurrence: per token the kernel forms dk-term f32 dot products (S^T k, S^T q; the
// CPU sums in f64 and rounds the state to f32 after each token, as the kernel does), so each token adds ~1e-7
// relative error to the state, which then decays (alpha < 1) or is overwritten by the delta update. Measured on
// lavapipe: nmse <= 8e-14 (T <= 130, dk <= 128). 1e-11 keeps a >100x margin while a wrong head, column or decay
// gives > 1e-3.
constexpr double k_recurrent_tolerance = 1e-11;
// Chunked kernels vs either CPU form: the forward substitution for (I + A)^-1, the W/U products and the
// inter-chunk products are f32 with a different summation order than the recurrence, and W S / Q S subtract
// nearly equal terms when keys repeat within a chunk. Measured on lavapipe: nmse <= 1.2e-12, and 2e-12 with
// strong decay (T <= 200, dk <= 128). 1e-10 keeps a 50x margin; a wrong mask, decay or padding row gives > 1e-4.
constexpr double k_chunked_tolerance = 1e-10;

struct Inputs {
  std::vector<float> qkv;    // [T, C] after the L2 norm, as the model feeds the delta rule
  std::vector<float> g;      // [T, Hv]
  std::vector<float> beta;   // [T, Hv]
};

cpu::GdnDims cpu_dims(const ops::GdnShape& s) {
  return {int(s.n_k_heads), int(s.n_v_heads), int(s.k_head_dim), int(s.v_head_dim), s.v_heads_tiled};
}

std::string shape_label(const ops::GdnShape& s) {
  return std::string("Hk=") + std::to_string(s.n_k_heads) + ",Hv=" + std::to_string(s.n_v_heads) + ",dk=" +
         std::to_string(s.k_head_dim) + ",dv=" + std::to_string(s.v_head_dim) +
         (s.n_k_heads == s.n_v_heads ? "" : s.v_heads_tiled ? ",order=tiled" : ",order=grouped");
}

// Random conv-like rows, L2-normalised like the real input; decays g in [g_min, 0), write strengths in (0, 1).
Inputs make_inputs(const ops::GdnShape& s, size_t T, uint64_t seed, float g_min = -1.0f) {
  Inputs in;
  in.qkv = vk_test::random_floats(T * s.conv_channels(), seed, -1.0f, 1.0f);
  EXPECT_TRUE(cpu::gdn_l2_norm_qk(in.qkv, cpu_dims(s)).is_ok());
  in.g = vk_test::random_floats(T * s.n_v_heads, seed + 1, g_min, 0.0f);
  in.beta = vk_test::random_floats(T * s.n_v_heads, seed + 2, 0.05f, 0.95f);
  return in;
}

std::vector<float> make_state(const ops::GdnShape& s, uint64_t seed) {
  return vk_test::random_floats(size_t(s.n_v_heads) * s.k_head_dim * s.v_head_dim, seed, -1.0f, 1.0f);
}

enum class Form { Recurrent, Chunked };

// The device side: one call over a batch with the state in `state_buf`. Returns o; counts dispatches.
std::vector<float> run_device(vk::Device& d, vk::Transfer& t, Form form, const ops::GdnShape& s, const Inputs& in,
                              vk::Buffer& state_buf, uint32_t* n_dispatches = nullptr) {
  const size_t T = in.g.size() / s.n_v_heads, n_o = T * s.n_v_heads * s.v_head_dim;
  vk::Buffer bqkv = vk_test::upload_floats(d, t, in.qkv, "qkv"), bg = vk_test::upload_floats(d, t, in.g, "g");
  vk::Buffer bbeta = vk_test::upload_floats(d, t, in.beta, "beta"), bo = vk_test::make_floats(d, n_o, "o");
  vk::Buffer scratch;
  auto seq = vk::Sequence::create(d);
  EXPECT_TRUE(seq.is_ok());
  if (!seq) return {};
  Status st;
  if (form == Form::Recurrent) {
    st = ops::delta_rule_recurrent(**seq, bqkv.whole(), bg.whole(), bbeta.whole(), state_buf.whole(), bo.whole(), s);
  } else {
    auto bytes = ops::delta_rule_chunked_scratch_bytes(d, s, T);
    EXPECT_TRUE(bytes.is_ok()) << bytes.status().to_string();
    if (!bytes) return {};
    scratch = vk_test::make_floats(d, *bytes / 4, "scratch");
    st = ops::delta_rule_chunked(**seq, bqkv.whole(), bg.whole(), bbeta.whole(), state_buf.whole(), bo.whole(),
                                 scratch.whole(), s);
  }
  EXPECT_TRUE(st.is_ok()) << st.to_string();
  if (!st.is_ok()) return {};
  if (n_dispatches) *n_dispatches += (*seq)->n_commands();
  Status r = (*seq)->run();
  EXPECT_TRUE(r.is_ok()) << r.to_string();
  return vk_test::download_floats(t, bo, n_o);
}

// One line per comparison: both the output and the final state must be within the tolerance.
void report(const std::string& label, double e_o, double e_state, double tolerance) {
  const bool ok = e_o <= tolerance && e_state <= tolerance;
  std::printf("%s o_nmse=%.3g state_nmse=%.3g %s\n", label.c_str(), e_o, e_state, ok ? "ok" : "FAIL");
  std::fflush(stdout);
  EXPECT_LE(e_o, tolerance) << label;
  EXPECT_LE(e_state, tolerance) << label;
}

// Runs `batches` consecutive calls of `form` on the device from a random state and compares the outputs and the
// final state with the CPU recurrence and (for the chunked form) the CPU chunked form.
void check(vk::Device& d, vk::Transfer& t, Form form, const ops::GdnShape& s, const std::vector<size_t>& batches,
           uint64_t seed, float g_min = -1.0f, uint32_t* n_dispatches = nullptr) {
  const std::vector<float> state0 = make_state(s, seed);
  vk::Buffer state_buf = vk_test::upload_floats(d, t, state0, "state");
  std::vector<float> want_rec_state = state0, want_chk_state = state0;
  std::vector<float> got_o, want_rec_o, want_chk_o;
  std::string ts;
  for (size_t b = 0; b < batches.size(); ++b) {
    const size_t T = batches[b];
    ts += std::string(b ? "+" : "") + std::to_string(T);
    Inputs in = make_inputs(s, T, seed + 10 * (b + 1), g_min);
    std::vector<float> o = run_device(d, t, form, s, in, state_buf, n_dispatches);
    ASSERT_EQ(o.size(), T * s.n_v_heads * s.v_head_dim);
    got_o.insert(got_o.end(), o.begin(), o.end());
    std::vector<float> want(o.size());
    ASSERT_TRUE(cpu::gdn_delta_rule(in.qkv, in.g, in.beta, want_rec_state, want, cpu_dims(s), false).is_ok());
    want_rec_o.insert(want_rec_o.end(), want.begin(), want.end());
    if (form == Form::Chunked) {
      ASSERT_TRUE(cpu::gdn_delta_rule(in.qkv, in.g, in.beta, want_chk_state, want, cpu_dims(s), true).is_ok());
      want_chk_o.insert(want_chk_o.end(), want.begin(), want.end());
    }
  }
  std::vector<float> got_state = vk_test::download_floats(t, state_buf, state0.size());
  std::string label = std::string(form == Form::Chunked ? "delta_rule_chunked" : "delta_rule_recurrent") +
                      "(type=f32," + shape_label(s) + ",T=" + ts + (g_min < -1.0f ? ",strong_decay" : "") +
                      (d.kernel_profile() == vk::KernelProfile::Cpu ? ",profile=cpu" : ",profile=gpu") +
                      (n_dispatches ? std::string(",dispatches=") + std::to_string(*n_dispatches) : "") + ")";
  const double tol = form == Form::Chunked ? k_chunked_tolerance : k_recurrent_tolerance;
  report(label + " vs cpu_recurrent", vk_test::nmse(got_o, want_rec_o), vk_test::nmse(got_state, want_rec_state),
         tol);
  if (form == Form::Chunked) {
    report(label + " vs cpu_chunked", vk_test::nmse(got_o, want_chk_o), vk_test::nmse(got_state, want_chk_state),
           tol);
  }
}

// Hk != Hv in both head orders, dk != dv, the golden tiny models' 64 and the real 128.
const ops::GdnShape k_shapes[] = {
    {2, 4, 32, 32, true}, {2, 4, 32, 32, false}, {1, 3, 32, 64, false}, {2, 2, 64, 64, false}, {1, 2, 128, 128, true}};
const ops::GdnShape s_real{16, 16, 128, 128, false};  // Qwen3.5-0.8B

}  // namespace

class OpsGdnDelta : public vk_test::VulkanTest {};

TEST_F(OpsGdnDelta, RecurrentMatchesReference) {
  vk::Device& d = vk_test::device();
  uint64_t seed = 1000;
  for (const ops::GdnShape& s : k_shapes) {
    for (size_t T : {1u, 3u, 64u}) check(d, vk_test::transfer(), Form::Recurrent, s, {T}, seed += 100);
  }
  // The 0.8B decode step: 16 heads of 128.
  check(d, vk_test::transfer(), Form::Recurrent, s_real, {1}, seed += 100);
  // A whole prompt batch at dk = 128 in one call: 600 tokens, more than lavapipe's loop limiter (65,535 iterations
  // per invocation) lets a kernel with a loop per state row finish in one dispatch.
  check(d, vk_test::transfer(), Form::Recurrent, {1, 2, 128, 128, true}, {600}, seed += 100);
}

// The recurrent kernel's other launch shape: GPUs use 32 columns x 8 row groups with a shared-memory reduction,
// CPU devices one subgroup of columns with whole state columns per invocation.
TEST_F(OpsGdnDelta, RecurrentOtherProfileMatchesReference) {
  const bool cpu = vk_test::device().kernel_profile() == vk::KernelProfile::Cpu;
  auto d = vk_test::make_device({.kernel_profile = cpu ? vk::KernelProfile::Gpu : vk::KernelProfile::Cpu});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  uint64_t seed = 1500;
  for (const ops::GdnShape& s : k_shapes) check(*d, *t, Form::Recurrent, s, {s.k_head_dim == 128 ? 3u : 64u}, seed += 100);
  check(*d, *t, Form::Recurrent, s_real, {1}, seed += 100);
}

// CPU devices run gdn_recurrent_lanes where dv allows; gdn_recurrent with whole state columns per invocation is the
// fallback (forced here with LECTERN_GDN_LANES=0). It loops ~270 times per token at dk = 128, so on lavapipe, whose
// loop limiter ends an invocation silently after 65,535 iterations, 600 tokens must run as several dispatches (one
// dispatch came back with o_nmse ~1e3).
TEST_F(OpsGdnDelta, RecurrentCpuFallbackMatchesReference) {
  vk_test::ScopedEnv lanes("LECTERN_GDN_LANES", "0");
  auto d = vk_test::make_device({.kernel_profile = vk::KernelProfile::Cpu});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  check(*d, *t, Form::Recurrent, {2, 4, 32, 32, false}, {64}, 1700);
  check(*d, *t, Form::Recurrent, {1, 2, 128, 128, true}, {600}, 1800);
}

TEST_F(OpsGdnDelta, PrefersChunkedOnlyOnGpusForLongerBatches) {
  auto cpu = vk_test::make_device({.kernel_profile = vk::KernelProfile::Cpu});
  auto gpu = vk_test::make_device({.kernel_profile = vk::KernelProfile::Gpu});
  ASSERT_TRUE(cpu && gpu);
  EXPECT_FALSE(ops::delta_rule_prefers_chunked(*cpu, 4096));
  EXPECT_FALSE(ops::delta_rule_prefers_chunked(*gpu, 1));
  EXPECT_TRUE(ops::delta_rule_prefers_chunked(*gpu, 4096));
}

TEST_F(OpsGdnDelta, ChunkedMatchesReference) {
  vk::Device& d = vk_test::device();
  uint64_t seed = 2000;
  for (const ops::GdnShape& s : k_shapes) {
    for (size_t T : {1u, 63u, 64u, 65u, 130u, 200u}) {
      if (s.k_head_dim == 128 && T != 65 && T != 200) continue;  // the f64 CPU references are slow at dk = 128
      check(d, vk_test::transfer(), Form::Chunked, s, {T}, seed += 100);
    }
  }
  // Strong decay (g down to -30 per token): Gamma underflows to 0 inside a chunk; nothing may become nan or inf.
  check(d, vk_test::transfer(), Form::Chunked, {2, 4, 32, 32, true}, {130}, seed += 100, -30.0f);
}

// The state carried between calls: two prefills, and a prefill (chunked) followed by decode steps (recurrent).
TEST_F(OpsGdnDelta, StateCarriesAcrossCalls) {
  vk::Device& d = vk_test::device();
  vk::Transfer& t = vk_test::transfer();
  const ops::GdnShape s{2, 4, 32, 32, true};
  check(d, t, Form::Chunked, s, {65, 70}, 3000);
  check(d, t, Form::Recurrent, s, {1, 1, 2}, 3100);

  // Prefill 130 tokens chunked, then 3 single-token decode steps, vs the CPU recurrence over all 133.
  const std::vector<float> state0 = make_state(s, 3200);
  vk::Buffer state_buf = vk_test::upload_floats(d, t, state0, "state");
  std::vector<float> want_state = state0, got_o, want_o;
  for (size_t step = 0; step < 4; ++step) {
    const size_t T = step == 0 ? 130 : 1;
    Inputs in = make_inputs(s, T, 3300 + 10 * step);
    std::vector<float> o = run_device(d, t, step == 0 ? Form::Chunked : Form::Recurrent, s, in, state_buf);
    std::vector<float> want(T * s.n_v_heads * s.v_head_dim);
    ASSERT_TRUE(cpu::gdn_delta_rule(in.qkv, in.g, in.beta, want_state, want, cpu_dims(s), false).is_ok());
    got_o.insert(got_o.end(), o.begin(), o.end());
    want_o.insert(want_o.end(), want.begin(), want.end());
  }
  report(std::string("delta_rule_chunked+recurrent(type=f32,") + shape_label(s) + ",T=130+1+1+1) vs cpu_recurrent",
         vk_test::nmse(got_o, want_o), vk_test::nmse(vk_test::download_floats(t, state_buf, state0.size()), want_state),
         k_chunked_tolerance);
}

// Batches larger than one binding (64 KiB here: 64 rows of 1 KiB) run in groups of whole chunks that carry the
// state from one to the next and reuse the scratch.
TEST_F(OpsGdnDelta, SplitBindingsMatchReference) {
  vk_test::ScopedEnv binding("LECTERN_VK_MAX_BINDING_BYTES", "64K");
  auto d = vk_test::make_device({});
  ASSERT_TRUE(d);
  auto t = vk_test::make_transfer(*d);
  ASSERT_TRUE(t);
  const ops::GdnShape s{2, 4, 32, 32, false};  // C = 256 floats = 1 KiB per token
  uint32_t n_chunked = 0, n_recurrent = 0;
  check(*d, *t, Form::Chunked, s, {200}, 4000, -1.0f, &n_chunked);
  EXPECT_EQ(n_chunked, 12u);  // 4 groups (64, 64, 64, 8 tokens) x 3 kernels
  check(*d, *t, Form::Recurrent, s, {130}, 4100, -1.0f, &n_recurrent);
  EXPECT_EQ(n_recurrent, 3u);  // 64 + 64 + 2 tokens
  auto bytes = ops::delta_rule_chunked_scratch_bytes(*d, s, 200);
  ASSERT_TRUE(bytes.is_ok());
  EXPECT_EQ(*bytes, 4u * 64 * (32 + 32) * 4);  // one group's W and U: Hv x 64 rows x (dk + dv) floats
}

TEST_F(OpsGdnDelta, RejectsBadArguments) {
  vk::Device& d = vk_test::device();
  const ops::GdnShape s{1, 2, 32, 32, false};  // C = 128
  vk::Buffer qkv = vk_test::make_floats(d, 3 * 128, "qkv"), g = vk_test::make_floats(d, 6, "g");
  vk::Buffer beta = vk_test::make_floats(d, 6, "beta"), state = vk_test::make_floats(d, 2 * 32 * 32, "state");
  vk::Buffer o = vk_test::make_floats(d, 3 * 64, "o"), small = vk_test::make_floats(d, 16, "small");
  auto seq = vk::Sequence::create(d);
  ASSERT_TRUE(seq.is_ok());
  vk::Sequence& q = **seq;
  Status st = ops::delta_rule_recurrent(q, qkv.whole(), g.whole(), beta.whole(), small.whole(), o.whole(), s);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(st.message().find("state [Hv, dk, dv] has 16 elements, expected 2048"), std::string::npos)
      << st.message();
  st = ops::delta_rule_recurrent(q, qkv.whole(), g.whole(), beta.whole(), state.whole(), qkv.slice(0, 3 * 64 * 4), s);
  EXPECT_NE(st.message().find("o must not overlap"), std::string::npos) << st.message();
  st = ops::delta_rule_recurrent(q, qkv.whole(), small.whole(), beta.whole(), state.whole(), o.whole(), s);
  EXPECT_NE(st.message().find("g [T, Hv] has 16 elements, expected 6"), std::string::npos) << st.message();
  st = ops::delta_rule_recurrent(q, qkv.whole(), g.whole(), beta.whole(), state.whole(), o.whole(),
                                 {1, 2, 32, 40, false});
  EXPECT_NE(st.message().find("dv=40"), std::string::npos) << st.message();
  st = ops::delta_rule_chunked(q, qkv.whole(), g.whole(), beta.whole(), state.whole(), o.whole(), small.whole(), s);
  EXPECT_EQ(st.code(), ErrorCode::InvalidArgument);
  EXPECT_NE(st.message().find("delta_rule_chunked_scratch_bytes"), std::string::npos) << st.message();
  EXPECT_EQ(ops::delta_rule_chunked_scratch_bytes(d, s, 0).status().code(), ErrorCode::InvalidArgument);
  EXPECT_EQ(q.n_commands(), 0u);
}

// The 0.8B layer shape (16 heads of 128, 3 chunks with a partial one) through both device forms, which must agree;
// the f64 CPU references would take too long here. The wall times are printed for the log, not checked.
TEST_F(OpsGdnDelta, RealShapeChunkedAgreesWithRecurrent) {
  vk::Device& d = vk_test::device();
  vk::Transfer& t = vk_test::transfer();
  const ops::GdnShape s{16, 16, 128, 128, false};
  const size_t T = 130;
  Inputs in = make_inputs(s, T, 5000);
  const std::vector<float> state0 = make_state(s, 5001);
  vk::Buffer st_rec = vk_test::upload_floats(d, t, state0, "state"), st_chk = vk_test::upload_floats(d, t, state0, "state");
  auto t0 = std::chrono::steady_clock::now();
  std::vector<float> o_rec = run_device(d, t, Form::Recurrent, s, in, st_rec);
  auto t1 = std::chrono::steady_clock::now();
  std::vector<float> o_chk = run_device(d, t, Form::Chunked, s, in, st_chk);
  auto t2 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
  std::printf("delta_rule 0.8B shape T=%zu: recurrent %.0f ms, chunked %.0f ms (wall, incl. upload)\n", T,
              ms(t0, t1), ms(t1, t2));
  report(std::string("delta_rule_chunked(type=f32,") + shape_label(s) + ",T=130) vs device recurrent", vk_test::nmse(o_chk, o_rec),
         vk_test::nmse(vk_test::download_floats(t, st_chk, state0.size()),
                       vk_test::download_floats(t, st_rec, state0.size())),
         k_chunked_tolerance);
}
