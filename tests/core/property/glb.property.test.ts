import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGlb } from '../../../core/glb/check-glb';
import {
  MAX_GLB_INDICES,
  MAX_GLB_NODES,
  MAX_GLB_PRIMITIVES,
  MAX_GLB_TEXTURES,
  MAX_GLB_VERTICES,
} from '../../../core/glb/limits';
import { buildGlb, triangleBin, triangleGlb, triangleGltf } from '../glb/glb-builder';
import { mutatedDocument } from './json-mutation';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions, timed } from './property-runs';

const NAME = 'skid.glb';

/** Checks the GLB: never throws; a problem starts with the file name; what passes is within budget. */
function expectSoundVerdict(bytes: Uint8Array): void {
  const result = timed('checkGlb', () => checkGlb(bytes, NAME));
  if (!result.ok) {
    expect(result.problem.startsWith(`${NAME}: `), result.problem).toBe(true);
    return;
  }
  const t = result.totals;
  expect(t.vertices).toBeLessThanOrEqual(MAX_GLB_VERTICES);
  expect(t.indices).toBeLessThanOrEqual(MAX_GLB_INDICES);
  expect(t.primitives).toBeLessThanOrEqual(MAX_GLB_PRIMITIVES);
  expect(t.nodes).toBeLessThanOrEqual(MAX_GLB_NODES);
  expect(t.textures).toBeLessThanOrEqual(MAX_GLB_TEXTURES);
}

/** The valid triangle with a few bytes overwritten, mostly in the header and chunk headers. */
const corruptedBytes = fc
  .array(fc.tuple(fc.oneof(fc.nat(31), fc.nat(400)), fc.nat(255)), { minLength: 1, maxLength: 6 })
  .map((edits) => {
    const bytes = triangleGlb();
    for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
    return bytes;
  });

/** The valid triangle truncated or extended, with the header's length kept or fixed up. */
const resizedBytes = fc.tuple(fc.integer({ min: -120, max: 64 }), fc.boolean()).map(([delta, fixHeader]) => {
  const whole = triangleGlb();
  const bytes = new Uint8Array(Math.max(0, whole.length + delta));
  bytes.set(whole.subarray(0, bytes.length));
  if (fixHeader && bytes.length >= 12) new DataView(bytes.buffer).setUint32(8, bytes.length, true);
  return bytes;
});

describe('GLB validator (core/glb), property-based', () => {
  it(
    'a triangle whose glTF JSON is mutated is accepted within budget or refused naming the file',
    () => {
      const valid = triangleGltf() as unknown as Record<string, unknown>;
      fc.assert(
        fc.property(mutatedDocument(valid), fc.boolean(), (json, withBin) => {
          expectSoundVerdict(withBin ? buildGlb({ json, bin: triangleBin() }) : buildGlb({ json }));
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    'corrupted, truncated, extended and random bytes are refused naming the file (or pass within budget), never throw',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(corruptedBytes, resizedBytes, fc.uint8Array({ maxLength: 200 })),
          expectSoundVerdict,
        ),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    'numeric fields set to any integer never make the validator accept an out-of-range accessor',
    () => {
      const field = fc.constantFrom('count', 'byteOffset', 'bufferView');
      fc.assert(
        fc.property(fc.nat(1), field, fc.integer({ min: -5, max: 2 ** 40 }), (a, key, value) => {
          const gltf = triangleGltf();
          (gltf.accessors[a] as Record<string, unknown>)[key] = value;
          const result = checkGlb(buildGlb({ json: gltf, bin: triangleBin() }), NAME);
          const accessor = gltf.accessors[a]! as { bufferView?: number; byteOffset?: number; count: number };
          const elementBytes = a === 0 ? 12 : 2;
          const view = gltf.bufferViews[accessor.bufferView ?? -1];
          const fits =
            view !== undefined &&
            (accessor.byteOffset ?? 0) >= 0 &&
            accessor.count >= 1 &&
            (accessor.byteOffset ?? 0) + accessor.count * elementBytes <= view.byteLength;
          if (result.ok) expect(fits, JSON.stringify(accessor)).toBe(true);
          else expect(result.problem).toMatch(/^skid\.glb: (JSON chunk: accessors\.\d\.\w+|accessor \d)/);
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
