import { z } from 'zod';
import { QUANTITIES } from '../units/units';
import { relativePathProblem } from '../validation/relative-path';
import { sourcesSchema } from './sources-schema';
import { assetTranslationsSchema } from './translations-schema';

/** Current version of the asset definition file format. */
export const ASSET_SCHEMA_VERSION = 3;

const id = z
  .string()
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, "_" or "-", starting with a letter');

/** A pair of limits; either side may be absent. */
const limitPair = z
  .object({
    /** Low limit, in the tag's unit. */
    low: z.number().finite().optional(),
    /** High limit, in the tag's unit. */
    high: z.number().finite().optional(),
  })
  .strict();

export const tagSchema = z
  .object({
    /** Stable identifier used in data files, models and the API. */
    id,
    /** Instrument tag as printed on the P&ID, e.g. "TE211". */
    instrument: z.string().min(1),
    /** Human name, e.g. "Pump DE bearing temperature". */
    name: z.string().min(1),
    unit: z.string().min(1), // a core/units symbol that measures the quantity
    quantity: z.enum(QUANTITIES).optional(), // absent: the simulator signal's (simulator-signals.ts)
    /** Physically possible span of the sensor; values outside are flagged bad. */
    range: z.tuple([z.number().finite(), z.number().finite()]),
    /** Band of normal operation, used for "distance to alarm" coloring. */
    normal: z.tuple([z.number().finite(), z.number().finite()]),
    /** Alarm limits (ISA-18.2 priority medium). */
    alarm: limitPair.optional(),
    /** Trip limits (priority high). */
    trip: limitPair.optional(),
    /** Decimal places shown on screen. */
    decimals: z.number().int().min(0).max(6).default(1),
    /** Where the limits come from (standard or vendor), shown in tooltips. */
    limitSource: z.string().optional(),
  })
  .strict()
  .superRefine((tag, ctx) => {
    if (tag.range[0] >= tag.range[1])
      ctx.addIssue({ code: 'custom', path: ['range'], message: 'range low must be below range high' });
    if (tag.normal[0] > tag.normal[1])
      ctx.addIssue({ code: 'custom', path: ['normal'], message: 'normal low must not exceed normal high' });
    if (tag.alarm?.high !== undefined && tag.trip?.high !== undefined && tag.trip.high < tag.alarm.high)
      ctx.addIssue({
        code: 'custom',
        path: ['trip', 'high'],
        message: 'trip high must not be below alarm high',
      });
    if (tag.alarm?.low !== undefined && tag.trip?.low !== undefined && tag.trip.low > tag.alarm.low)
      ctx.addIssue({
        code: 'custom',
        path: ['trip', 'low'],
        message: 'trip low must not be above alarm low',
      });
  });

export const componentSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** Kind of equipment, used for icons and default colormaps. */
    kind: z.enum([
      'motor',
      'drive',
      'coupling',
      'pump',
      'bearing',
      'seal',
      'tank',
      'valve',
      'pipe',
      'instrument',
      'frame',
      'other',
    ]),
    /** Names of the 3D nodes (GLB node names or procedural part ids) this component colors. */
    nodes: z.array(z.string().min(1)).min(1),
    /** Tags measured on this component. */
    tags: z.array(id),
  })
  .strict();

