/**
 * When a retrained health model replaces the running one. Both are scored on the same held-out recent
 * windows; the new one is deployed only if it is no worse on any figure and better on at least one:
 *   macro-F1 not lower, ROC-AUC not lower by more than AUC_TOLERANCE, false alarms per 24 h not higher,
 *   and (macro-F1 higher, or ROC-AUC higher, or fewer false alarms).
 * Otherwise it is kept in the registry, not deployed, with the reasons; the user may still deploy it.
 */
import type { HeldOutMetrics } from './held-out-metrics';

/** ROC-AUC may drop this much (sampling noise on a few hundred windows) without counting as worse. */
export const AUC_TOLERANCE = 0.005;
const EPS = 1e-9;

export interface DeployDecision {
  deploy: boolean;
  /** Plant-language reasons, one per figure that decided it. */
  reasons: string[];
}

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

export function deployDecision(current: HeldOutMetrics, candidate: HeldOutMetrics): DeployDecision {
  const worse: string[] = [];
  const better: string[] = [];
  const figures: [string, number, number][] = [
    ['macro-F1', current.macroF1, candidate.macroF1],
    ['ROC-AUC', current.rocAuc, candidate.rocAuc],
    ['false alarms/24 h', current.falseAlarmsPer24h, candidate.falseAlarmsPer24h],
  ];
  for (const [name, , cand] of figures)
    if (!Number.isFinite(cand)) worse.push(`${name} could not be computed for the new version`);
  if (worse.length === 0) {
    if (candidate.macroF1 < current.macroF1 - EPS)
      worse.push(`macro-F1 fell from ${f3(current.macroF1)} to ${f3(candidate.macroF1)}`);
    else if (candidate.macroF1 > current.macroF1 + EPS)
      better.push(`macro-F1 rose from ${f3(current.macroF1)} to ${f3(candidate.macroF1)}`);
    if (candidate.rocAuc < current.rocAuc - AUC_TOLERANCE)
      worse.push(
        `ROC-AUC fell from ${f3(current.rocAuc)} to ${f3(candidate.rocAuc)} (more than ${AUC_TOLERANCE})`,
      );
    else if (candidate.rocAuc > current.rocAuc + EPS)
      better.push(`ROC-AUC rose from ${f3(current.rocAuc)} to ${f3(candidate.rocAuc)}`);
    if (candidate.falseAlarmsPer24h > current.falseAlarmsPer24h + EPS)
      worse.push(
        `false alarms rose from ${f1(current.falseAlarmsPer24h)} to ${f1(candidate.falseAlarmsPer24h)} per 24 h`,
      );
    else if (candidate.falseAlarmsPer24h < current.falseAlarmsPer24h - EPS)
      better.push(
        `false alarms fell from ${f1(current.falseAlarmsPer24h)} to ${f1(candidate.falseAlarmsPer24h)} per 24 h`,
      );
  }
  if (worse.length > 0) return { deploy: false, reasons: worse };
  if (better.length === 0)
    return {
      deploy: false,
      reasons: ['no figure improved on the held-out data (all equal or within tolerance)'],
    };
  return { deploy: true, reasons: better };
}
