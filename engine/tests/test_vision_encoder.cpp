// test_vision_encoder.cpp: the CPU vision encoder (cpu/vision_reference) on a tiny random tower against an
// independent, straightforward formulation written here: Conv3d as a 7-loop convolution over the raw HF kernel,
// and the whole encoder in raster patch order (position table and rotary computed from (row, col) directly,
// attention as plain softmax loops), permuted into merge windows only at the merger.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/quant.h"
#include "cpu/vision_reference.h"
#include "model/hf_folder.h"
#include "model/test_model_maker.h"
#include "model/test_vision_tower.h"
#include "model/vision_preprocess.h"
#include "model/vision_weights.h"
#include "model_test_support.h"

namespace lectern {
namespace {

using model::RgbImage;
using model::TensorRef;
using lectern::testing::TempDir;

std::vector<float> f32(const TensorRef& t) {
  std::vector<float> v(t.n_elements());
  EXPECT_TRUE(dequantize_row_checked(t.dtype, t.data, t.n_bytes, v.data(), static_cast<int64_t>(v.size())).is_ok());
  return v;
}

RgbImage random_image(uint32_t w, uint32_t h, uint32_t seed) {
  std::mt19937 rng(seed);
  RgbImage im{w, h, std::vector<uint8_t>(size_t{w} * h * 3)};
  for (uint8_t& b : im.rgb) b = static_cast<uint8_t>(rng() & 0xff);
  return im;
}

struct Fixture {
  TempDir dir;
  std::string hf;
  model::VisionWeights w;
  std::vector<float> conv;  // raw HF Conv3d kernel [E][3][2][16][16]
};

std::unique_ptr<Fixture> make_fixture() {
  auto f = std::make_unique<Fixture>();
  model::TestModelOptions o;
  o.format = model::TestModelFormat::Hf;
  o.out = f->dir.file("hf");
  o.seed = 11;
  EXPECT_TRUE(model::make_test_model(o).is_ok());
  EXPECT_TRUE(model::add_test_vision_tower_hf(o.out, {model::TestVisionShape::Tiny, model::TestModelType::F32, 11, 256})
                  .is_ok());
  f->hf = o.out;
  auto w = model::load_vision_weights(o.out);
  EXPECT_TRUE(w.is_ok()) << w.status().to_string();
  f->w = std::move(w).value();
  auto folder = model::open_hf_folder(o.out);
  EXPECT_TRUE(folder.is_ok());
  const model::HfTensorLocation* loc = folder->find("model.visual.patch_embed.proj.weight");
  EXPECT_NE(loc, nullptr);
  auto bytes = folder->tensor_data(*loc);
  f->conv.resize(bytes.size() / 4);
  std::memcpy(f->conv.data(), bytes.data(), bytes.size());
  return f;
}

float norm_px(const RgbImage& im, uint32_t y, uint32_t x, uint32_t c) {
  return im.rgb[(size_t{y} * im.width + x) * 3 + c] / 127.5f - 1.0f;
}

// Patch embedding of patch (pr, pc) as a Conv3d (kernel = stride = (2, 16, 16)) over the two frames.
std::vector<double> conv3d_patch(const Fixture& f, const RgbImage& f0, const RgbImage& f1, uint32_t pr, uint32_t pc) {
  const auto& hp = f.w.hparams;
  const float* bias = f.w.patch_bias.f32();
  std::vector<double> out(hp.n_embd);
  for (uint32_t o = 0; o < hp.n_embd; ++o) {
    double s = bias[o];
    for (uint32_t c = 0; c < 3; ++c)
      for (uint32_t t = 0; t < 2; ++t)
        for (uint32_t y = 0; y < 16; ++y)
          for (uint32_t x = 0; x < 16; ++x)
            s += double(f.conv[((((size_t{o} * 3 + c) * 2 + t) * 16 + y) * 16) + x]) *
                 norm_px(t ? f1 : f0, pr * 16 + y, pc * 16 + x, c);
    out[o] = s;
  }
  return out;
}

TEST(VisionEncoder, PatchMatmulEqualsDirectConv3d) {
  auto f = make_fixture();
  RgbImage a = random_image(96, 64, 1), b = random_image(96, 64, 2);
  const RgbImage* frames[] = {&a, &b};
  auto in = model::patchify(frames, f->w.hparams);
  ASSERT_TRUE(in.is_ok());
  auto emb = cpu::vision_patch_embed_reference(f->w, *in);
  ASSERT_TRUE(emb.is_ok()) << emb.status().to_string();
  const uint32_t E = f->w.hparams.n_embd;
  for (uint32_t i = 0; i < in->n_patches(); ++i) {
    const auto [pr, pc] = model::merge_order_patch(i, in->grid_w, 2);
    auto want = conv3d_patch(*f, a, b, pr, pc);
    for (uint32_t o = 0; o < E; ++o) ASSERT_NEAR((*emb)[size_t{i} * E + o], want[o], 1e-4) << "patch " << i << " out " << o;
  }
}

// ---- the independent encoder ----

using Mat = std::vector<double>;  // row-major

Mat linear(const Mat& x, size_t n, const TensorRef& w, const TensorRef& b) {
  const size_t in = w.ne[0], out = w.ne[1];
  const std::vector<float> W = f32(w);
  const float* B = b.f32();
  Mat y(n * out);
  for (size_t r = 0; r < n; ++r)
    for (size_t o = 0; o < out; ++o) {
      double s = B[o];
      for (size_t i = 0; i < in; ++i) s += W[o * in + i] * x[r * in + i];
      y[r * out + o] = s;
    }
  return y;
}

Mat layer_norm(const Mat& x, size_t n, size_t d, const TensorRef& g, const TensorRef& b) {
  Mat y(n * d);
  for (size_t r = 0; r < n; ++r) {
    double mean = 0, var = 0;
    for (size_t i = 0; i < d; ++i) mean += x[r * d + i];
    mean /= d;
    for (size_t i = 0; i < d; ++i) var += (x[r * d + i] - mean) * (x[r * d + i] - mean);
    var /= d;
    for (size_t i = 0; i < d; ++i) y[r * d + i] = (x[r * d + i] - mean) / std::sqrt(var + 1e-6) * g.f32()[i] + b.f32()[i];
  }
  return y;
}

// One temporal slice of frames (f0, f1) in raster order; returns merged tokens [n_tokens, n_out].
Mat independent_encoder(const Fixture& f, const RgbImage& f0, const RgbImage& f1) {
  const auto& hp = f.w.hparams;
  const size_t gh = f0.height / 16, gw = f0.width / 16, n = gh * gw, E = hp.n_embd, H = hp.n_head, D = E / H;
  const size_t side = 8;
  Mat x(n * E);
  const std::vector<float> table = f32(f.w.position_embd);  // [64][E]
  for (size_t r = 0; r < gh; ++r)
    for (size_t c = 0; c < gw; ++c) {
      auto p = conv3d_patch(f, f0, f1, static_cast<uint32_t>(r), static_cast<uint32_t>(c));
      const double y = gh == 1 ? 0 : double(r) * (side - 1) / (gh - 1), xx = gw == 1 ? 0 : double(c) * (side - 1) / (gw - 1);
      const size_t y0 = size_t(y), x0 = size_t(xx), y1 = std::min(y0 + 1, side - 1), x1 = std::min(x0 + 1, side - 1);
      const double dy = y - y0, dx = xx - x0;
      for (size_t e = 0; e < E; ++e)
        x[(r * gw + c) * E + e] = p[e] + (1 - dy) * (1 - dx) * table[(y0 * side + x0) * E + e] +
                                  (1 - dy) * dx * table[(y0 * side + x1) * E + e] +
                                  dy * (1 - dx) * table[(y1 * side + x0) * E + e] + dy * dx * table[(y1 * side + x1) * E + e];
    }
  auto rope = [&](Mat& v, size_t row, size_t r, size_t c) {  // v: [n, 3E] q or k part at offset
    for (size_t h = 0; h < H; ++h) {
      double* p = &v[row * E + h * D];
      for (size_t e = 0; e < D / 2; ++e) {
        const size_t j = e % (D / 4);
        const double ang = (e < D / 4 ? double(r) : double(c)) * std::pow(10000.0, -2.0 * j / (D / 2));
        const double a = p[e], b = p[e + D / 2];
        p[e] = a * std::cos(ang) - b * std::sin(ang);
        p[e + D / 2] = b * std::cos(ang) + a * std::sin(ang);
      }
    }
  };
  for (const auto& l : f.w.layers) {
    Mat h = layer_norm(x, n, E, l.ln1_w, l.ln1_b);
    Mat qkv = linear(h, n, l.attn_qkv, l.attn_qkv_b);
    Mat q(n * E), k(n * E), v(n * E);
    for (size_t i = 0; i < n; ++i)
      for (size_t e = 0; e < E; ++e) q[i * E + e] = qkv[i * 3 * E + e], k[i * E + e] = qkv[i * 3 * E + E + e],
                                     v[i * E + e] = qkv[i * 3 * E + 2 * E + e];
    for (size_t i = 0; i < n; ++i) rope(q, i, i / gw, i % gw), rope(k, i, i / gw, i % gw);
    Mat att(n * E, 0.0);
    for (size_t hh = 0; hh < H; ++hh)
      for (size_t i = 0; i < n; ++i) {
        std::vector<double> s(n);
        double mx = -1e300, sum = 0;
        for (size_t j = 0; j < n; ++j) {
          double d = 0;
          for (size_t e = 0; e < D; ++e) d += q[i * E + hh * D + e] * k[j * E + hh * D + e];
          s[j] = d / std::sqrt(double(D));
          mx = std::max(mx, s[j]);
        }
        for (double& z : s) sum += (z = std::exp(z - mx));
        for (size_t j = 0; j < n; ++j)
          for (size_t e = 0; e < D; ++e) att[i * E + hh * D + e] += s[j] / sum * v[j * E + hh * D + e];
      }
    Mat o = linear(att, n, l.attn_out, l.attn_out_b);
    for (size_t i = 0; i < n * E; ++i) x[i] += o[i];
    h = layer_norm(x, n, E, l.ln2_w, l.ln2_b);
    Mat u = linear(h, n, l.ffn_up, l.ffn_up_b);
    for (double& z : u) z = 0.5 * z * (1 + std::tanh(std::sqrt(2 / M_PI) * (z + 0.044715 * z * z * z)));
    Mat d = linear(u, n, l.ffn_down, l.ffn_down_b);
    for (size_t i = 0; i < n * E; ++i) x[i] += d[i];
  }
  Mat hn = layer_norm(x, n, E, f.w.post_ln_w, f.w.post_ln_b);
  const size_t Hm = gh / 2, Wm = gw / 2;
  Mat cat(Hm * Wm * 4 * E);
  for (size_t a = 0; a < Hm; ++a)
    for (size_t b = 0; b < Wm; ++b)
      for (size_t w4 = 0; w4 < 4; ++w4) {
        const size_t r = 2 * a + w4 / 2, c = 2 * b + w4 % 2;
        for (size_t e = 0; e < E; ++e) cat[((a * Wm + b) * 4 + w4) * E + e] = hn[(r * gw + c) * E + e];
      }
  Mat m1 = linear(cat, Hm * Wm, f.w.mm0, f.w.mm0_b);
  for (double& z : m1) z = 0.5 * z * (1 + std::erf(z / std::sqrt(2.0)));
  return linear(m1, Hm * Wm, f.w.mm2, f.w.mm2_b);
}

TEST(VisionEncoder, MatchesIndependentRasterOrderFormulation) {
  auto f = make_fixture();
  RgbImage a = random_image(96, 64, 3), b = random_image(96, 64, 4);  // grid 4 × 6: not square
  const RgbImage* frames[] = {&a, &b};
  auto in = model::patchify(frames, f->w.hparams);
  ASSERT_TRUE(in.is_ok());
  auto out = cpu::encode_vision_reference(f->w, *in);
  ASSERT_TRUE(out.is_ok()) << out.status().to_string();
  Mat want = independent_encoder(*f, a, b);
  ASSERT_EQ(out->size(), want.size());
  EXPECT_EQ(out->size(), 6u * 256u);
  double max_err = 0, max_abs = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    max_err = std::max(max_err, std::fabs((*out)[i] - want[i]));
    max_abs = std::max(max_abs, std::fabs(want[i]));
  }
  EXPECT_GT(max_abs, 0.1);
  EXPECT_LT(max_err, 1e-4 * std::max(1.0, max_abs)) << "max abs " << max_abs;
}

TEST(VisionEncoder, VideoSlicesAreEncodedIndependently) {
  // A clip of frame pairs (A, A) and (B, B) gives the tokens of image A followed by those of image B.
  auto f = make_fixture();
  RgbImage a = random_image(64, 64, 5), b = random_image(64, 64, 6);
  const RgbImage* clip[] = {&a, &a, &b, &b};
  auto v = model::patchify(clip, f->w.hparams);
  ASSERT_TRUE(v.is_ok());
  const RgbImage* ia[] = {&a, &a};
  const RgbImage* ib[] = {&b, &b};
  auto ea = cpu::encode_vision_reference(f->w, *model::patchify(ia, f->w.hparams));
  auto eb = cpu::encode_vision_reference(f->w, *model::patchify(ib, f->w.hparams));
  auto ev = cpu::encode_vision_reference(f->w, *v);
  ASSERT_TRUE(ea.is_ok() && eb.is_ok() && ev.is_ok());
  ASSERT_EQ(ev->size(), ea->size() + eb->size());
  for (size_t i = 0; i < ea->size(); ++i) ASSERT_NEAR((*ev)[i], (*ea)[i], 1e-5);
  for (size_t i = 0; i < eb->size(); ++i) ASSERT_NEAR((*ev)[ea->size() + i], (*eb)[i], 1e-5);
  EXPECT_NE((*ea)[0], (*eb)[0]);
}

TEST(VisionEncoder, RejectsInputThatDoesNotFitTheTower) {
  auto f = make_fixture();
  model::VisionInput in;
  in.grid_t = 1, in.grid_h = 2, in.grid_w = 2;
  in.patches.assign(4 * 100, 0.0f);  // wrong patch width
  auto r = cpu::encode_vision_reference(f->w, in);
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.status().code(), ErrorCode::InvalidArgument);
  in.grid_h = 3;
  EXPECT_EQ(cpu::encode_vision_reference(f->w, in).status().code(), ErrorCode::InvalidArgument);
}

}  // namespace
}  // namespace lectern
