/**
 * Safetensors reading and writing: an 8-byte little-endian header length N, N bytes of JSON
 * header (`{ name: { dtype, shape, data_offsets: [begin, end] }, __metadata__: { key: string } }`,
 * padded with spaces to a multiple of 8 bytes), then the tensors' raw little-endian bytes.
 * numpy and PyTorch users load the result with the `safetensors` package. Typed arrays use the
 * host's byte order, so writing refuses a big-endian host instead of writing wrong bytes.
 */
export type Tensor = Float64Array | Float32Array | Int32Array | Int8Array | Uint8Array | Uint32Array;

export interface NamedTensor {
  data: Tensor;
  /** Defaults to `[data.length]`. */
  shape?: number[];
}

const DTYPES = [
  ['F64', Float64Array],
  ['F32', Float32Array],
  ['I32', Int32Array],
  ['I8', Int8Array],
  ['U8', Uint8Array],
  ['U32', Uint32Array],
] as const;

type Dtype = (typeof DTYPES)[number][0];

function dtypeOf(tensor: Tensor): Dtype {
  for (const [name, type] of DTYPES) if (tensor instanceof type) return name;
  throw new TypeError('unsupported tensor type');
}

function assertLittleEndian(): void {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new Error('safetensors needs a little-endian host; this host is big-endian');
  }
}

/** Encodes tensors and string metadata into one safetensors byte array. */
export function encodeSafetensors(
  tensors: Record<string, NamedTensor>,
  metadata: Record<string, string>,
): Uint8Array {
  assertLittleEndian();
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  const names = Object.keys(tensors).sort();

  for (const name of names) {
    const { data, shape } = tensors[name]!;
    const finalShape = shape ?? [data.length];
    if (finalShape.reduce((a, b) => a * b, 1) !== data.length) {
      throw new RangeError(
        `tensor ${name}: shape [${finalShape.join(', ')}] does not match ${data.length} values`,
      );
    }
    header[name] = {
      dtype: dtypeOf(data),
      shape: finalShape,
      data_offsets: [offset, offset + data.byteLength],
    };
    offset += data.byteLength;
  }

  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((json.length + 8) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);

  let position = 8 + headerBytes.length;
  for (const name of names) {
    const { data } = tensors[name]!;
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), position);
    position += data.byteLength;
  }
  return out;
}

export interface DecodedSafetensors {
  tensors: Record<string, { data: Tensor; shape: number[] }>;
  metadata: Record<string, string>;
}

/** Decodes safetensors bytes; throws on a malformed header or out-of-range offsets. */
export function decodeSafetensors(bytes: Uint8Array): DecodedSafetensors {
  assertLittleEndian();
  if (bytes.length < 8) throw new RangeError(`safetensors data needs at least 8 bytes, got ${bytes.length}`);
  const headerLength = Number(new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true));
  if (headerLength > bytes.length - 8) {
    throw new RangeError(
      `safetensors header length ${headerLength} exceeds the ${bytes.length - 8} bytes present`,
    );
  }

  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Record<
    string,
    unknown
  >;
  const base = 8 + headerLength;
  const metadata = (header['__metadata__'] ?? {}) as Record<string, string>;
  const tensors: DecodedSafetensors['tensors'] = {};

  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const { dtype, shape, data_offsets } = entry as {
      dtype: string;
      shape: number[];
      data_offsets: [number, number];
    };
    const type = DTYPES.find(([d]) => d === dtype)?.[1];
    if (type === undefined) throw new TypeError(`tensor ${name}: unsupported dtype ${dtype}`);
    const [begin, end] = data_offsets;
    if (begin < 0 || end < begin || base + end > bytes.length) {
      throw new RangeError(`tensor ${name}: data offsets [${begin}, ${end}] are outside the file`);
    }
    // Copy so the tensor is aligned for its element size whatever the header length was.
    const copy = bytes.slice(base + begin, base + end);
    tensors[name] = { data: new type(copy.buffer, 0, (end - begin) / type.BYTES_PER_ELEMENT), shape };
  }
  return { tensors, metadata };
}
