// Several assets in one backend: each runs from its own sources and records its own history; one is shown.
import { z } from 'zod';

export const assetsRequestSchemas = {
  listAssets: z.object({}).strict(),
  /** Shows another of the running assets; the one shown until now keeps running and recording. */
  switchAsset: z.object({ assetId: z.string().min(1).max(64) }).strict(),
} as const;

export type AssetHealth = 'ok' | 'degraded' | 'down' | 'idle';

/** One running asset at a glance, for the asset switcher. */
export interface AssetSummary {
  assetId: string;
  name: string;
  /** The asset's display name in other languages (language tag → name), from its `translations` table. */
  names: Record<string, string>;
  /** The asset the app shows now. */
  active: boolean;
  mode: 'simulator' | 'live' | 'none';
  /** e.g. "Live: MQTT mqtt://127.0.0.1:1883" or "Pump-skid simulator (seed 1)". */
  source: string;
  connected: number;
  connections: number;
  staleTags: number;
  activeAlarms: number;
  health: AssetHealth;
}

type Req<K extends keyof typeof assetsRequestSchemas> = z.input<(typeof assetsRequestSchemas)[K]>;

export interface AssetsApi {
  listAssets(req: Req<'listAssets'>): Promise<AssetSummary[]>;
  switchAsset(req: Req<'switchAsset'>): Promise<AssetSummary[]>;
}
