// The one entry point: a GLB's bytes are checked here, in full, before three.js's GLTFLoader sees them
// (in the backend when the file arrives, and in the renderer before parsing).
import { checkGlbBudgets, type GlbTotals } from './budgets';
import { readGlbChunks } from './container';
import { gltfJsonSchema } from './gltf-json';
import { checkGlbLayout } from './layout';
import { GlbError } from './limits';
import { describeIssues } from '../validation/describe-issues';

export type GlbCheck = { ok: true; totals: GlbTotals } | { ok: false; problem: string };

/**
 * Validates a binary glTF 2.0 file: header, chunk table, the JSON's buffers, bufferViews, accessors,
 * meshes, nodes and images, every byte range, and the budgets in limits.ts. Never throws; a problem
 * starts with `fileName` and names the accessor, bufferView, chunk or image at fault.
 */
export function checkGlb(bytes: Uint8Array, fileName: string): GlbCheck {
  try {
    const { json, bin } = readGlbChunks(bytes, fileName);
    const parsed = gltfJsonSchema.safeParse(json);
    if (!parsed.success)
      return { ok: false, problem: describeIssues(parsed.error, { prefix: `${fileName}: JSON chunk` }) };
    checkGlbLayout(parsed.data, bin, fileName);
    return { ok: true, totals: checkGlbBudgets(parsed.data, bin, fileName) };
  } catch (e) {
    if (e instanceof GlbError) return { ok: false, problem: e.message };
    throw e;
  }
}

/** As checkGlb, but throws an Error with the problem; returns what the loader will build. */
export function assertValidGlb(bytes: Uint8Array, fileName: string): GlbTotals {
  const result = checkGlb(bytes, fileName);
  if (!result.ok) throw new Error(result.problem);
  return result.totals;
}
