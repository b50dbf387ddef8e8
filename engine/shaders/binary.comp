// binary.comp: y = a (op) b elementwise in f32, op = add (OP_ADD) or multiply (OP_MUL). b repeats every n_b
// elements, so the same shader covers equal shapes (n_b == n) and a row vector broadcast across rows (n_b == n_cols).
#version 450

layout(constant_id = 0) const uint WG_SIZE = 256;
layout(local_size_x_id = 0) in;

layout(binding = 0) readonly buffer ABuf { float a[]; };
layout(binding = 1) readonly buffer BBuf { float b[]; };
layout(binding = 2) writeonly buffer YBuf { float y[]; };

layout(push_constant) uniform Push {
  uint n;    // elements of a and y
  uint n_b;  // elements of b; divides n
} p;

void main() {
  const uint stride = gl_NumWorkGroups.x * WG_SIZE;
  const bool same_shape = p.n_b == p.n;  // skips the integer modulo in the common case
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) {
    const float bv = b[same_shape ? i : i % p.n_b];
#if defined(OP_ADD)
    y[i] = a[i] + bv;
#elif defined(OP_MUL)
    y[i] = a[i] * bv;
#else
#error "define OP_ADD or OP_MUL"
#endif
  }
}
