import { createStore } from 'zustand/vanilla';
import type { ConnectionsSnapshot, TagSourceStatus } from '../../../core/api/domains/connections';

export interface ConnectionsState {
  /** Where the running asset's data comes from and how its live connections fare; null until first asked. */
  snapshot: ConnectionsSnapshot | null;
  /** The snapshot's tag statuses by tag id (built once per snapshot, read by the scene and tag rows). */
  byTag: ReadonlyMap<string, TagSourceStatus>;
  /** Wall time the snapshot arrived (ages are measured from here, so they move with each snapshot). */
  receivedAt: number;
  /** Whether the Connections panel is open. */
  panelOpen: boolean;
}

const NO_TAGS: ReadonlyMap<string, TagSourceStatus> = new Map();

export const createConnectionsStore = () =>
  createStore<ConnectionsState>(() => ({
    snapshot: null,
    byTag: NO_TAGS,
    receivedAt: 0,
    panelOpen: false,
  }));

export const connectionsStore = createConnectionsStore();

/**
 * Takes a snapshot from the `connections` event or a `connectionsStatus` answer; one of another asset than
 * `currentAssetId` (a late event from before an asset change) is ignored.
 */
export function applyConnections(
  snapshot: ConnectionsSnapshot,
  currentAssetId: string | null,
  now: number = Date.now(),
): void {
  if (currentAssetId !== null && snapshot.assetId !== currentAssetId) return;
  connectionsStore.setState({
    snapshot,
    byTag: new Map(snapshot.tags.map((t) => [t.tagId, t])),
    receivedAt: now,
  });
}

/** Forgets the snapshot (the asset changed); the panel stays as it was. */
export function resetConnections(): void {
  connectionsStore.setState({ snapshot: null, byTag: NO_TAGS, receivedAt: 0 });
}

export const openConnectionsPanel = () => connectionsStore.setState({ panelOpen: true });
export const closeConnectionsPanel = () => connectionsStore.setState({ panelOpen: false });
export const toggleConnectionsPanel = () => connectionsStore.setState((s) => ({ panelOpen: !s.panelOpen }));

/** True while the asset runs from its live sources (not its simulator). */
export const runsLive = (s: ConnectionsState): boolean => s.snapshot?.mode === 'live';

/** How a control may be driven: by the simulator, written to the live source, or not at all (read-only). */
export type ControlDrive = 'simulator' | 'writable' | 'read-only';

export function controlDrive(snapshot: ConnectionsSnapshot | null, controlId: string): ControlDrive {
  if (snapshot?.mode !== 'live') return 'simulator';
  return snapshot.writableControls.includes(controlId) ? 'writable' : 'read-only';
}
