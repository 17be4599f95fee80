/**
 * When a retrained health model replaces the running one. Both are scored on the same held-out recent
 * windows; the new one is deployed only if it is no worse on any figure and better on at least one:
 *   macro-F1 not lower, ROC-AUC not lower by more than AUC_TOLERANCE, false alarms per 24 h not higher,
 *   and (macro-F1 higher, or ROC-AUC higher, or fewer false alarms).
 * Otherwise it is kept in the registry, not deployed, with the reasons; the user may still deploy it.
 */
import { said, type Said } from '../../text/phrase';
import type { HeldOutMetrics } from './held-out-metrics';

/** ROC-AUC may drop this much (sampling noise on a few hundred windows) without counting as worse. */
export const AUC_TOLERANCE = 0.005;
const EPS = 1e-9;

export interface DeployDecision {
  deploy: boolean;
  /** Plant-language reasons, one per figure that decided it, with their phrases for the renderer. */
  reasons: Said[];
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

type Figure = 'macroF1' | 'rocAuc' | 'falseAlarms';
const FIGURE_NAMES: Record<Figure, string> = {
  macroF1: 'macro-F1',
  rocAuc: 'ROC-AUC',
  falseAlarms: 'false alarms/24 h',
};

/** "macro-F1 rose from 0.812 to 0.845", and its phrase. */
function scoreMoved(figure: Figure, from: number, to: number): Said {
  const values = { figure, from: f3(from), to: f3(to) };
  const moved = to > from ? 'rose' : 'fell';
  return said(
    to > from ? 'scoreRose' : 'scoreFell',
    values,
    `${FIGURE_NAMES[figure]} ${moved} from ${values.from} to ${values.to}`,
  );
}

function falseAlarmsMoved(from: number, to: number): Said {
  const values = { from: f1(from), to: f1(to) };
  const moved = to > from ? 'rose' : 'fell';
  return said(
    to > from ? 'falseAlarmsRose' : 'falseAlarmsFell',
    values,
    `false alarms ${moved} from ${values.from} to ${values.to} per 24 h`,
  );
}

export function deployDecision(current: HeldOutMetrics, candidate: HeldOutMetrics): DeployDecision {
  const worse: Said[] = [];
  const better: Said[] = [];
  const figures: [Figure, number][] = [
    ['macroF1', candidate.macroF1],
    ['rocAuc', candidate.rocAuc],
    ['falseAlarms', candidate.falseAlarmsPer24h],
  ];
  for (const [figure, cand] of figures)
    if (!Number.isFinite(cand))
      worse.push(
        said(
          'figureNotComputed',
          { figure },
          `${FIGURE_NAMES[figure]} could not be computed for the new version`,
        ),
      );
  if (worse.length === 0) {
    if (candidate.macroF1 < current.macroF1 - EPS)
      worse.push(scoreMoved('macroF1', current.macroF1, candidate.macroF1));
    else if (candidate.macroF1 > current.macroF1 + EPS)
      better.push(scoreMoved('macroF1', current.macroF1, candidate.macroF1));
    if (candidate.rocAuc < current.rocAuc - AUC_TOLERANCE) {
      const values = { from: f3(current.rocAuc), to: f3(candidate.rocAuc), tolerance: AUC_TOLERANCE };
      worse.push(
        said(
          'aucFellBeyondTolerance',
          values,
          `ROC-AUC fell from ${values.from} to ${values.to} (more than ${AUC_TOLERANCE})`,
        ),
      );
    } else if (candidate.rocAuc > current.rocAuc + EPS)
      better.push(scoreMoved('rocAuc', current.rocAuc, candidate.rocAuc));
    if (candidate.falseAlarmsPer24h > current.falseAlarmsPer24h + EPS)
      worse.push(falseAlarmsMoved(current.falseAlarmsPer24h, candidate.falseAlarmsPer24h));
    else if (candidate.falseAlarmsPer24h < current.falseAlarmsPer24h - EPS)
      better.push(falseAlarmsMoved(current.falseAlarmsPer24h, candidate.falseAlarmsPer24h));
  }
  if (worse.length > 0) return { deploy: false, reasons: worse };
  if (better.length === 0)
    return {
      deploy: false,
      reasons: [
        said(
          'noFigureImproved',
          {},
          'no figure improved on the held-out data (all equal or within tolerance)',
        ),
      ],
    };
  return { deploy: true, reasons: better };
}
