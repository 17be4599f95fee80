import type { Caller, Role } from './caller';
import type { TwinMethod } from './schemas';

export type { Caller, Role } from './caller';

/**
 * The role each method needs. Operator methods change the running plant (setpoints, simulator, faults, alarms,
 * asset, trainer scenario) or its records (retention, imports, bookmarks); viewer methods only read, replay, run
 * what-ifs on a fork of the twin, or export. A `Record` so that a new method does not compile until classified.
 */
export const METHOD_ROLES: Record<TwinMethod, Role> = {
  getSession: 'viewer',
  setControl: 'operator',
  simCommand: 'operator',
  injectFault: 'operator',
  clearFault: 'operator',
  alarmCommand: 'operator',
  loadAsset: 'operator',
  // history
  historyInfo: 'viewer',
  historyWindow: 'viewer',
  historyAt: 'viewer',
  historyEvents: 'viewer',
  historyNextEvent: 'viewer',
  historyGrid: 'viewer',
  exportHistory: 'viewer',
  addBookmark: 'operator',
  setRetention: 'operator',
  // reads a file on the server's disk, as the first step of an import
  previewImport: 'operator',
  importHistory: 'operator',
  cancelImport: 'operator',
  // history runs: listing is reading; the view is shared by every client, so changing it is the operator's
  historyRuns: 'viewer',
  historyView: 'operator',
  historyDeleteRun: 'operator',
  historyOpenArchive: 'operator',
  historyDeleteArchive: 'operator',
  setRunRetention: 'operator',
  // what-if: forks and rollouts leave the live plant alone; apply sets live setpoints
  whatifFork: 'viewer',
  whatifRun: 'viewer',
  whatifSuggest: 'viewer',
  whatifApply: 'operator',
  // trainer: commands and answers drive the live simulator
  trainerListScenarios: 'viewer',
  trainerGetScenario: 'viewer',
  trainerState: 'viewer',
  trainerOpenScenario: 'operator',
  trainerCommand: 'operator',
  trainerAnswer: 'operator',
  // fleet
  importCmapss: 'operator',
  importCmapssBegin: 'operator',
  importCmapssChunk: 'operator',
  importCmapssCommit: 'operator',
  importCmapssAbort: 'operator',
  fleetSummary: 'viewer',
  fleetTracks: 'viewer',
  fleetUnit: 'viewer',
  getAssetModel: 'viewer',
  // GLB uploads exist only to load an asset
  modelUploadBegin: 'operator',
  modelUploadChunk: 'operator',
  modelUploadAbort: 'operator',
  listAudit: 'viewer',
  // live sources: commands change what the plant's twin listens to; writeControl changes the plant itself
  connectionsStatus: 'viewer',
  connectionCommand: 'operator',
  trustServerCertificate: 'operator',
  setConnectionPassword: 'operator',
  setSourceMode: 'operator',
  writeControl: 'operator',
  // several assets: looking is for all; choosing the shown asset changes what every client sees
  listAssets: 'viewer',
  switchAsset: 'operator',
  // normal-behaviour models: storing and deploying one changes what raises predictive alarms
  listNormalModels: 'viewer',
  saveNormalModel: 'operator',
  deployNormalModel: 'operator',
};

export function requiredRole(method: TwinMethod): Role {
  return METHOD_ROLES[method];
}

/** Null when the caller may call the method, otherwise the error the caller sees. */
export function roleRefusal(method: TwinMethod, caller: Caller): string | null {
  if (requiredRole(method) === 'viewer' || caller.role === 'operator') return null;
  return `${method} needs the operator role; this session is a viewer`;
}
