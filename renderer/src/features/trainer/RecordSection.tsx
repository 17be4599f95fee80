import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { useStore } from 'zustand';
import { recordingTitleProblem } from '../../../../core/scenario/recording';
import { useCanCall } from '../../state/session-role';
import { Icon } from '../../ui/icons';
import { recorderStore, startRecording, stopRecording } from './recorder';
import { exportReport } from './trainer-actions';

/** Records the live session as a scenario file (saved under a title it requires) and exports the report. */
export function RecordSection({ reportReady }: { reportReady: boolean }) {
  const { t } = useTranslation('trainer');
  const recording = useStore(recorderStore, (s) => s.recording);
  const sim = useCanCall('simCommand', t('access.sim'));
  const [title, setTitle] = useState(() => t('record.defaultTitle'));
  const problem = recording ? recordingTitleProblem(title) : null;

  return (
    <section className="sim-section" aria-label={t('record.title')}>
      <h3>{t('record.title')}</h3>
      {recording && (
        <label className="inline-field trainer-record-title">
          <span>{t('record.fileTitle')}</span>
          <input
            type="text"
            value={title}
            maxLength={120}
            required
            aria-invalid={problem !== null}
            data-testid="trainer-record-title"
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
      )}
      {problem && (
        <p className="alarm-text" role="alert" data-testid="trainer-record-problem">
          {t('record.needTitle')}
        </p>
      )}
      <div className="sim-controls">
        {recording ? (
          <button
            type="button"
            className="with-icon"
            data-testid="trainer-record-stop"
            disabled={!sim.allowed || problem !== null}
            title={sim.refusal ?? (problem ? t('record.needTitleFirst') : undefined)}
            onClick={() => stopRecording(title)}
          >
            <Icon name="stop" /> {t('record.stop')}
          </button>
        ) : (
          <button
            type="button"
            className="with-icon"
            data-testid="trainer-record"
            disabled={!sim.allowed}
            title={sim.refusal}
            onClick={() => window.confirm(t('record.confirm')) && void startRecording()}
          >
            <Icon name="record" /> {t('record.start')}
          </button>
        )}
        <button type="button" data-testid="trainer-report" disabled={!reportReady} onClick={exportReport}>
          {t('record.report')}
        </button>
      </div>
    </section>
  );
}
