// Hand-built GLB files for tests: a JSON document and a BIN chunk packed as glTF 2.0 §4.4 says, with
// knobs to break the container (header length, chunk lengths, chunk types).

export interface GlbParts {
  json: unknown;
  bin?: Uint8Array;
  /** Overrides the header's total length. */
  declaredLength?: number;
  /** Overrides the JSON chunk's declared length. */
  jsonChunkLength?: number;
  /** Overrides the BIN chunk's declared length. */
  binChunkLength?: number;
}

const pad4 = (n: number): number => Math.ceil(n / 4) * 4;

/** Packs a GLB: header, JSON chunk padded with spaces, then the BIN chunk padded with zeros. */
export function buildGlb(parts: GlbParts): Uint8Array {
  const jsonBytes = new TextEncoder().encode(JSON.stringify(parts.json));
  const jsonLength = pad4(jsonBytes.length);
  const binLength = parts.bin ? pad4(parts.bin.length) : 0;
  const total = 12 + 8 + jsonLength + (parts.bin ? 8 + binLength : 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, parts.declaredLength ?? total, true);
  view.setUint32(12, parts.jsonChunkLength ?? jsonLength, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.fill(0x20, 20, 20 + jsonLength);
  out.set(jsonBytes, 20);
  if (parts.bin) {
    const at = 20 + jsonLength;
    view.setUint32(at, parts.binChunkLength ?? binLength, true);
    view.setUint32(at + 4, 0x004e4942, true);
    out.set(parts.bin, at + 8);
  }
  return out;
}

/** The glTF JSON of one triangle: POSITION (accessor 0, bufferView 0) and indices (accessor 1, bufferView 1). */
export function triangleGltf(): {
  asset: { version: string };
  buffers: { byteLength: number }[];
  bufferViews: { buffer: number; byteOffset: number; byteLength: number }[];
  accessors: { bufferView?: number; componentType: number; count: number; type: string }[];
  meshes: { name: string; primitives: { attributes: Record<string, number>; indices?: number }[] }[];
  nodes: { name: string; mesh: number }[];
  scenes: { nodes: number[] }[];
  scene: number;
} {
  return {
    asset: { version: '2.0' },
    buffers: [{ byteLength: 44 }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: 36 },
      { buffer: 0, byteOffset: 36, byteLength: 6 },
    ],
    accessors: [
      { bufferView: 0, componentType: 5126, count: 3, type: 'VEC3' },
      { bufferView: 1, componentType: 5123, count: 3, type: 'SCALAR' },
    ],
    meshes: [{ name: 'Impeller', primitives: [{ attributes: { POSITION: 0 }, indices: 1 }] }],
    nodes: [{ name: 'impeller', mesh: 0 }],
    scenes: [{ nodes: [0] }],
    scene: 0,
  };
}

/** The BIN chunk of triangleGltf: three float32 vertices, then three uint16 indices. */
export function triangleBin(): Uint8Array {
  const bin = new Uint8Array(44);
  new Float32Array(bin.buffer, 0, 9).set([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  new Uint16Array(bin.buffer, 36, 3).set([0, 1, 2]);
  return bin;
}

/** A valid one-triangle GLB. */
export const triangleGlb = (): Uint8Array => buildGlb({ json: triangleGltf(), bin: triangleBin() });
