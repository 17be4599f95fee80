import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { relativePathProblem } from '../../../core/validation/relative-path';
import { ModelFileError, parseModelJson } from '../../../renderer/src/inference/manifest';
import { anyJson, mutatedDocument } from './json-mutation';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions, timed } from './property-runs';

/** Paths built from the characters that escape folders: dots, slashes, backslashes, %-escapes, colons. */
const trickyPath = fc
  .array(
    fc.constantFrom(
      '.',
      '..',
      '/',
      '\\',
      '%2e',
      '%2E',
      '%2f',
      '%5c',
      '%25',
      '%252e',
      '%00',
      ':',
      'C:',
      'a',
      'w.bin',
      '~',
      ' ',
      '?',
      '#',
      'file:',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.join(''));

const BASE_URL = 'http://twin.test/models/pump-skid/health/model.json';
const BASE_FOLDER_URL = 'http://twin.test/models/pump-skid/health/';
const BASE_DIR = path.resolve('/srv/twin/models/pump-skid/health');

/** Where a path lands, read by the three things that read it: a URL, a server that decodes, the disk. */
function landsInside(p: string): boolean {
  const url = new URL(p, BASE_URL);
  const decodedPath = decodeURIComponent(url.pathname);
  const onDisk = path.resolve(BASE_DIR, decodeURIComponent(p));
  return (
    url.href.startsWith(BASE_FOLDER_URL) &&
    path.posix.normalize(decodedPath).startsWith('/models/pump-skid/health/') &&
    (onDisk === BASE_DIR || onDisk.startsWith(BASE_DIR + path.sep))
  );
}

function manifestWithPath(p: unknown): string {
  return JSON.stringify({
    modelTopology: { class_name: 'Sequential' },
    format: 'layers-model',
    weightsManifest: [{ paths: [p], weights: [{ name: 'dense/kernel', shape: [2, 2], dtype: 'float32' }] }],
  });
}

describe('model paths confined to their folder, property-based', () => {
  it(
    'a path relativePathProblem accepts lands inside its folder as a URL, decoded by a server, and on disk',
    () => {
      fc.assert(
        fc.property(fc.oneof(trickyPath, fc.string({ maxLength: 12 })), (p) => {
          if (timed('relativePathProblem', () => relativePathProblem(p)) === null)
            expect(landsInside(p), `"${p}" was accepted`).toBe(true);
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    "a weight path parseModelJson accepts is fetched from inside the model's folder; a refusal names the model and the path",
    () => {
      fc.assert(
        fc.property(fc.oneof(trickyPath, fc.string({ maxLength: 12 })), (p) => {
          try {
            const manifest = parseModelJson(manifestWithPath(p), BASE_URL);
            expect(manifest.paths).toEqual([p]);
            expect(new URL(p, BASE_URL).href.startsWith(BASE_FOLDER_URL), `"${p}" was accepted`).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(ModelFileError);
            expect((e as Error).message.startsWith(`${BASE_URL}: weightsManifest[0].paths[0] `)).toBe(true);
          }
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    'a mutated or random model.json loads or throws a ModelFileError naming the file, nothing else',
    () => {
      const valid = JSON.parse(manifestWithPath('./group1-shard1of1.bin')) as Record<string, unknown>;
      const text = fc.oneof(
        mutatedDocument(valid).map((d) => JSON.stringify(d)),
        anyJson.map((v) => JSON.stringify(v) ?? ''),
        fc.string({ maxLength: 100 }),
      );
      fc.assert(
        fc.property(text, (t) => {
          try {
            timed('parseModelJson', () => parseModelJson(t, BASE_URL));
          } catch (e) {
            expect(e).toBeInstanceOf(ModelFileError);
            expect((e as Error).message.startsWith(`${BASE_URL}: `)).toBe(true);
          }
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
  it('refuses a format or dtype that is an object without a string form, naming the file', () => {
    const valid = JSON.parse(manifestWithPath('./group1-shard1of1.bin')) as Record<string, unknown>;
    const unprintable = { toString: null };
    const badFormat = JSON.stringify({ ...valid, format: unprintable });
    expect(() => parseModelJson(badFormat, BASE_URL)).toThrow(ModelFileError);
    expect(() => parseModelJson(badFormat, BASE_URL)).toThrow(
      `${BASE_URL}: format must be "layers-model", got a value of type object`,
    );
    const manifest = valid.weightsManifest as { weights: Record<string, unknown>[] }[];
    const badDtype = JSON.stringify({
      ...valid,
      weightsManifest: [{ ...manifest[0], weights: [{ ...manifest[0]!.weights[0], dtype: unprintable }] }],
    });
    expect(() => parseModelJson(badDtype, BASE_URL)).toThrow(/has a dtype that is not a string/);
  });
});
