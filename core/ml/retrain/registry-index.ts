/**
 * The local model registry's index: every version of a model kept on this machine (the shipped one and
 * each retrain), which one runs, and each version's figures on the held-out recent data it was last
 * compared on. The weights of retrained versions live in IndexedDB under `storageUrl`; this small JSON
 * index is all that describes them.
 */
import { z } from 'zod';
import { wirePhraseSchema } from '../../text/phrase';
import { describeIssues } from '../../validation/describe-issues';
import type { HeldOutMetrics } from './held-out-metrics';

export const REGISTRY_SCHEMA_VERSION = 1;
export const SHIPPED_ID = 'shipped';

const finiteOrNull = z.number().nullable();

const evaluationSchema = z
  .object({
    rocAuc: finiteOrNull,
    macroF1: finiteOrNull,
    falseAlarmsPer24h: finiteOrNull,
    windows: z.number().int().nonnegative(),
    /** Held-out span, simulated ms. */
    from: z.number(),
    to: z.number(),
    /** Wall time of the evaluation, ISO. */
    at: z.string(),
  })
  .strict();

const versionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes only'),
    label: z.string().min(1),
    kind: z.enum(['shipped', 'retrained']),
    createdAt: z.string(),
    /** indexeddb://… for retrained versions; null for the shipped files. */
    storageUrl: z.string().startsWith('indexeddb://').nullable(),
    parentId: z.string().nullable(),
    /** Model card createdAt of the shipped model it derives from: its inputs and normalization. */
    baseCard: z.string(),
    training: z
      .object({
        epochs: z.number().int().positive(),
        windows: z.number().int().positive(),
        seconds: z.number().nonnegative(),
        backend: z.string(),
        finalLoss: z.number(),
        historyFrom: z.number(),
        historyTo: z.number(),
      })
      .strict()
      .nullable(),
    evaluation: evaluationSchema.nullable(),
    decision: z
      .object({
        deployed: z.boolean(),
        /** In English, as the deploy rule wrote them. */
        reasons: z.array(z.string()),
        /** The reasons as phrases, one per reason, for the active language; absent in older registries. */
        phrases: z.array(wirePhraseSchema).optional(),
      })
      .strict()
      .nullable(),
  })
  .strict();

export const registryIndexSchema = z
  .object({
    schemaVersion: z.literal(REGISTRY_SCHEMA_VERSION),
    model: z.string().min(1),
    activeId: z.string(),
    versions: z.array(versionSchema).min(1),
  })
  .strict()
  .superRefine((ix, ctx) => {
    const ids = ix.versions.map((v) => v.id);
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['versions'], message: 'version ids repeat' });
    if (!ids.includes(ix.activeId))
      ctx.addIssue({
        code: 'custom',
        path: ['activeId'],
        message: `"${ix.activeId}" is not a listed version`,
      });
  });

export type RegistryIndex = z.infer<typeof registryIndexSchema>;
export type ModelVersion = z.infer<typeof versionSchema>;
export type VersionEvaluation = z.infer<typeof evaluationSchema>;

export function parseRegistryIndex(json: unknown, source: string): RegistryIndex {
  const r = registryIndexSchema.safeParse(json);
  if (!r.success) throw new Error(describeIssues(r.error, { prefix: source }));
  return r.data;
}

/** A registry holding only the shipped model, which runs. */
export function newRegistry(model: string, shippedCard: string, now: Date): RegistryIndex {
  return {
    schemaVersion: REGISTRY_SCHEMA_VERSION,
    model,
    activeId: SHIPPED_ID,
    versions: [
      {
        id: SHIPPED_ID,
        label: 'v1 (shipped)',
        kind: 'shipped',
        createdAt: now.toISOString(),
        storageUrl: null,
        parentId: null,
        baseCard: shippedCard,
        training: null,
        evaluation: null,
        decision: null,
      },
    ],
  };
}

/**
 * The index against the shipped model installed now: when it changed (a new release, new inputs), the
 * shipped entry follows it, its old figures go, and if a version built on the old one was running the
 * shipped model runs again.
 */
export function followShipped(ix: RegistryIndex, shippedCard: string): RegistryIndex {
  const versions = ix.versions.map((v) =>
    v.kind === 'shipped' && v.baseCard !== shippedCard
      ? { ...v, baseCard: shippedCard, evaluation: null }
      : v,
  );
  const active = versions.find((v) => v.id === ix.activeId);
  const activeId = active && usable(active, shippedCard) ? ix.activeId : SHIPPED_ID;
  return { ...ix, versions, activeId };
}

/** Whether a version can run with the shipped model installed now (same inputs and normalization). */
export function usable(v: ModelVersion, shippedCard: string): boolean {
  return v.baseCard === shippedCard;
}

/** "retrained 2026-11-28 23:10" in local time. */
export function retrainedLabel(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `retrained ${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())} ${p(at.getHours())}:${p(at.getMinutes())}`;
}

/** A version id unique within `ix`, from the wall time. */
export function newVersionId(ix: RegistryIndex, at: Date): string {
  const base = `r${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
  let id = base;
  for (let k = 2; ix.versions.some((v) => v.id === id); k++) id = `${base}-${k}`;
  return id;
}

export function addVersion(ix: RegistryIndex, v: ModelVersion): RegistryIndex {
  if (ix.versions.some((x) => x.id === v.id)) throw new Error(`model registry: version "${v.id}" exists`);
  return { ...ix, versions: [...ix.versions, v] };
}

export function setActive(ix: RegistryIndex, id: string, shippedCard: string): RegistryIndex {
  const v = ix.versions.find((x) => x.id === id);
  if (!v) throw new Error(`model registry: no version "${id}"`);
  if (!usable(v, shippedCard))
    throw new Error(
      `model registry: "${v.label}" was retrained from an earlier shipped model (inputs may differ); retrain again`,
    );
  return { ...ix, activeId: id };
}

export function removeVersion(ix: RegistryIndex, id: string): RegistryIndex {
  if (id === SHIPPED_ID) throw new Error('model registry: the shipped version cannot be removed');
  if (id === ix.activeId)
    throw new Error('model registry: switch to another version before removing this one');
  return { ...ix, versions: ix.versions.filter((v) => v.id !== id) };
}

/** Records a version's figures on a held-out span (NaN stored as null). */
export function recordEvaluation(
  ix: RegistryIndex,
  id: string,
  m: HeldOutMetrics,
  span: { from: number; to: number },
  at: Date,
): RegistryIndex {
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  const evaluation: VersionEvaluation = {
    rocAuc: num(m.rocAuc),
    macroF1: num(m.macroF1),
    falseAlarmsPer24h: num(m.falseAlarmsPer24h),
    windows: m.windows,
    from: span.from,
    to: span.to,
    at: at.toISOString(),
  };
  if (!ix.versions.some((v) => v.id === id)) throw new Error(`model registry: no version "${id}"`);
  return { ...ix, versions: ix.versions.map((v) => (v.id === id ? { ...v, evaluation } : v)) };
}
