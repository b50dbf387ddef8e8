// weight_validation.h: checks a ModelWeights description before anything is uploaded: every expected tensor
// present, an allowed dtype for its role, and exactly the shape the hyperparameters imply.
#pragma once

#include <string>
#include <vector>

#include "lectern/status.h"
#include "model/weights.h"

namespace lectern::model {

struct ValidationReport {
  std::vector<std::string> errors;    // each a complete sentence naming the tensor
  std::vector<std::string> warnings;  // unexpected extra tensors (mtp / vision are counted, not warned)
};

ValidationReport check_weights(const ModelWeights& weights);

// The first error as a Status (CorruptData for shapes, NotFound for missing tensors, Unsupported for dtypes),
// with "(and N more problems)" when there are several; ok when there are none. Warnings are not errors.
Status validate_weights(const ModelWeights& weights);

// Expected ne of a main-pass tensor slot by canonical name, with the hyperparameters it follows from
// ("n_embd=64, n_head_kv=2, head_dim=32"). Empty shape for names that are not main-pass tensors.
struct ExpectedShape {
  std::vector<uint64_t> ne;
  std::string because;
};
ExpectedShape expected_shape(const HParams& hp, const std::string& canonical_name);

}  // namespace lectern::model
