import { useTranslation } from 'react-i18next';
import type { NormalLearnResult } from './normal-learn-store';
import { fixed, span } from './models-format';

/** The held-out report of a trained (not yet deployed) model. */
export function NormalReport({ result }: { result: NormalLearnResult }) {
  const { t } = useTranslation('models', { keyPrefix: 'normal.report' });
  const training = result.card.training;
  const h = training.heldOutAlarms;
  const p = result.card.model.persistence;
  const rows: [string, string, string?][] = [
    [t('period'), span(result.from, result.to)],
    [
      t('rows'),
      t('rowsValue', {
        rows: training.rows,
        fitRows: training.fitRows,
        heldOutRows: training.heldOutRows,
        rate: fixed(training.sampleRateHz, 2),
      }),
    ],
    [t('budget'), t('budgetValue', { perDay: fixed(training.falseAlarmsPerDay, 1) })],
    [
      t('threshold'),
      t('thresholdValue', {
        threshold: fixed(result.card.model.threshold, 2),
        level: fixed(training.budgetLevel, 2),
        inflation: fixed(training.heldOutInflation, 2),
      }),
      'normal-threshold',
    ],
    [
      t('heldOutFalseAlarms'),
      h
        ? t('heldOutValue', {
            alarms: h.alarms,
            heldOutRows: training.heldOutRows,
            perDay: fixed(h.alarmsPerDay, 1),
            alarmRows: h.alarmRows,
            fitRows: training.fitRows,
          })
        : t('notRecorded'),
      'normal-heldout-fa',
    ],
    [
      t('unscoredTags'),
      training.unscoredTags.length
        ? t('unscoredValue', { tags: training.unscoredTags.join(', ') })
        : t('none'),
    ],
    [
      t('alarm'),
      t('alarmValue', { raiseCount: p.raiseCount, raiseWindow: p.raiseWindow, clearRatio: p.clearRatio }),
    ],
    [
      t('trainedIn'),
      t('trainedInValue', {
        time:
          result.seconds < 1 ? `${Math.round(result.seconds * 1000)} ms` : `${fixed(result.seconds, 1)} s`,
      }),
    ],
  ];
  return (
    <table className="models-compare normal-report" data-testid="normal-report">
      <tbody>
        {rows.map(([name, value, testId]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td data-testid={testId}>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
