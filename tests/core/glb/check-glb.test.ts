import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkGlb } from '../../../core/glb/check-glb';
import { buildGlb, triangleBin, triangleGlb, triangleGltf } from './glb-builder';

const problemOf = (bytes: Uint8Array, name = 'pump.glb'): string => {
  const result = checkGlb(bytes, name);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.problem;
};

describe('GLB validation before three.js parses a model', () => {
  it('accepts a valid one-triangle GLB and the shipped example model', () => {
    expect(checkGlb(triangleGlb(), 'triangle.glb')).toEqual({
      ok: true,
      totals: { vertices: 3, indices: 3, primitives: 1, nodes: 1, textures: 0, imageBytes: 0 },
    });
    const file = readFileSync('assets/examples/pump-skid-glb/pump-skid.glb');
    const result = checkGlb(new Uint8Array(file.buffer, file.byteOffset, file.byteLength), 'pump-skid.glb');
    expect(result.ok ? 'ok' : result.problem).toBe('ok');
  });

  it('rejects an accessor count of 1e9, naming the accessor, its mesh and the bufferView', () => {
    const gltf = triangleGltf();
    gltf.accessors[0]!.count = 1e9;
    expect(problemOf(buildGlb({ json: gltf, bin: triangleBin() }))).toBe(
      "pump.glb: accessor 0 (POSITION of mesh 'Impeller' primitive 0) needs 12,000,000,000 bytes " +
        'but bufferView 0 holds 36',
    );
  });

  it('rejects a tiny file whose accessor without a bufferView would make the loader allocate gigabytes', () => {
    const gltf = triangleGltf();
    gltf.accessors.push({ componentType: 5126, count: 100_000_000, type: 'VEC4' });
    gltf.meshes[0]!.primitives[0]!.attributes.COLOR_0 = 2;
    expect(problemOf(buildGlb({ json: gltf, bin: triangleBin() }))).toMatch(
      /^pump\.glb: accessor 2 \(COLOR_0 of mesh 'Impeller' primitive 0\) brings the geometry to 1,600,000,044 bytes, over the 256,000,000-byte limit$/,
    );
  });

  it('rejects more vertices than the budget even when every accessor fits its bufferView', () => {
    const gltf = triangleGltf();
    // 30,000 primitives sharing one 200-vertex accessor: a 1 MB file asking for 6 M vertices.
    gltf.buffers[0]!.byteLength = 2400;
    gltf.bufferViews = [{ buffer: 0, byteOffset: 0, byteLength: 2400 }];
    gltf.accessors = [{ bufferView: 0, componentType: 5126, count: 200, type: 'VEC3' }];
    gltf.meshes[0]!.primitives = Array.from({ length: 30_000 }, () => ({ attributes: { POSITION: 0 } }));
    expect(problemOf(buildGlb({ json: gltf, bin: new Uint8Array(2400) }))).toBe(
      'pump.glb: has 6,000,000 vertices (POSITION counts of all primitives), over the limit of 5,000,000',
    );
  });

  it('rejects a truncated file with both lengths', () => {
    const whole = triangleGlb();
    expect(problemOf(whole.subarray(0, whole.length - 8))).toMatch(
      /^pump\.glb: is truncated or padded: its header says \d+ bytes, the file has \d+$/,
    );
  });

  it('rejects a BIN chunk that claims more bytes than follow, naming the chunk', () => {
    expect(problemOf(buildGlb({ json: triangleGltf(), bin: triangleBin(), binChunkLength: 4096 }))).toMatch(
      /^pump\.glb: chunk 1 \(BIN\) at byte \d+ says it holds 4,096 bytes but only 44 follow$/,
    );
    expect(problemOf(buildGlb({ json: triangleGltf(), bin: triangleBin(), jsonChunkLength: 6 }))).toMatch(
      /chunk 0 \(JSON\) at byte 12 has length 6, which is not a multiple of 4/,
    );
  });

  it('rejects a bufferView outside its buffer and an accessor pointing at a missing bufferView', () => {
    const gltf = triangleGltf();
    gltf.bufferViews[1]!.byteLength = 4096;
    expect(problemOf(buildGlb({ json: gltf, bin: triangleBin() }))).toBe(
      'pump.glb: bufferView 1 covers bytes 36–4,132 but buffer 0 holds 44',
    );
    const missing = triangleGltf();
    missing.accessors[1]!.bufferView = 7;
    expect(problemOf(buildGlb({ json: missing, bin: triangleBin() }))).toBe(
      "pump.glb: accessor 1 (indices of mesh 'Impeller' primitive 0) refers to bufferView 7, which does not exist",
    );
  });

  it('rejects a buffer larger than the BIN chunk and external buffers or images', () => {
    const gltf = triangleGltf();
    gltf.buffers[0]!.byteLength = 1_000_000;
    expect(problemOf(buildGlb({ json: gltf, bin: triangleBin() }))).toBe(
      'pump.glb: buffer 0 says it holds 1,000,000 bytes but the BIN chunk has 44',
    );
    const external = { ...triangleGltf(), images: [{ uri: 'http://10.0.0.5/texture.png' }] };
    expect(problemOf(buildGlb({ json: external, bin: triangleBin() }))).toMatch(
      /image 0 refers to "http:\/\/10\.0\.0\.5\/texture\.png"; the GLB must embed its images/,
    );
  });

  it('rejects a PNG that would decode to a gigapixel texture', () => {
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    new DataView(png.buffer).setUint32(16, 40_000);
    new DataView(png.buffer).setUint32(20, 40_000);
    const bin = new Uint8Array(68);
    bin.set(triangleBin());
    bin.set(png, 44);
    const gltf = {
      ...triangleGltf(),
      buffers: [{ byteLength: 68 }],
      bufferViews: [...triangleGltf().bufferViews, { buffer: 0, byteOffset: 44, byteLength: 24 }],
      images: [{ bufferView: 2, mimeType: 'image/png' }],
      textures: [{ source: 0 }],
    };
    expect(problemOf(buildGlb({ json: gltf, bin }))).toBe(
      'pump.glb: image 0 is 40,000 × 40,000 pixels; images are limited to 8192 on a side',
    );
  });

  it('names the JSON field when the document has the wrong shape', () => {
    const gltf = triangleGltf();
    gltf.accessors[1]!.type = 'VEC7';
    expect(problemOf(buildGlb({ json: gltf, bin: triangleBin() }))).toMatch(
      /^pump\.glb: JSON chunk: accessors\.1\.type: /,
    );
  });
});
