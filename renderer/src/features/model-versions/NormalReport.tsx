import type { NormalPreflightIssue } from '../../../../core/ml/normal/preflight-issue';
import type { NormalLearnResult } from './normal-learn-store';
import { fixed, span } from './models-format';

/** Refusals and warnings of the pre-training checks, each naming the tag and the time range. */
export function PreflightList({
  issues,
  kind,
}: {
  issues: NormalPreflightIssue[];
  kind: 'refusal' | 'warning';
}) {
  if (issues.length === 0) return null;
  return (
    <ul className={`normal-preflight ${kind}`} data-testid={`normal-${kind}s`}>
      {issues.map((issue, k) => (
        <li key={k} data-testid={`normal-${kind}`} data-code={issue.code} data-tag={issue.tagId ?? ''}>
          <strong>{kind === 'refusal' ? 'Refused' : 'Warning'}</strong>
          <span className="normal-preflight-tag">{issue.tagId ?? 'all tags'}</span>
          <span className="normal-preflight-span">
            {issue.fromMs !== undefined && issue.toMs !== undefined ? span(issue.fromMs, issue.toMs) : ''}
          </span>
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** The held-out report of a trained (not yet deployed) model. */
export function NormalReport({ result }: { result: NormalLearnResult }) {
  const t = result.card.training;
  const h = t.heldOutAlarms;
  const p = result.card.model.persistence;
  const rows: [string, string, string?][] = [
    ['Period', `${span(result.from, result.to)}`],
    ['Rows', `${t.rows} (fit ${t.fitRows}, held out ${t.heldOutRows}) at ${fixed(t.sampleRateHz, 2)} Hz`],
    ['False-alarm budget', `${fixed(t.falseAlarmsPerDay, 1)} per 24 h of normal running`],
    [
      'Threshold',
      `${fixed(result.card.model.threshold, 2)} = budget level ${fixed(t.budgetLevel, 2)} × held-out calibration ${fixed(t.heldOutInflation, 2)}`,
      'normal-threshold',
    ],
    [
      'Held-out false alarms',
      h
        ? `${h.alarms} in ${t.heldOutRows} held-out rows (${fixed(h.alarmsPerDay, 1)} per 24 h), ${h.alarmRows} rows marked — the model fitted on the first ${t.fitRows} rows, at this threshold`
        : 'not recorded',
      'normal-heldout-fa',
    ],
    [
      'Unscored tags',
      t.unscoredTags.length ? `${t.unscoredTags.join(', ')} (never moved in training)` : 'none',
    ],
    [
      'Alarm',
      `raised when ${p.raiseCount} of the last ${p.raiseWindow} rows are over the threshold, cleared below ${p.clearRatio} × threshold`,
    ],
    [
      'Trained in',
      `${result.seconds < 1 ? `${Math.round(result.seconds * 1000)} ms` : `${fixed(result.seconds, 1)} s`} in the ML worker (statistics only: no GPU needed)`,
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
