/**
 * Seeded random streams.
 *
 * Every stream is a xoshiro128** generator whose 128-bit state is derived from the run seed and
 * the stream's name (FNV-1a of the name, mixed with the seed through SplitMix32), so streams with
 * different names are independent and adding a stream never shifts another one's draws.
 * Seed 0 is a valid seed. The state is four uint32 words and can be saved and restored exactly.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Advances a SplitMix32 state and returns the next output, so four calls fill a xoshiro state. */
function splitMix32(state: Uint32Array): number {
  state[0] = (state[0]! + 0x9e3779b9) >>> 0;
  let z = state[0];
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export class RandomStream {
  readonly name: string;
  private readonly s: Uint32Array;

  constructor(seed: number, name: string) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(`seed must be a non-negative safe integer, got ${seed}`);
    }
    this.name = name;

    // Fold the seed's high and low 32-bit words and the name into one SplitMix32 start value.
    const high = Math.floor(seed / 2 ** 32) >>> 0;
    const mixer = new Uint32Array([(seed >>> 0) ^ Math.imul(high, 0x27d4eb2d) ^ fnv1a(name)]);
    this.s = new Uint32Array(4);
    for (let i = 0; i < 4; i++) this.s[i] = splitMix32(mixer);

    // xoshiro must not start from the all-zero state.
    if ((this.s[0]! | this.s[1]! | this.s[2]! | this.s[3]!) === 0) this.s[0] = 1;
  }

  /** Returns the next uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2] = (s[2]! ^ s[0]!) >>> 0;
    s[3] = (s[3]! ^ s[1]!) >>> 0;
    s[1] = (s[1]! ^ s[2]) >>> 0;
    s[0] = (s[0]! ^ s[3]) >>> 0;
    s[2] = (s[2] ^ t) >>> 0;
    s[3] = rotl(s[3], 11);
    return result;
  }

  /** Returns a uniform float in [0, 1) with 32 bits of resolution. */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Returns a uniform integer in [0, n), without modulo bias, for 1 <= n <= 2^32. */
  nextInt(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 4294967296) {
      throw new RangeError(`nextInt bound must be an integer in 1..2^32, got ${n}`);
    }
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = items[i]!;
      items[i] = items[j]!;
      items[j] = tmp;
    }
    return items;
  }

  getState(): Uint32Array {
    return this.s.slice();
  }

  /** Writes the four state words to `target` without allocating (for kernels that draw on their own). */
  copyStateTo(target: Uint32Array): void {
    target.set(this.s);
  }

  setState(state: Uint32Array): void {
    if (state.length !== 4) throw new RangeError(`a random stream state has 4 words, got ${state.length}`);
    this.s.set(state);
  }
}

/** Creates the stream `name` of the run with seed `seed`. */
export function createStream(seed: number, name: string): RandomStream {
  return new RandomStream(seed, name);
}
