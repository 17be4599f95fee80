import type { TagDefinition } from '../../asset/schema';
import type { SampleFrame } from '../../data/frame';
import { isGood } from '../../data/quality';
import { describeRows, rowSpan, runsWhere, type NormalPreflightIssue } from './preflight-issue';

/** Samples beyond a limit in a row before the alarm engine raises it (its default on-delay). */
const ALARM_ON_DELAY = 2;

export interface TagFindings {
  warnings: NormalPreflightIssue[];
  refusals: NormalPreflightIssue[];
  /** Whether the tag has a spread to learn (at least two different usable values). */
  learnable: boolean;
}

const usable = (tag: TagDefinition, value: number, quality: number) =>
  Number.isFinite(value) && isGood(quality) && value >= tag.range[0] && value <= tag.range[1];

const share = (part: number, whole: number) => `${Number(((100 * part) / whole).toPrecision(2))} %`;

/**
 * One tag's column: missing, NaN and out-of-range values (how many, the longest run and where), a tag that
 * never changes or has no usable value (left out of the score), and rows beyond its alarm or trip limits
 * (refused: such a period is not normal running). Limits are read on the rows themselves, the way the
 * alarm engine would have raised them, so no alarm log is needed.
 */
export function checkTag(
  frame: SampleFrame,
  column: number,
  tag: TagDefinition,
  rowMissingEverywhere: readonly boolean[] = [],
): TagFindings {
  const values = frame.values[column]!;
  const quality = frame.quality[column]!;
  const n = values.length;
  const name = `tag "${tag.id}" (${tag.name})`;
  const found: TagFindings = { warnings: [], refusals: [], learnable: false };
  const unusable = runsWhere(n, (r) => !usable(tag, values[r]!, quality[r]!));
  const unusableRows = unusable.reduce((sum, [a, b]) => sum + b - a + 1, 0);
  if (unusableRows === n) {
    found.warnings.push({
      code: 'no-data-tag',
      message: `${name} has no usable value in ${describeRows(frame, 0, n - 1)}: it is left out of the score`,
      tagId: tag.id,
      ...rowSpan(frame, 0, n - 1),
    });
    return found;
  }
  // Rows no tag has a value in are reported once for the whole period, not once per tag.
  const bad = runsWhere(n, (r) => !rowMissingEverywhere[r] && !usable(tag, values[r]!, quality[r]!));
  const badRows = bad.reduce((sum, [a, b]) => sum + b - a + 1, 0);
  if (badRows > 0) {
    const [a, b] = bad.reduce((x, y) => (y[1] - y[0] > x[1] - x[0] ? y : x));
    found.warnings.push({
      code: 'missing-values',
      message:
        `${name}: ${badRows} of ${n} values (${share(badRows, n)}) are missing, NaN, of bad quality or ` +
        `outside the sensor range ${tag.range[0]}–${tag.range[1]} ${tag.unit}, in ${bad.length} run(s); ` +
        `the longest, ${b - a + 1} row(s), is ${describeRows(frame, a, b)}`,
      tagId: tag.id,
      ...rowSpan(frame, a, b),
    });
  }

  let first = Number.NaN;
  for (let r = 0; r < n && !found.learnable; r++)
    if (usable(tag, values[r]!, quality[r]!)) {
      if (Number.isNaN(first)) first = values[r]!;
      else if (values[r] !== first) found.learnable = true;
    }
  if (!found.learnable)
    found.warnings.push({
      code: 'constant-tag',
      message:
        `${name} never changes in ${describeRows(frame, 0, n - 1)} (always ${first} ${tag.unit}): with no ` +
        `spread to learn it is left out of the score`,
      tagId: tag.id,
      ...rowSpan(frame, 0, n - 1),
    });

  const limits: { label: string; limit: number | undefined; over: (v: number, l: number) => boolean }[] = [
    { label: 'trip high', limit: tag.trip?.high, over: (v, l) => v > l },
    { label: 'alarm high', limit: tag.alarm?.high, over: (v, l) => v > l },
    { label: 'alarm low', limit: tag.alarm?.low, over: (v, l) => v < l },
    { label: 'trip low', limit: tag.trip?.low, over: (v, l) => v < l },
  ];
  for (const { label, limit, over } of limits) {
    if (limit === undefined) continue;
    const runs = runsWhere(
      n,
      (r) => Number.isFinite(values[r]!) && isGood(quality[r]!) && over(values[r]!, limit),
    ).filter(([a, b]) => b - a + 1 >= ALARM_ON_DELAY);
    if (runs.length === 0) continue;
    const rows = runs.reduce((sum, [a, b]) => sum + b - a + 1, 0);
    const [a, b] = runs[0]!;
    found.refusals.push({
      code: 'limit-alarm',
      message:
        `${name} is beyond its ${label} limit (${limit} ${tag.unit}) in ${rows} row(s), ${runs.length} ` +
        `alarm(s), the first ${describeRows(frame, a, b)}: a period with limit alarms is not normal ` +
        `running; choose a period without them`,
      tagId: tag.id,
      ...rowSpan(frame, a, b),
    });
    break;
  }
  return found;
}
