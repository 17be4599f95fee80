import { i18n } from '../i18n/i18n';
import type { BackendMoved } from './protocol';

/** The notice for the worker's fall-back to another ML backend, in the active language. */
export function backendMovedText({ from, to, reason, broken }: BackendMoved): string {
  const values = { from, to, reason, interpolation: { escapeValue: false } };
  return broken.length === 0
    ? i18n.t('shell:status.mlMoved', values)
    : i18n.t('shell:status.mlMovedExcept', {
        ...values,
        broken: broken.join(i18n.t('backend:listSeparator')),
      });
}
