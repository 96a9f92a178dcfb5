import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from './safetensors';

describe('safetensors', () => {
  it('writes the documented byte layout', () => {
    const bytes = encodeSafetensors({ w: { data: new Float64Array([1, -2]) } }, { tick: '7' });
    const headerLength = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<
      string,
      unknown
    >;

    expect((8 + headerLength) % 8).toBe(0);
    expect(bytes.length).toBe(8 + headerLength + 16);
    expect(header['w']).toEqual({ dtype: 'F64', shape: [2], data_offsets: [0, 16] });
    expect(header['__metadata__']).toEqual({ tick: '7' });
    // IEEE 754 little-endian: 1.0 is 3FF0 0000 0000 0000, -2.0 is C000 0000 0000 0000.
    expect(Array.from(bytes.subarray(8 + headerLength, 8 + headerLength + 8))).toEqual([
      0, 0, 0, 0, 0, 0, 0xf0, 0x3f,
    ]);
    expect(bytes[bytes.length - 1]).toBe(0xc0);
  });

  it('round-trips every dtype with shapes', () => {
    const bytes = encodeSafetensors(
      {
        a: { data: new Int8Array([-128, 127, 0, 5]), shape: [2, 2] },
        b: { data: new Int32Array([-1, 2 ** 31 - 1]) },
        c: { data: new Uint32Array([4294967295]) },
        d: { data: new Uint8Array([1, 2, 3]) },
        e: { data: new Float32Array([0.5]) },
      },
      {},
    );
    const { tensors } = decodeSafetensors(bytes);

    expect(Array.from(tensors['a']!.data)).toEqual([-128, 127, 0, 5]);
    expect(tensors['a']!.shape).toEqual([2, 2]);
    expect(Array.from(tensors['b']!.data)).toEqual([-1, 2147483647]);
    expect(Array.from(tensors['c']!.data)).toEqual([4294967295]);
    expect(Array.from(tensors['d']!.data)).toEqual([1, 2, 3]);
    expect(tensors['e']!.data[0]).toBe(0.5);
  });

  it('rejects a shape that does not match', () => {
    expect(() => encodeSafetensors({ a: { data: new Int32Array(3), shape: [2, 2] } }, {})).toThrow(
      /shape \[2, 2\]/,
    );
  });

  it('rejects truncated data', () => {
    const bytes = encodeSafetensors({ a: { data: new Float64Array(4) } }, {});
    expect(() => decodeSafetensors(bytes.subarray(0, bytes.length - 8))).toThrow(/outside the file/);
    expect(() => decodeSafetensors(new Uint8Array(4))).toThrow(/at least 8 bytes/);
  });
});
