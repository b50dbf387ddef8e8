// weight_validation.cpp: presence, dtype and shape rules for every Qwen3.5 tensor (qwen35.md §2.4.1, §2.5.1, §8.1.3).
#include "model/weight_validation.h"

namespace lectern::model {

namespace {

std::string u64s(uint64_t v) { return std::to_string(v); }

std::string shape_string(const std::vector<uint64_t>& ne) {
  std::string s = "[";
  for (size_t i = 0; i < ne.size(); ++i) s += (i ? ", " : "") + u64s(ne[i]);
  return s + "]";
}

// "blk.12.attn_q.weight" -> "attn_q.weight"; other names unchanged.
std::string part_of(const std::string& name) {
  if (name.rfind("blk.", 0) != 0) return name;
  size_t dot = name.find('.', 4);
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

bool is_small(const std::string& part) {
  return part.find("norm.weight") != std::string::npos || part == "ssm_a" || part == "ssm_dt.bias" ||
         part == "ssm_conv1d.weight";
}

}  // namespace

ExpectedShape expected_shape(const HParams& hp, const std::string& name) {
  const std::string p = part_of(name);
  const uint64_t E = hp.n_embd, F = hp.n_ff, H = hp.n_head, Hkv = hp.n_head_kv, D = hp.head_dim;
  const uint64_t Hk = hp.n_k_heads, Hv = hp.n_v_heads, dk = hp.k_head_dim, dv = hp.v_head_dim, K = hp.conv_kernel;
  const std::string e = "n_embd=" + u64s(E);
  const std::string gdn = "n_k_heads=" + u64s(Hk) + ", k_head_dim=" + u64s(dk) + ", n_v_heads=" + u64s(Hv) +
                          ", v_head_dim=" + u64s(dv);
  if (p == "token_embd.weight" || p == "output.weight") return {{E, hp.n_vocab}, e + ", n_vocab=" + u64s(hp.n_vocab)};
  if (p == "output_norm.weight" || p == "attn_norm.weight" || p == "post_attention_norm.weight") return {{E}, e};
  if (p == "ffn_gate.weight" || p == "ffn_up.weight") return {{E, F}, e + ", n_ff=" + u64s(F)};
  if (p == "ffn_down.weight") return {{F, E}, e + ", n_ff=" + u64s(F)};
  if (p == "attn_qkv.weight") return {{E, 2 * Hk * dk + Hv * dv}, e + ", " + gdn};
  if (p == "attn_gate.weight") return {{E, Hv * dv}, e + ", n_v_heads=" + u64s(Hv) + ", v_head_dim=" + u64s(dv)};
  if (p == "ssm_beta.weight" || p == "ssm_alpha.weight") return {{E, Hv}, e + ", n_v_heads=" + u64s(Hv)};
  if (p == "ssm_conv1d.weight") return {{K, 2 * Hk * dk + Hv * dv}, "conv_kernel=" + u64s(K) + ", " + gdn};
  if (p == "ssm_dt.bias" || p == "ssm_a") return {{Hv}, "n_v_heads=" + u64s(Hv)};
  if (p == "ssm_norm.weight") return {{dv}, "v_head_dim=" + u64s(dv)};
  if (p == "ssm_out.weight") return {{Hv * dv, E}, e + ", n_v_heads=" + u64s(Hv) + ", v_head_dim=" + u64s(dv)};
  // attn_q carries query and gate per head (qwen35.md §2.5.1), hence 2 * n_head * head_dim outputs.
  if (p == "attn_q.weight") return {{E, 2 * H * D}, e + ", n_head=" + u64s(H) + ", head_dim=" + u64s(D) + " (query + gate)"};
  if (p == "attn_k.weight" || p == "attn_v.weight")
    return {{E, Hkv * D}, e + ", n_head_kv=" + u64s(Hkv) + ", head_dim=" + u64s(D)};
  if (p == "attn_q_norm.weight" || p == "attn_k_norm.weight") return {{D}, "head_dim=" + u64s(D)};
  if (p == "attn_output.weight") return {{H * D, E}, e + ", n_head=" + u64s(H) + ", head_dim=" + u64s(D)};
  return {};
}

ValidationReport check_weights(const ModelWeights& w) {
  ValidationReport report;
  for (const TensorRef* t : w.all_tensors()) {
    std::string shown = t->name;
    if (t->source_name != t->name) shown += " (" + t->source_name + ")";
    if (!t->present()) {
      report.errors.push_back("missing tensor " + shown);
      continue;
    }
    const std::string part = part_of(t->name);
    if (is_small(part) && t->dtype != DType::F32) {
      report.errors.push_back("tensor " + shown + " has type " + dtype_name(t->dtype) + "; it must be F32");
      continue;
    }
    ExpectedShape want = expected_shape(w.hparams, t->name);
    bool ok = want.ne.size() == t->n_dims;
    for (size_t d = 0; ok && d < want.ne.size(); ++d) ok = t->ne[d] == want.ne[d];
    if (!ok) {
      report.errors.push_back("tensor " + shown + " has shape " + t->shape_string() + ", expected " +
                              shape_string(want.ne) + " from " + want.because);
      continue;
    }
    if (t->n_bytes != dtype_row_bytes(t->dtype, t->n_elements()))
      report.errors.push_back("tensor " + shown + " has " + u64s(t->n_bytes) + " bytes, which does not match its " +
                              dtype_name(t->dtype) + " shape " + t->shape_string());
  }
  for (const std::string& name : w.unexpected)
    report.warnings.push_back("unexpected tensor " + name + " (ignored)");
  return report;
}

Status validate_weights(const ModelWeights& w) {
  ValidationReport r = check_weights(w);
  if (r.errors.empty()) return Status::ok();
  const std::string& first = r.errors.front();
  ErrorCode code = first.rfind("missing tensor", 0) == 0 ? ErrorCode::NotFound
                   : first.find("; it must be") != std::string::npos ? ErrorCode::Unsupported
                                                                    : ErrorCode::CorruptData;
  std::string msg = first;
  if (r.errors.size() > 1) msg += " (and " + u64s(r.errors.size() - 1) + " more problems)";
  return Status(code, w.source_path + ": " + msg);
}

}  // namespace lectern::model
