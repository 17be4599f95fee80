import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalDialog } from '../../../ui/ModalDialog';
import { AuditSection } from './AuditSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { RunsSection } from './RunsSection';
import { StoreSection } from './StoreSection';
import './history-dialog.css';

type Section = 'store' | 'runs' | 'import' | 'export' | 'audit';
const SECTIONS: readonly Section[] = ['store', 'runs', 'import', 'export', 'audit'];

/**
 * History store details, the runs kept apart from the plant's history, CSV/Parquet import with a column mapping,
 * export of a time range, the audit trail.
 */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('history');
  const [section, setSection] = useState<Section>('store');
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);
  return (
    <ModalDialog
      className="history-dialog"
      labelledBy="history-dialog-title"
      testId="history-dialog"
      onClose={onClose}
    >
      <div className="history-dialog-head">
        <h2 id="history-dialog-title">{t('dialog.title')}</h2>
        <div className="tabs" role="tablist" aria-label={t('dialog.sections')}>
          {SECTIONS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              className="tab"
              data-testid={`history-tab-${id}`}
              aria-selected={section === id}
              onClick={() => setSection(id)}
            >
              {t(`dialog.tabs.${id}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="history-dialog-body" role="tabpanel">
        {section === 'store' && <StoreSection />}
        {section === 'runs' && <RunsSection />}
        {section === 'import' && <ImportSection />}
        {section === 'export' && <ExportSection />}
        {section === 'audit' && <AuditSection />}
      </div>
      <div className="dialog-actions">
        <button ref={closeButton} type="button" data-testid="btn-history-close" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </div>
    </ModalDialog>
  );
}
