import type { ConnectionProblem } from '../../../../core/api/domains/connections';
import { formatClock } from '../../format';
import { agoText } from './connections-format';

interface Props {
  problems: ConnectionProblem[];
  /** The connection's current error, already shown above the list. */
  current: string | null;
  now: number;
}

/** Problems the connection met, newest first, with their (UTC) time; folded when it only repeats the current error. */
export function RecentProblems({ problems, current, now }: Props) {
  if (problems.length === 0) return <p className="connection-problems-none muted">No problems so far.</p>;
  return (
    <details
      className="connection-problems"
      open={!(problems.length === 1 && problems[0]?.message === current)}
    >
      <summary>
        Recent problems <span className="muted num">({problems.length}, UTC)</span>
      </summary>
      <ol data-testid="connection-problems">
        {problems.map((p, i) => (
          <li key={`${p.t}-${i}`}>
            <time className="num" dateTime={new Date(p.t).toISOString()} title={agoText(p.t, now)}>
              {formatClock(p.t)}
            </time>
            <span>{p.message}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
