// The parts of a glTF 2.0 JSON document that decide how much the loader reads and allocates. Everything
// else (materials, animations, extensions) passes through unchecked: three.js reads it without sizing.
import { z } from 'zod';

const index = z.number().int().nonnegative();
const byteCount = z.number().int().nonnegative();

/** Component type codes (glTF §3.6.2.2) and their byte sizes. */
export const COMPONENT_BYTES: Readonly<Record<number, number>> = {
  5120: 1,
  5121: 1,
  5122: 2,
  5123: 2,
  5125: 4,
  5126: 4,
};

/** Accessor types and the number of components of one element. */
export const TYPE_COMPONENTS = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 } as const;

const componentType = z
  .number()
  .refine((t) => COMPONENT_BYTES[t] !== undefined, 'must be one of 5120, 5121, 5122, 5123, 5125, 5126');

const bufferSchema = z.object({ byteLength: byteCount.min(1), uri: z.string().optional() });

const bufferViewSchema = z.object({
  buffer: index,
  byteOffset: byteCount.default(0),
  byteLength: byteCount.min(1),
  byteStride: z.number().int().min(4).max(252).multipleOf(4).optional(),
});

const sparseSchema = z.object({
  count: z.number().int().min(1),
  indices: z.object({ bufferView: index, byteOffset: byteCount.default(0), componentType }),
  values: z.object({ bufferView: index, byteOffset: byteCount.default(0) }),
});

const accessorSchema = z.object({
  bufferView: index.optional(),
  byteOffset: byteCount.default(0),
  componentType,
  count: z.number().int().min(1),
  type: z.enum(Object.keys(TYPE_COMPONENTS) as [keyof typeof TYPE_COMPONENTS]),
  sparse: sparseSchema.optional(),
});

const primitiveSchema = z.object({
  attributes: z.record(z.string(), index),
  indices: index.optional(),
  targets: z.array(z.record(z.string(), index)).optional(),
});

const meshSchema = z.object({ name: z.string().optional(), primitives: z.array(primitiveSchema).min(1) });

const imageSchema = z.object({
  uri: z.string().optional(),
  bufferView: index.optional(),
  mimeType: z.string().optional(),
});

export const gltfJsonSchema = z.object({
  asset: z.object({ version: z.string() }),
  buffers: z.array(bufferSchema).default([]),
  bufferViews: z.array(bufferViewSchema).default([]),
  accessors: z.array(accessorSchema).default([]),
  meshes: z.array(meshSchema).default([]),
  nodes: z.array(z.object({ mesh: index.optional(), children: z.array(index).optional() })).default([]),
  images: z.array(imageSchema).default([]),
  textures: z.array(z.object({ source: index.optional() })).default([]),
});

export type GltfJson = z.infer<typeof gltfJsonSchema>;
export type GltfAccessor = GltfJson['accessors'][number];
export type GltfBufferView = GltfJson['bufferViews'][number];
