/**
 * Model training dispatcher.
 *
 *   npm run train -- --asset pump-skid [options of scripts/train-pump.ts]
 *   npm run train -- --asset turbofan --subset FD001 [options of scripts/train-turbofan.ts]
 *   npm run train -- --asset <any asset> --normal <csv|parquet|history:FROM..TO> [options of scripts/train-normal.ts]
 */
import { isMainScript, parseArgs } from './lib/files';
import { trainNormal } from './train-normal';
import { trainPump } from './train-pump';
import { trainTurbofan } from './train-turbofan';

export async function train(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  const asset = args.get('asset');
  if (args.has('normal')) process.exitCode = await trainNormal(argv);
  else if (asset === 'pump-skid') await trainPump(argv);
  else if (asset === 'turbofan') await trainTurbofan(argv);
  else
    throw new Error(
      `--asset must be pump-skid or turbofan, or any asset with --normal <data> (got ${asset ?? 'nothing'})`,
    );
}

if (isMainScript('train.ts')) {
  train(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
