/**
 * `npm run eval`, normal-behaviour part: for each model version in the data folder's registry (or the cards
 * given with --normal-card), the held-out false-alarm figures of its card beside the same figures
 * recomputed by training again on the recorded span with the card's choices; for SKAB-testbed models
 * trained on the first rows of a SKAB experiment, F1 / FAR / MAR on the rest of that file.
 *
 *   npm run eval [-- --data-dir <dir>] [--normal-card a.json,b.json]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  normalCardMismatch,
  normalOptionsOfCard,
  parseNormalModelCard,
  trainNormalModel,
  type NormalModelCard,
} from '../core/ml/normal';
import { fixed } from './bench-skab';
import { isMainScript, parseArgs } from './lib/files';
import { loadAsset } from './normal/asset-file';
import { defaultDataDir, listNormalVersions, type StoredNormalVersion } from './normal/normal-registry';
import { historyRange, readNormalSource } from './normal/normal-source';
import { checkSkabCard } from './normal/skab-card-check';

const row = (name: string, now: string, card: string) =>
  `  ${name.padEnd(44)} ${now.padStart(12)} ${card.padStart(12)}${now === card ? '' : '   (differs)'}`;

async function givenCards(files: string): Promise<StoredNormalVersion[]> {
  return Promise.all(
    files.split(',').map(async (f) => {
      const file = path.resolve(f.trim());
      const card = parseNormalModelCard(JSON.parse(await readFile(file, 'utf8')), file);
      return { assetId: card.asset, id: path.basename(file, '.json'), file, active: false, card };
    }),
  );
}

/** The held-out figures of training again on the card's span with the card's choices. */
async function retrain(card: NormalModelCard, dataDir: string) {
  const data = card.training.data;
  if (!data) throw new Error('the card does not record its training span (written before it was recorded)');
  if (!historyRange(data.source) && !existsSync(data.source))
    throw new Error(`its training data ${data.source} is not here`);
  const asset = await loadAsset(card.asset);
  const mismatch = normalCardMismatch(card, asset.tags);
  if (mismatch) throw new Error(`it does not fit asset ${asset.id} any more: ${mismatch}`);
  const { frame } = await readNormalSource(asset, data.source, {
    dataDir,
    within: { from: data.fromMs, to: data.toMs },
    log: () => {},
  });
  return trainNormalModel(frame, asset.tags, normalOptionsOfCard(card)).report;
}

/** Prints the figures of every normal-behaviour model version; `print` receives each line. */
export async function evaluateNormal(
  argv: readonly string[],
  print: (line: string) => void = console.log,
): Promise<void> {
  const args = parseArgs(argv);
  const dataDir = path.resolve(args.get('data-dir') ?? defaultDataDir());
  const cards = args.get('normal-card');
  const versions = cards ? await givenCards(cards) : await listNormalVersions(dataDir);
  print(
    `\nnormal-behaviour models (${cards ? 'given with --normal-card' : `registry in ${dataDir}`}): ${versions.length}`,
  );
  for (const v of versions) {
    print(`\n${v.assetId} ${v.id}${v.active ? ' (deployed)' : ''}  ${v.file}`);
    if ('error' in v.card) {
      print(`  cannot be read: ${v.card.error}`);
      continue;
    }
    const card = v.card;
    const t = card.training;
    print(`  trained on ${card.trainedOn}; ${t.fitRows} rows fitted, ${t.heldOutRows} held out`);
    let now: Awaited<ReturnType<typeof retrain>> | null = null;
    try {
      now = await retrain(card, dataDir);
    } catch (e) {
      print(`  not recomputed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const held = t.heldOutAlarms;
    print(`  ${''.padEnd(44)} ${'recomputed'.padStart(12)} ${'card'.padStart(12)}`);
    print(row('threshold', fixed(now?.threshold ?? Number.NaN, 3), fixed(card.model.threshold, 3)));
    print(
      row('held-out inflation', fixed(now?.heldOutInflation ?? Number.NaN, 3), fixed(t.heldOutInflation, 3)),
    );
    const figure = (pick: (h: NonNullable<typeof held>) => number, d: number) =>
      [now ? fixed(pick(now.heldOutAlarms), d) : '—', held ? fixed(pick(held), d) : '—'] as const;
    print(row('held-out false alarms', ...figure((h) => h.alarms, 0)));
    print(row('held-out rows marked', ...figure((h) => h.alarmRows, 0)));
    print(row(`false alarms / 24 h (budget ${t.falseAlarmsPerDay})`, ...figure((h) => h.alarmsPerDay, 1)));
    const source = t.data?.source;
    if (card.asset === 'skab-testbed' && source && !historyRange(source) && existsSync(source)) {
      try {
        const s = checkSkabCard(card, source);
        print(
          `  SKAB, the ${s.testRows} rows of ${path.basename(source)} after the training rows: F1 ${fixed(s.f1, 3)}  ` +
            `FAR ${fixed(s.farPercent, 2)} %  MAR ${fixed(s.marPercent, 2)} %  first true alarm ` +
            `${s.delay === null ? 'never' : `${s.delay} s after onset`}`,
        );
      } catch (e) {
        print(`  SKAB figures: not computed (${e instanceof Error ? e.message : String(e)})`);
      }
    }
  }
}

if (isMainScript('eval-normal.ts')) {
  evaluateNormal(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
