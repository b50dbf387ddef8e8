// rope.glsl: rotary angles that stay exact at any int32 position (qwen35.md §2.5.3; positions reach 262,143).
// An f32 product p * inv_freq loses the angle at large p: at p = 262,000 its ulp is 2^-6 rad, so cos/sin would be
// off by up to 0.008. Instead the host stores each frequency in turns per position as a 64-bit fixed-point
// fraction F = round(inv_freq / (2 pi) * 2^64) (ops/rope.cpp); p * F mod 2^64 is the angle's fractional turn,
// exact up to p * 2^-65 turns, computed with 32-bit integer multiplies. cos and sin then come from Taylor
// polynomials on the remainder in [-pi/4, pi/4] after removing whole quarter turns, so the result does not depend
// on the driver's sin/cos accuracy (Vulkan only promises 2^-11 absolute on [-pi, pi]).

// vec2(cos, sin) of the angle pos * inv_freq, where f = (low word, high word) of F.
vec2 rope_cos_sin(int pos, uvec2 f) {
  const uint ap = uint(abs(pos));
  uint carry, lo;
  umulExtended(ap, f.x, carry, lo);
  const uint turn = ap * f.y + carry;  // bits 32..63 of the fractional turn (bits 0..31 are `lo`)
  const uint q = (turn + 0x20000000u) >> 30;  // nearest quarter turn
  const int r = int(turn - (q << 30));        // remainder in [-2^29, 2^29): [-1/8, 1/8) turn
  // 2 pi / 2^32 rad per unit of `turn`; `lo` adds the next 32 bits (matters only when r is small).
  const float x = (float(r) + float(lo) * 2.3283064365386963e-10) * 1.4629180792671596e-09;
  const float x2 = x * x;
  // Taylor series to x^9 / x^10: the first omitted terms are below 2e-9 for |x| <= pi/4.
  const float s = x + x * x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0))));
  const float c = 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 - x2 / 3628800.0))));
  vec2 cs;
  switch (q & 3u) {
    case 0u: cs = vec2(c, s); break;
    case 1u: cs = vec2(-s, c); break;   // + pi/2
    case 2u: cs = vec2(-c, -s); break;  // + pi
    default: cs = vec2(s, -c); break;   // + 3 pi/2
  }
  return pos < 0 ? vec2(cs.x, -cs.y) : cs;
}
