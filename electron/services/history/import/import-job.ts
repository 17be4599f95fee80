import type { TagDefinition } from '../../../../core/asset/schema';
import type { StoreConnections } from '../store/connections';
import type { StoreWrites } from '../store/store-writes';
import type { CancelGuard } from './import-cancel';
import type { ImportFormat, ImportOptions, ImportProgress } from './import-source';

/** One import: `connections.writer` is the import's own connection; its merge runs in the store's serial queue. */
export interface ImportJob {
  connections: StoreConnections;
  writes: StoreWrites;
  file: string;
  format: ImportFormat;
  mappings: { column: string; tag: TagDefinition }[];
  options: ImportOptions;
  progress: (p: ImportProgress) => void;
  guard: CancelGuard;
}

/** Where each step ends on the 0…1 progress scale (merging a large file into the store takes longest). */
export const UPTO = { read: 0.3, update: 0.5, insert: 0.75, rollup: 0.95 } as const;
