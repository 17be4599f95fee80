import type { TagDefinition } from '../../asset/schema';
import type { SampleFrame } from '../../data/frame';
import { minimumTrainingRows, resolveOptions, type NormalModelOptions } from './options';
import {
  describeDuration,
  describeRows,
  rowSpan,
  runsWhere,
  type NormalPreflightIssue,
} from './preflight-issue';
import type { KnownFaultInterval } from './known-fault';
import { checkTag } from './preflight-tags';
import { checkTimes } from './preflight-time';

export type { KnownFaultCause, KnownFaultInterval } from './known-fault';

export interface NormalPreflightInput {
  /** The candidate normal period: one column per tag, `t` in seconds (epoch seconds for wall time). */
  frame: SampleFrame;
  /** The asset's tag definitions (units, sensor ranges, alarm and trip limits). */
  tags: readonly TagDefinition[];
  /** The training options; `sampleRateHz` is the asset's sample rate. */
  options?: Partial<NormalModelOptions>;
  knownFaults?: readonly KnownFaultInterval[];
}

export interface NormalPreflightResult {
  /** Problems that stop training; empty when training may start. */
  refusals: NormalPreflightIssue[];
  /** Things training works around (or the user should know), each saying what it does about them. */
  warnings: NormalPreflightIssue[];
}

/** Shorter normal periods are accepted with a warning: they cannot show slow drift (see the docs). */
const RECOMMENDED_SECONDS = 3600;

/**
 * The checks to run on a candidate normal period before any training starts (the issue's "bad input"):
 * refusals for a period too short for the model, timestamps out of order, a rate other than the asset's,
 * limit alarms or a known fault inside the period, a column with no tag definition and nothing learnable;
 * warnings for gaps, missing and out-of-range values, tags that never change, a period under an hour and
 * an asset with one tag. Every message names the tag and the rows/time range.
 */
export function preflightNormalTraining(input: NormalPreflightInput): NormalPreflightResult {
  const { frame, tags } = input;
  const o = resolveOptions(input.options);
  const refusals: NormalPreflightIssue[] = [];
  const warnings: NormalPreflightIssue[] = [];
  const n = frame.t.length;
  const rate = `${Number(o.sampleRateHz.toPrecision(3))} Hz`;
  const minimum = minimumTrainingRows(o);
  if (n < minimum) {
    refusals.push({
      code: 'too-short',
      message:
        `the normal period has ${n} row(s)${n > 0 ? `, ${describeRows(frame, 0, n - 1)}` : ''}; the model ` +
        `needs at least ${minimum} rows (${describeDuration(minimum / o.sampleRateHz)} at ${rate}): ` +
        `${2 * o.windowRows} to fit its ${o.windowRows}-row window on and the rest held out to calibrate ` +
        `the threshold`,
      ...(n > 0 ? rowSpan(frame, 0, n - 1) : {}),
    });
    if (n < 2) return { refusals, warnings };
  } else if (n / o.sampleRateHz < RECOMMENDED_SECONDS) {
    warnings.push({
      code: 'short-period',
      message:
        `the normal period, ${describeRows(frame, 0, n - 1)}, covers ${describeDuration(n / o.sampleRateHz)}: ` +
        `training goes ahead, but drift slower than that cannot be learnt and may raise false alarms; ` +
        `an hour or more of normal running is better`,
      ...rowSpan(frame, 0, n - 1),
    });
  }

  for (const issue of checkTimes(frame, o.sampleRateHz))
    (issue.code === 'time-gap' ? warnings : refusals).push(issue);

  const rowMissingEverywhere = rowsWithoutAnyValue(frame);
  const emptyRuns = runsWhere(n, (r) => rowMissingEverywhere[r]!);
  if (emptyRuns.length > 0 && frame.tagIds.length > 1) {
    const emptyRows = emptyRuns.reduce((sum, [a, b]) => sum + b - a + 1, 0);
    const [a, b] = emptyRuns.reduce((x, y) => (y[1] - y[0] > x[1] - x[0] ? y : x));
    warnings.push({
      code: 'missing-rows',
      message:
        `${emptyRows} of ${n} rows have no value for any tag, in ${emptyRuns.length} run(s); the longest, ` +
        `${b - a + 1} row(s), is ${describeRows(frame, a, b)}: they are left out of training`,
      ...rowSpan(frame, a, b),
    });
  }

  const byId = new Map(tags.map((t) => [t.id, t]));
  let learnable = 0;
  frame.tagIds.forEach((id, column) => {
    const tag = byId.get(id);
    if (!tag) {
      refusals.push({
        code: 'unknown-tag',
        message: `column "${id}" of the data is not a tag of the asset (tags: ${tags.map((t) => t.id).join(', ')})`,
        tagId: id,
      });
      return;
    }
    const found = checkTag(frame, column, tag, frame.tagIds.length > 1 ? rowMissingEverywhere : []);
    refusals.push(...found.refusals);
    warnings.push(...found.warnings);
    if (found.learnable) learnable++;
  });
  const absent = tags.filter((t) => !frame.tagIds.includes(t.id)).map((t) => t.id);
  if (absent.length > 0)
    warnings.push({
      code: 'tag-not-in-data',
      message: `the data have no column for tag(s) ${absent.join(', ')}: the model will not watch them`,
    });
  if (learnable === 0 && frame.tagIds.length > 0)
    refusals.push({
      code: 'nothing-to-learn',
      message: `no tag changes in ${describeRows(frame, 0, n - 1)}: there is no normal behaviour to learn`,
      ...rowSpan(frame, 0, n - 1),
    });
  else if (frame.tagIds.length === 1)
    warnings.push({
      code: 'one-tag',
      message:
        `the model watches one tag ("${frame.tagIds[0]}"): it still alarms when that tag's level leaves ` +
        `normal, but with no other tag an alarm cannot point to a cause, and a fault that shows only in ` +
        `other quantities goes unseen`,
      tagId: frame.tagIds[0]!,
    });

  refusals.push(...checkKnownFaults(frame, input.knownFaults ?? []));
  return { refusals, warnings };
}

/** Rows in which every column is missing (NaN), e.g. seconds a recording skipped on a 1 s grid. */
function rowsWithoutAnyValue(frame: SampleFrame): boolean[] {
  return Array.from({ length: frame.t.length }, (_, r) =>
    frame.values.every((column) => !Number.isFinite(column[r]!)),
  );
}

function checkKnownFaults(frame: SampleFrame, faults: readonly KnownFaultInterval[]): NormalPreflightIssue[] {
  const n = frame.t.length;
  return faults.flatMap((fault) => {
    let first = -1;
    let last = -1;
    for (let r = 0; r < n; r++) {
      const ms = frame.t[r]! * 1000;
      if (ms >= fault.fromMs && ms <= fault.toMs) {
        if (first < 0) first = r;
        last = r;
      }
    }
    if (first < 0) return [];
    return [
      {
        code: 'known-fault',
        message:
          `the normal period overlaps the known fault "${fault.label}" in ${last - first + 1} row(s), ` +
          `${describeRows(frame, first, last)}: choose a period without it`,
        ...rowSpan(frame, first, last),
        ...(fault.tagId ? { tagId: fault.tagId } : {}),
        fault,
      },
    ];
  });
}
