import type { HistoryEvent, ImportPhase } from '../../../../../core/api/domains/history';
import { formatNumber } from '../../../format';
import { i18n } from '../../../i18n/i18n';

export type ImportProgressEvent = Extract<HistoryEvent, { type: 'history-import-progress' }>;

/** What the import dialog shows while an import runs. */
export interface ImportProgressView {
  phase: ImportPhase;
  /** Whole percent, 0…100. */
  percent: number;
  rows: number | null;
  cancellable: boolean;
}

/** A fresh id for one import (letters, digits and "-" only, as the API requires). */
export function newImportId(random: () => number = Math.random): string {
  return `import-${Date.now().toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

export const startingProgress = (): ImportProgressView => ({
  phase: 'reading',
  percent: 0,
  rows: null,
  cancellable: true,
});

/**
 * The view after a progress event: events of other imports are ignored, and the bar never moves back
 * (a late event of an earlier phase cannot undo a later one).
 */
export function applyProgress(
  view: ImportProgressView,
  importId: string,
  event: ImportProgressEvent,
): ImportProgressView {
  if (event.importId !== importId) return view;
  const percent = Math.max(0, Math.min(100, Math.floor(event.fraction * 100)));
  if (percent < view.percent) return view;
  return { phase: event.phase, percent, rows: event.rows, cancellable: event.cancellable };
}

/** "Reading file… 42 %", "Merging 300,000 rows into the store… 87 %". */
export function progressText(view: ImportProgressView): string {
  const text =
    view.phase === 'merging' && view.rows !== null
      ? i18n.t('history:dialog.import.mergingRows', { rows: formatNumber(view.rows) })
      : i18n.t(`history:dialog.import.phases.${view.phase}`);
  return `${text} ${view.percent} %`;
}
