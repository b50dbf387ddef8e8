// token_constraint.h: the engine-internal hook through which a grammar restricts generation: before each sampled
// token the loop asks for the allowed ids as a bitset (host path: the others' logits become -inf; a GPU sampler
// can take the same bitset), and afterwards reports the token that was chosen.
#pragma once

#include <cstdint>
#include <vector>

#include "lectern/status.h"

namespace lectern::runtime {

class TokenConstraint {
 public:
  virtual ~TokenConstraint() = default;

  // Fills bitset with ceil(n_logits / 32) words: bit (id % 32) of word id / 32 set = id may be sampled.
  // remaining_tokens: how many tokens may still be generated, this one included; a constraint uses it to close
  // its value in time. Stop tokens are allowed only once the output is complete.
  virtual Status allowed(std::vector<uint32_t>& bitset, int64_t remaining_tokens) = 0;
  // The token the loop chose (it was allowed); InvalidArgument if it was not.
  virtual Status accept(int32_t token) = 0;
  // The output so far is complete: stopping here leaves a valid value.
  virtual bool complete() const = 0;
};

}  // namespace lectern::runtime
