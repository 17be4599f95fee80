// Every byte range the loader will read: buffers against the BIN chunk, bufferViews against their buffer,
// accessors (and their sparse parts) against their bufferView; and the bytes the loader allocates on top.
import { accessorLabel, accessorUses } from './accessor-use';
import { COMPONENT_BYTES, TYPE_COMPONENTS, type GltfAccessor, type GltfJson } from './gltf-json';
import { GlbError, MAX_GLB_BUFFER_BYTES, formatCount } from './limits';

type Fail = (problem: string) => never;

function checkBuffers(gltf: GltfJson, bin: Uint8Array | null, fail: Fail): number {
  let total = 0;
  gltf.buffers.forEach((buffer, b) => {
    if (buffer.uri !== undefined)
      fail(
        `buffer ${b} refers to "${buffer.uri.slice(0, 80)}"; the GLB must carry its data in its BIN chunk`,
      );
    if (b > 0) fail(`buffer ${b} has no uri; only buffer 0 can be the GLB's BIN chunk`);
    if (bin === null)
      fail(`buffer 0 needs ${formatCount(buffer.byteLength)} bytes but the file has no BIN chunk`);
    if (buffer.byteLength > bin.byteLength)
      fail(
        `buffer 0 says it holds ${formatCount(buffer.byteLength)} bytes but the BIN chunk has ${formatCount(bin.byteLength)}`,
      );
    total += buffer.byteLength;
  });
  return total;
}

function checkBufferViews(gltf: GltfJson, fail: Fail): void {
  gltf.bufferViews.forEach((view, v) => {
    const buffer = gltf.buffers[view.buffer];
    if (!buffer) fail(`bufferView ${v} refers to buffer ${view.buffer}, which does not exist`);
    const end = view.byteOffset + view.byteLength;
    if (end > buffer.byteLength)
      fail(
        `bufferView ${v} covers bytes ${formatCount(view.byteOffset)}–${formatCount(end)} but buffer ${view.buffer} holds ${formatCount(buffer.byteLength)}`,
      );
  });
}

/** Bytes the accessor's elements span in its bufferView, from the view's start. */
function spanBytes(accessor: GltfAccessor, elementBytes: number, stride: number | undefined): number {
  if (stride === undefined || stride === elementBytes)
    return accessor.byteOffset + accessor.count * elementBytes;
  return accessor.byteOffset + stride * (accessor.count - 1) + elementBytes;
}

function checkRange(gltf: GltfJson, label: string, viewIndex: number, need: number, fail: Fail): void {
  const view = gltf.bufferViews[viewIndex];
  if (!view) fail(`${label} refers to bufferView ${viewIndex}, which does not exist`);
  if (need > view.byteLength)
    fail(
      `${label} needs ${formatCount(need)} bytes but bufferView ${viewIndex} holds ${formatCount(view.byteLength)}`,
    );
}

/** Checks one accessor; returns the bytes the loader allocates for it beyond the file's own buffer. */
function checkAccessor(gltf: GltfJson, accessor: GltfAccessor, label: string, fail: Fail): number {
  const componentBytes = COMPONENT_BYTES[accessor.componentType] ?? 1;
  const elementBytes = componentBytes * TYPE_COMPONENTS[accessor.type];
  const allocated = accessor.count * elementBytes;
  let extra = 0;
  if (accessor.bufferView === undefined) extra = allocated;
  else {
    const view = gltf.bufferViews[accessor.bufferView];
    const stride = view?.byteStride;
    if (stride !== undefined && stride < elementBytes)
      fail(
        `${label} has ${elementBytes}-byte elements but bufferView ${accessor.bufferView} strides ${stride}`,
      );
    checkRange(gltf, label, accessor.bufferView, spanBytes(accessor, elementBytes, stride), fail);
    if ((accessor.byteOffset + (view?.byteOffset ?? 0)) % componentBytes !== 0)
      fail(
        `${label} starts at a byte offset that is not a multiple of its ${componentBytes}-byte components`,
      );
  }
  const sparse = accessor.sparse;
  if (sparse) {
    if (sparse.count > accessor.count)
      fail(
        `${label} has ${formatCount(sparse.count)} sparse values but only ${formatCount(accessor.count)} elements`,
      );
    const indexBytes = COMPONENT_BYTES[sparse.indices.componentType] ?? 1;
    checkRange(
      gltf,
      `${label} sparse indices`,
      sparse.indices.bufferView,
      sparse.indices.byteOffset + sparse.count * indexBytes,
      fail,
    );
    checkRange(
      gltf,
      `${label} sparse values`,
      sparse.values.bufferView,
      sparse.values.byteOffset + sparse.count * elementBytes,
      fail,
    );
    extra = allocated;
  }
  return extra;
}

/**
 * Checks every buffer, bufferView and accessor range, and that buffers plus the accessors the loader
 * must allocate fit MAX_GLB_BUFFER_BYTES. Throws GlbError naming the first one at fault.
 */
export function checkGlbLayout(gltf: GltfJson, bin: Uint8Array | null, fileName: string): void {
  const fail: Fail = (problem) => {
    throw new GlbError(fileName, problem);
  };
  let total = checkBuffers(gltf, bin, fail);
  checkBufferViews(gltf, fail);
  const uses = accessorUses(gltf);
  gltf.accessors.forEach((accessor, a) => {
    const label = accessorLabel(uses, a);
    total += checkAccessor(gltf, accessor, label, fail);
    if (total > MAX_GLB_BUFFER_BYTES)
      fail(
        `${label} brings the geometry to ${formatCount(total)} bytes, over the ${formatCount(MAX_GLB_BUFFER_BYTES)}-byte limit`,
      );
  });
}
