// What the loader builds from a GLB: meshes that refer to real accessors, and totals that fit the budgets
// in limits.ts (vertices, indices, primitives, nodes, textures, image bytes and pixels).
import { accessorLabel, accessorUses } from './accessor-use';
import type { GltfJson } from './gltf-json';
import { imageSize } from './image-size';
import {
  GlbError,
  MAX_GLB_IMAGE_BYTES,
  MAX_GLB_IMAGE_SIDE,
  MAX_GLB_INDICES,
  MAX_GLB_NODES,
  MAX_GLB_PRIMITIVES,
  MAX_GLB_TEXTURES,
  MAX_GLB_VERTICES,
  formatCount,
} from './limits';

type Fail = (problem: string) => never;

/** What a GLB asks the loader for; all within the budgets once checkGlbBudgets returned. */
export interface GlbTotals {
  vertices: number;
  indices: number;
  primitives: number;
  nodes: number;
  textures: number;
  imageBytes: number;
}

function overBudget(fail: Fail, what: string, count: number, limit: number): void {
  if (count > limit) fail(`has ${formatCount(count)} ${what}, over the limit of ${formatCount(limit)}`);
}

function countGeometry(gltf: GltfJson, fail: Fail): Pick<GlbTotals, 'vertices' | 'indices' | 'primitives'> {
  const uses = accessorUses(gltf);
  const count = (a: number): number => {
    const accessor = gltf.accessors[a];
    if (!accessor) fail(`${accessorLabel(uses, a)} does not exist (the file has ${gltf.accessors.length})`);
    return accessor.count;
  };
  let vertices = 0;
  let indices = 0;
  let primitives = 0;
  for (const mesh of gltf.meshes)
    for (const p of mesh.primitives) {
      primitives++;
      for (const a of Object.values(p.attributes)) count(a);
      for (const target of p.targets ?? []) for (const a of Object.values(target)) count(a);
      if (p.attributes.POSITION !== undefined) vertices += count(p.attributes.POSITION);
      if (p.indices !== undefined) indices += count(p.indices);
    }
  overBudget(fail, 'mesh primitives', primitives, MAX_GLB_PRIMITIVES);
  overBudget(fail, 'vertices (POSITION counts of all primitives)', vertices, MAX_GLB_VERTICES);
  overBudget(fail, 'indices', indices, MAX_GLB_INDICES);
  return { vertices, indices, primitives };
}

function checkNodes(gltf: GltfJson, fail: Fail): void {
  overBudget(fail, 'nodes', gltf.nodes.length, MAX_GLB_NODES);
  gltf.nodes.forEach((node, n) => {
    if (node.mesh !== undefined && !gltf.meshes[node.mesh])
      fail(`node ${n} refers to mesh ${node.mesh}, which does not exist`);
    node.children?.forEach((c) => {
      if (!gltf.nodes[c]) fail(`node ${n} has child ${c}, which does not exist`);
    });
  });
}

function imageBytes(gltf: GltfJson, bin: Uint8Array | null, i: number, fail: Fail): Uint8Array | number {
  const image = gltf.images[i]!;
  if (image.uri !== undefined) {
    if (!image.uri.startsWith('data:'))
      fail(`image ${i} refers to "${image.uri.slice(0, 80)}"; the GLB must embed its images`);
    return image.uri.length;
  }
  if (image.bufferView === undefined) return fail(`image ${i} has neither a bufferView nor a data: uri`);
  const view = gltf.bufferViews[image.bufferView];
  if (!view) return fail(`image ${i} refers to bufferView ${image.bufferView}, which does not exist`);
  if (view.buffer !== 0 || bin === null) return view.byteLength;
  return bin.subarray(view.byteOffset, view.byteOffset + view.byteLength);
}

function checkImages(gltf: GltfJson, bin: Uint8Array | null, fail: Fail): number {
  overBudget(fail, 'textures', gltf.textures.length, MAX_GLB_TEXTURES);
  overBudget(fail, 'images', gltf.images.length, MAX_GLB_TEXTURES);
  gltf.textures.forEach((t, i) => {
    if (t.source !== undefined && !gltf.images[t.source])
      fail(`texture ${i} refers to image ${t.source}, which does not exist`);
  });
  let total = 0;
  gltf.images.forEach((_, i) => {
    const bytes = imageBytes(gltf, bin, i, fail);
    total += typeof bytes === 'number' ? bytes : bytes.byteLength;
    const size = typeof bytes === 'number' ? null : imageSize(bytes);
    if (size && Math.max(size.width, size.height) > MAX_GLB_IMAGE_SIDE)
      fail(
        `image ${i} is ${formatCount(size.width)} × ${formatCount(size.height)} pixels; images are limited to ${MAX_GLB_IMAGE_SIDE} on a side`,
      );
  });
  overBudget(fail, 'bytes of images', total, MAX_GLB_IMAGE_BYTES);
  return total;
}

/** Checks references and budgets; throws GlbError naming what is over or missing. */
export function checkGlbBudgets(gltf: GltfJson, bin: Uint8Array | null, fileName: string): GlbTotals {
  const fail: Fail = (problem) => {
    throw new GlbError(fileName, problem);
  };
  const geometry = countGeometry(gltf, fail);
  checkNodes(gltf, fail);
  const imageBytesTotal = checkImages(gltf, bin, fail);
  return {
    ...geometry,
    nodes: gltf.nodes.length,
    textures: gltf.textures.length,
    imageBytes: imageBytesTotal,
  };
}
