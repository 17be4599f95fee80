import { useTranslation } from 'react-i18next';
import { useRef, useState, type ChangeEvent } from 'react';
import { useCanCall } from '../../state/session-role';
import { openScenarioFile, trainerCommand } from './trainer-actions';
import { RecordSection } from './RecordSection';
import { useTrainer } from './trainer-store';
import { TrainerPlayback } from './TrainerPlayback';
import { TrainerScore } from './TrainerScore';
import './trainer.css';
import '../../ui/kpi-table.css';
import { useScenarioText } from './use-scenario-text';

/** Trainer mode: play scripted failure scenarios with narration, questions and scoring; record and report. */
export function TrainerPanel() {
  const { t } = useTranslation('trainer');
  const text = useScenarioText();
  const scenarios = useTrainer((s) => s.scenarios);
  const state = useTrainer((s) => s.state);
  const presenter = useTrainer((s) => s.presenter);
  const [choice, setChoice] = useState('');
  const file = useRef<HTMLInputElement>(null);
  const selected = choice || state.scenario?.id || scenarios[0]?.id || '';
  const loaded = state.scenario !== null;
  // Loading, playing and recording drive the live simulator: trainerCommand/trainerOpenScenario/simCommand.
  const command = useCanCall('trainerCommand', t('access.command'));
  const openFile = useCanCall('trainerOpenScenario', t('access.openFile'));

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) void openScenarioFile(f);
  };

  return (
    <div className="simulation-panel trainer-panel">
      <section className="sim-section" aria-label={t('scenario')}>
        <h3>{t('scenario')}</h3>
        <div className="sim-controls">
          <select
            value={selected}
            data-testid="trainer-scenario-select"
            aria-label={t('scenario')}
            onChange={(e) => setChoice(e.target.value)}
          >
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {text(s.title)}
              </option>
            ))}
          </select>
          <button
            type="button"
            data-testid="trainer-load"
            disabled={!command.allowed || !selected}
            title={command.refusal}
            onClick={() => void trainerCommand({ kind: 'load', scenarioId: selected })}
          >
            {t('load')}
          </button>
          <button
            type="button"
            data-testid="trainer-open-file"
            disabled={!openFile.allowed}
            title={openFile.refusal}
            onClick={() => file.current?.click()}
          >
            {t('openFile')}
          </button>
          <input
            ref={file}
            type="file"
            accept=".json"
            hidden
            data-testid="trainer-file-input"
            aria-label={t('openFileInput')}
            onChange={onFile}
          />
        </div>
        {state.scenario && <p className="form-note">{text(state.scenario.summary)}</p>}
      </section>
      {loaded && <TrainerPlayback state={state} presenter={presenter} />}
      {loaded && <TrainerScore state={state} presenter={presenter} />}
      <RecordSection reportReady={loaded} />
    </div>
  );
}
