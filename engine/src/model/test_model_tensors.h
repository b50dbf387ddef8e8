// test_model_tensors.h: the tensor plan of a random-weight Qwen3.5 test model: every tensor with its HF and GGUF
// names and shapes, how its values are drawn (golden/models/README.md §1 distributions), the GGUF stored type
// for each file type (llama.cpp's rules, incl. the Q4_K_M mix), and row-by-row production of its bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/dtype.h"
#include "lectern/status.h"
#include "model/hparams.h"

namespace lectern::model {

enum class TestModelType { F32, F16, BF16, Q8_0, Q4_K_M };
const char* test_model_type_name(TestModelType type);  // "f32", ..., "q4_k_m"
uint32_t gguf_file_type(TestModelType type);           // general.file_type (llama_ftype)

// How values are drawn (HF convention; GGUF transforms are applied when writing GGUF).
enum class Init {
  Embedding,        // N(0, 0.5^2) for real token rows, zero for padding rows
  Matrix,           // N(0, (1.2 / sqrt(fan_in))^2)
  ZeroCentredNorm,  // N(0, 0.1^2), applied as 1 + w (GGUF stores 1 + w)
  GatedNorm,        // 1 + N(0, 0.1^2), applied as w
  ALog,             // log A, A log-uniform in [0.01, 2] (GGUF stores -exp(A_log) as ssm_a)
  DtBias,           // N(0, 0.5^2)
  Conv,             // N(0, 0.3^2)
};

// Which v-head reorder GGUF applies when Hv > Hk (qwen35.md §8.1.4), in HF row terms.
enum class VPerm { None, Rows, VRows, Elements, Columns };

struct TensorPlan {
  std::string gguf_name;
  std::string hf_name;
  std::vector<uint64_t> hf_shape;  // PyTorch order, outermost first
  std::vector<uint64_t> gguf_ne;   // GGUF order (reversed; conv squeezed to [K, C])
  uint64_t n_rows = 0;             // HF rows: product of all but the last dimension
  uint64_t row_len = 0;            // last HF dimension = gguf ne0
  Init init = Init::Matrix;
  uint64_t n_nonzero_rows = 0;     // Embedding: real token rows
  VPerm vperm = VPerm::None;
  uint64_t vperm_unit = 0;         // rows (Rows/VRows) or columns/elements (Columns/Elements) per v head
  uint64_t vperm_base = 0;         // VRows: first v row (after q and k)
  bool small = false;              // 1-D or conv: F32 in GGUF for every file type
};

// The tensors of the model in GGUF file order (token_embd, blocks, output_norm). n_real_tokens = nonzero
// embedding rows.
std::vector<TensorPlan> plan_test_model_tensors(const HParams& hp, uint64_t n_real_tokens);

// GGUF type of every tensor in `plans` for a file type, following llama.cpp's choices: 1-D tensors and
// ssm_conv1d stay F32; Q4_K_M: tied token_embd Q6_K; attn_v and attn_qkv share llama.cpp's "attn_v" counter and
// get Q6_K where use_more_bits(i, n); ffn_down likewise per layer; the rest Q4_K; rows not a multiple of 256
// fall back to Q8_0 (llama.cpp uses Q5_0/Q8_0, Lectern supports only the latter).
std::vector<DType> gguf_tensor_types(const std::vector<TensorPlan>& plans, TestModelType type);

// The HF (safetensors) dtype of a tensor for a file type: A_log stays F32 as in published checkpoints.
DType hf_tensor_dtype(const TensorPlan& plan, TestModelType type);

// Produces a tensor's stored bytes in row blocks (bounded memory) through `sink`. `gguf` selects the GGUF
// stored form (+1 norms, -exp(A_log), tiled v heads when hp.n_v_heads > hp.n_k_heads) and `dtype` the stored type.
// Values are a pure function of (seed, hf_name, row): the GGUF and HF files of one seed hold the same model.
// Values are first rounded to `logical_dtype` (the HF dtype of that file type), as a converter would see them.
using ByteSink = std::function<Status(const void* data, size_t n_bytes)>;
Status produce_tensor(const HParams& hp, const TensorPlan& plan, uint64_t seed, bool gguf, DType dtype,
                      DType logical_dtype, const ByteSink& sink);

// One HF row of logical values (before rounding/transforms); exposed for tests.
void generate_row(const TensorPlan& plan, uint64_t seed, uint64_t row, float* out);

}  // namespace lectern::model
