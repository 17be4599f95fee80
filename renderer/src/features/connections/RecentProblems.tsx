import { useTranslation } from 'react-i18next';
import type { ConnectionProblem } from '../../../../core/api/domains/connections';
import { formatClock } from '../../format';
import { phraseText } from '../../i18n/phrase-text';
import { agoText } from './connections-format';

interface Props {
  problems: ConnectionProblem[];
  /** The connection's current error, already shown above the list. */
  current: string | null;
  now: number;
}

/** Problems the connection met, newest first, with their (UTC) time; folded when it only repeats the current error. */
export function RecentProblems({ problems, current, now }: Props) {
  const { t } = useTranslation('connections');
  if (problems.length === 0) return <p className="connection-problems-none muted">{t('problems.none')}</p>;
  return (
    <details
      className="connection-problems"
      open={!(problems.length === 1 && problems[0]?.message === current)}
    >
      <summary>
        {t('problems.recent')}{' '}
        <span className="muted num">{t('problems.count', { count: problems.length })}</span>
      </summary>
      <ol data-testid="connection-problems">
        {problems.map((p, i) => (
          <li key={`${p.t}-${i}`}>
            <time className="num" dateTime={new Date(p.t).toISOString()} title={agoText(p.t, now)}>
              {formatClock(p.t)}
            </time>
            <span>{phraseText(p.phrase, p.message)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