export const controlSchema = z
  .object({
    id,
    name: z.string().min(1),
    unit: z.string().min(1),
    min: z.number().finite(),
    max: z.number().finite(),
    /** Largest change per second the plant accepts. */
    rate: z.number().positive(),
    default: z.number().finite(),
    step: z.number().positive().default(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.min >= c.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must be below max' });
    if (c.default < c.min || c.default > c.max)
      ctx.addIssue({
        code: 'custom',
        path: ['default'],
        message: `default ${c.default} is outside [${c.min}, ${c.max}]`,
      });
  });

export const faultSchema = z
  .object({
    id,
    name: z.string().min(1),
    /** Component the fault lives in. */
    component: id,
    /** Sensor faults act on one tag chosen at injection time. */
    targetsTag: z.boolean().default(false),
    description: z.string().default(''),
  })
  .strict();

const PROCEDURAL_MODEL = /^procedural:[a-z][a-z0-9-]*$/;

/** True when the asset's model is a GLB file rather than a procedural builder. */
export const isGlbModel = (model: string): boolean => !model.startsWith('procedural:');

const modelSchema = z
  .string()
  .min(1)
  .max(256)
  .superRefine((model, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (!isGlbModel(model)) {
      if (!PROCEDURAL_MODEL.test(model))
        fail(`"${model}" is not a procedural model name like "procedural:pump-skid"`);
      return;
    }
    if (!model.toLowerCase().endsWith('.glb'))
      return fail(`"${model}" must be "procedural:<builder>" or a path to a binary glTF file ending in .glb`);
    const problem = relativePathProblem(model);
    if (problem)
      fail(`"${model}" ${problem}; it must be a path relative to the asset file, beside or below it`);
  });

export const modelBindingSchema = z
  .object({
    /** Model kind, e.g. "forecaster" or "health". */
    kind: z.string().min(1),
    /** Folder under models/, e.g. "pump-skid/health"; confined to models/ like `model` to the asset's folder. */
    path: z
      .string()
      .min(1)
      .max(256)
      .superRefine((path, ctx) => {
        const problem = relativePathProblem(path);
        if (problem)
          ctx.addIssue({
            code: 'custom',
            message: `"${path}" ${problem}; it must be a folder relative to models/, e.g. "pump-skid/health"`,
          });
      }),
  })
  .strict();

export const assetSchema = z
  .object({
    schemaVersion: z.literal(ASSET_SCHEMA_VERSION),
    id,
    name: z.string().min(1),
    description: z.string().default(''),
    /** Simulator that produces this asset's data, if any. */
    simulator: z.string().optional(),
    /**
     * 3D model: "procedural:<builder>" (built in code, e.g. "procedural:pump-skid") or the path of a
     * binary glTF file relative to the asset file, e.g. "pump-skid.glb" or "models/skid.glb". The
     * GLB's node names are what the components' `nodes` refer to.
     */
    model: modelSchema,
    components: z.array(componentSchema).min(1),
    tags: z.array(tagSchema).min(1),
    controls: z.array(controlSchema).default([]),
    faults: z.array(faultSchema).default([]),
    models: z.array(modelBindingSchema).default([]),
    /** Live sources (MQTT, OPC UA) the tags are bound to; absent: the asset runs from its simulator or files. */
    sources: sourcesSchema.optional(),
    /** Display names in other languages (language tag → texts); the names above are the source language. */
    translations: assetTranslationsSchema.optional(),
  })
  .strict()
  .superRefine((asset, ctx) => {
    const tagIds = new Set<string>();
    asset.tags.forEach((t, i) => {
      if (tagIds.has(t.id))
        ctx.addIssue({ code: 'custom', path: ['tags', i, 'id'], message: `duplicate tag id "${t.id}"` });
      tagIds.add(t.id);
    });
    const componentIds = new Set<string>();
    asset.components.forEach((c, i) => {
      if (componentIds.has(c.id))
        ctx.addIssue({
          code: 'custom',
          path: ['components', i, 'id'],
          message: `duplicate component id "${c.id}"`,
        });
      componentIds.add(c.id);
      c.tags.forEach((tag, j) => {
        if (!tagIds.has(tag))
          ctx.addIssue({
            code: 'custom',
            path: ['components', i, 'tags', j],
            message: `unknown tag "${tag}"`,
          });
      });
    });
    const controlIds = new Set(asset.controls.map((c) => c.id));
    asset.sources?.bindings.forEach((b, i) => {
      if (!tagIds.has(b.tag))
        ctx.addIssue({
          code: 'custom',
          path: ['sources', 'bindings', i, 'tag'],
          message: `unknown tag "${b.tag}"`,
        });
    });
    asset.sources?.writes.forEach((w, i) => {
      if (!controlIds.has(w.control))
        ctx.addIssue({
          code: 'custom',
          path: ['sources', 'writes', i, 'control'],
          message: `unknown control "${w.control}"`,
        });
    });
    // A translation names only ids the asset has: [ids, what one is called in a problem].
    const faultIds = new Set(asset.faults.map((f) => f.id));
    const known = {
      components: [componentIds, 'component'],
      tags: [tagIds, 'tag'],
      controls: [controlIds, 'control'],
      faults: [faultIds, 'fault'],
      faultDescriptions: [faultIds, 'fault'],
    } as const;
    for (const [language, translation] of Object.entries(asset.translations ?? {}))
      for (const [section, [ids, noun]] of Object.entries(known) as [
        keyof typeof known,
        (typeof known)[keyof typeof known],
      ][])
        for (const id of Object.keys(translation[section] ?? {}))
          if (!ids.has(id))
            ctx.addIssue({
              code: 'custom',
              path: ['translations', language, section, id],
              message: `unknown ${noun} "${id}"`,
            });
    asset.faults.forEach((f, i) => {
      if (!componentIds.has(f.component))
        ctx.addIssue({
          code: 'custom',
          path: ['faults', i, 'component'],
          message: `unknown component "${f.component}"`,
        });
    });
  });

export type TagDefinition = z.infer<typeof tagSchema>;
export type ComponentDefinition = z.infer<typeof componentSchema>;
export type ControlDefinition = z.infer<typeof controlSchema>;
export type FaultDefinition = z.infer<typeof faultSchema>;
export type AssetDefinition = z.infer<typeof assetSchema>;
