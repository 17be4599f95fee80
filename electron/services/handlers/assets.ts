import type { assetsRequestSchemas, AssetSummary } from '../../../core/api/domains/assets';
import type { TwinEvent } from '../../../core/api/types';
import type { AssetOrigin } from '../asset-origin';
import { BackgroundAsset } from '../background-asset';
import type { LiveSourceSetup, RunningAsset } from '../running-asset';
import type { TwinHandlers } from '../twin-handlers';

/** The assets that run but are not shown; the backend ticks them and stops them on dispose. */
export class BackgroundAssets {
  readonly list: BackgroundAsset[] = [];

  constructor(private readonly setup: LiveSourceSetup) {}

  add(origin: AssetOrigin): void {
    const asset = new BackgroundAsset(origin, this.setup);
    this.list.push(asset);
    asset.start();
  }

  /** Removes the asset from the background (stopped, its history store closed) and gives back its origin. */
  async take(assetId: string): Promise<AssetOrigin | null> {
    const at = this.list.findIndex((a) => a.assetId === assetId);
    if (at < 0) return null;
    const [asset] = this.list.splice(at, 1);
    await asset!.stop();
    return asset!.origin;
  }

  tick(wallMs: number, elapsedMs: number): void {
    for (const a of this.list) a.tick(wallMs, elapsedMs);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.list.splice(0).map((a) => a.stop()));
  }
}

/** listAssets and switchAsset: every running asset at a glance, and which one is shown. */
export function createAssetsHandlers(
  running: RunningAsset,
  background: BackgroundAssets,
  emit: (event: TwinEvent) => void,
): Pick<TwinHandlers, keyof typeof assetsRequestSchemas> {
  const list = (): AssetSummary[] => [running.summary(), ...background.list.map((a) => a.summary())];
  return {
    listAssets: () => list(),
    switchAsset: async ({ assetId }) => {
      if (running.asset.id === assetId) return list();
      const shown = running.origin();
      const target = await background.take(assetId);
      if (!target)
        throw new Error(
          `no running asset "${assetId}"; running: ${list()
            .map((a) => a.assetId)
            .join(', ')}`,
        );
      await running.replace(target.asset, target.model, target.source, target.assetDir);
      emit({ type: 'session', session: running.session() });
      background.add(shown);
      return list();
    },
  };
}
