// Normal-behaviour models of the shown asset, kept by the backend in its data folder (one model card per
// version, the deployed one named in active.json; see core/ml/normal/registry-paths.ts). Each method listed
// in normalModelsRequestSchemas must appear in NormalModelsApi with the same name.
import { z } from 'zod';
import type { NormalModelCard } from '../../ml/normal/card';
import type { Phrase } from '../../text/phrase';

/** Largest model card accepted or read back, in bytes of JSON (a card is a few kB per tag). */
export const MAX_NORMAL_CARD_BYTES = 1_000_000;
/** At most this many versions are listed per asset (newest first); older files stay on disk. */
export const MAX_NORMAL_VERSIONS = 200;

const versionId = z
  .string()
  .regex(/^normal-\d{8}-\d{6}$/, 'must be a version id like normal-20260101-120000');

export const normalModelsRequestSchemas = {
  listNormalModels: z.object({}).strict(),
  /** The card is checked with parseNormalModelCard by the backend (the schema with its migrations). */
  saveNormalModel: z.object({ card: z.unknown(), deploy: z.boolean() }).strict(),
  /** Deploys a stored version for the shown asset; null: none deployed (predictions stop). */
  deployNormalModel: z.object({ id: versionId.nullable() }).strict(),
} as const;

export interface NormalModelVersion {
  /** `normal-YYYYMMDD-HHMMSS`, from the card's createdAt (UTC). */
  id: string;
  card: NormalModelCard;
}

export interface NormalModelRegistry {
  assetId: string;
  /** Newest first. */
  versions: NormalModelVersion[];
  /** The deployed version, or null. */
  activeId: string | null;
  /** Files that could not be read (named, with the reason); the others are listed. */
  problems: string[];
  /** `problems` as phrases, one for one; null where the words are a file's or a library's own. */
  problemPhrases?: (Phrase | null)[];
}

export interface NormalModelsApi {
  /** The shown asset's normal-behaviour model versions and the deployed one. */
  listNormalModels(req: Record<string, never>): Promise<NormalModelRegistry>;
  /** Stores a trained card as a new version of the shown asset (and deploys it when asked). */
  saveNormalModel(req: { card: unknown; deploy: boolean }): Promise<NormalModelRegistry>;
  /** Deploys a stored version, or none. */
  deployNormalModel(req: { id: string | null }): Promise<NormalModelRegistry>;
}
