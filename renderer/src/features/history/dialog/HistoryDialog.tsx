import { useEffect, useRef, useState } from 'react';
import { ModalDialog } from '../../../ui/ModalDialog';
import { AuditSection } from './AuditSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';
import { RunsSection } from './RunsSection';
import { StoreSection } from './StoreSection';
import './history-dialog.css';

type Section = 'store' | 'runs' | 'import' | 'export' | 'audit';
const SECTIONS: { id: Section; label: string }[] = [
  { id: 'store', label: 'Store' },
  { id: 'runs', label: 'Runs' },
  { id: 'import', label: 'Import' },
  { id: 'export', label: 'Export' },
  { id: 'audit', label: 'Audit' },
];

/**
 * History store details, the runs kept apart from the plant's history, CSV/Parquet import with a column mapping,
 * export of a time range, the audit trail.
 */
export function HistoryDialog({ onClose }: { onClose: () => void }) {
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
        <h2 id="history-dialog-title">History</h2>
        <div className="tabs" role="tablist" aria-label="History sections">
          {SECTIONS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="tab"
              className="tab"
              data-testid={`history-tab-${s.id}`}
              aria-selected={section === s.id}
              onClick={() => setSection(s.id)}
            >
              {s.label}
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
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
