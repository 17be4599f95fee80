import type { AssetDefinition } from '../../core/asset/schema';
import type { AssetModelBytes } from './asset-model';
import type { ConnectorFactory } from './live/connector';
import type { SecretStore } from './live/secrets';

/** What live sources need (data folder, secrets, connectors): the shown asset and background ones alike. */
export interface LiveSourceSetup {
  dataDir: string;
  secrets: SecretStore;
  factories: Readonly<Record<'mqtt' | 'opcua', ConnectorFactory>>;
}

/** Where a running asset came from, kept so it can be shown again (switchAsset) without reading files. */
export interface AssetOrigin {
  asset: AssetDefinition;
  model: AssetModelBytes | null;
  /** The asset file, or 'built-in'. */
  source: string;
  assetDir: string;
}
