import type { ModelVersion } from '../../../../core/ml/retrain/registry-index';
import { i18n } from '../../i18n/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A health-model version's name in the active language: "v1 (shipped)", "retrained 2026-11-28 23:10" (local
 * time of its creation). The registry's stored label is English, written once; it is not shown.
 */
export function versionName(v: Pick<ModelVersion, 'kind' | 'createdAt' | 'label'>): string {
  if (v.kind === 'shipped') return i18n.t('models:versionName.shipped');
  const at = new Date(v.createdAt);
  if (Number.isNaN(at.getTime())) return v.label;
  const time = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return i18n.t('models:versionName.retrained', { time });
}
