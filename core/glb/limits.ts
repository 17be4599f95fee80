// Budgets a GLB must fit before three.js parses it. A GLB is at most MAX_MODEL_BYTES (32 MB) on disk, but
// its JSON can ask the loader for far more (an accessor without a bufferView is allocated as zeros, an image
// is decoded to width × height × 4 bytes), so the limits are on what the loader would build, not on the file.

/** Sum of the POSITION accessor counts of every mesh primitive: a detailed plant skid is well under 1 M. */
export const MAX_GLB_VERTICES = 5_000_000;

/** Sum of the index accessor counts: three indices per triangle, so about 5 M triangles. */
export const MAX_GLB_INDICES = 15_000_000;

/** Bytes the loader allocates for accessors and buffers together (typed arrays in the renderer's heap). */
export const MAX_GLB_BUFFER_BYTES = 256_000_000;

/** Textures and images: a twin colors its parts, it does not need photo-real materials. */
export const MAX_GLB_TEXTURES = 64;

/** Encoded bytes of all images together. */
export const MAX_GLB_IMAGE_BYTES = 64_000_000;

/** Widest or tallest image decoded, in pixels (8192² × 4 B = 256 MB, the most one texture may take). */
export const MAX_GLB_IMAGE_SIDE = 8192;

/** Scene-graph nodes: each becomes a three.js Object3D. */
export const MAX_GLB_NODES = 100_000;

/** Meshes, and primitives over all meshes: each primitive becomes a three.js Mesh and a draw call. */
export const MAX_GLB_PRIMITIVES = 50_000;

/** The JSON chunk: a scene description, not data. */
export const MAX_GLB_JSON_BYTES = 16_000_000;

/** "12,000,000,000": byte counts in messages, readable at a glance. */
export const formatCount = (n: number): string => n.toLocaleString('en-US');

/** A problem in one GLB file; the message starts with the file's name. */
export class GlbError extends Error {
  constructor(
    readonly fileName: string,
    problem: string,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'GlbError';
  }
}
