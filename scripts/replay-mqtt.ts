// Replays a SKAB recording to an MQTT broker as live data: `npm run replay:mqtt -- --help`.
import { readSkabCsv, SKAB_EDGE_NODE, SKAB_GROUP, SKAB_JSON_TOPIC } from './lib/skab-replay';
import { SkabPublisher, type SkabPublisherOptions } from './lib/skab-publisher';
import fs from 'node:fs';
import path from 'node:path';

const USAGE = `Replays a SKAB recording (CSV, one row per second) to an MQTT broker as live messages.

  npm run replay:mqtt -- --broker mqtt://127.0.0.1:1883 --file ../shared/data/skab/valve1/3.csv
                         [--speed 10] [--sparkplug] [--loop]
                         [--username NAME --password-env VAR] [--ca ca.pem]

  --broker URL        mqtt:// or mqtts:// address (default mqtt://127.0.0.1:1883)
  --file CSV          the recording (";"-separated, header datetime;Accelerometer1RMS;…;changepoint)
  --speed N           rows per second of wall time (default 1 = as recorded)
  --sparkplug         Sparkplug B: group "${SKAB_GROUP}", edge node "${SKAB_EDGE_NODE}", node metrics named as the
                      columns (Double, aliases 1..8); NBIRTH, NDATA, NDEATH as will; answers rebirth requests
                      (default: JSON with QoS 1 on ${SKAB_JSON_TOPIC}, keys = column names + "timestamp")
  --loop              start over after the last row
  --username NAME     broker user; --password-env names the environment variable holding the password
  --ca FILE           CA certificate (PEM) that signs the broker's certificate

Timestamps: row i is published at start + i × 1000 / speed ms of wall time and stamped with that same time,
so the twin shows the recording at the pace it arrives (at --speed 10, ten recorded seconds per second).
The anomaly and changepoint label columns are not published. Ctrl+C stops (Sparkplug: NDEATH first).`;

interface ReplayArgs {
  broker: string;
  file: string;
  speed: number;
  sparkplug: boolean;
  loop: boolean;
  username?: string;
  passwordEnv?: string;
  ca?: string;
}

const FLAGS = new Set(['sparkplug', 'loop', 'help']);
const VALUES = new Set(['broker', 'file', 'speed', 'username', 'password-env', 'ca']);

function parseReplayArgs(argv: readonly string[]): ReplayArgs | 'help' {
  const given = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    const name = arg.replace(/^--/, '');
    if (arg === '-h' || FLAGS.has(name)) given.set(arg === '-h' ? 'help' : name, 'true');
    else if (VALUES.has(name) && argv[i + 1] !== undefined) given.set(name, argv[(i += 1)] as string);
    else throw new Error(`unknown or incomplete argument "${arg}" (see --help)`);
  }
  if (given.has('help')) return 'help';
  const file = given.get('file');
  if (!file) throw new Error('--file is needed: the SKAB CSV recording to replay (see --help)');
  const speed = Number(given.get('speed') ?? '1');
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new Error(`--speed must be a positive number, got ${given.get('speed')}`);
  const args: ReplayArgs = {
    broker: given.get('broker') ?? 'mqtt://127.0.0.1:1883',
    file: path.resolve(file),
    speed,
    sparkplug: given.has('sparkplug'),
    loop: given.has('loop'),
  };
  const username = given.get('username');
  const passwordEnv = given.get('password-env');
  const ca = given.get('ca');
  if (username) args.username = username;
  if (passwordEnv) args.passwordEnv = passwordEnv;
  if (ca) args.ca = path.resolve(ca);
  return args;
}

function clientOptions(args: ReplayArgs): NonNullable<SkabPublisherOptions['client']> {
  const options: NonNullable<SkabPublisherOptions['client']> = {};
  if (args.username) options.username = args.username;
  if (args.passwordEnv) {
    const password = process.env[args.passwordEnv];
    if (password === undefined)
      throw new Error(`environment variable ${args.passwordEnv} (--password-env) is not set`);
    options.password = password;
  }
  if (args.ca) options.ca = fs.readFileSync(args.ca);
  return options;
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseReplayArgs(argv);
  if (args === 'help') return console.log(USAGE);
  const recording = readSkabCsv(args.file);
  for (const line of recording.skipped.slice(0, 20)) process.stderr.write(`skipped ${line}\n`);
  if (recording.skipped.length > 20)
    process.stderr.write(`… and ${recording.skipped.length - 20} more lines skipped\n`);
  const publisher = new SkabPublisher(recording.rows, {
    broker: args.broker,
    mode: args.sparkplug ? 'sparkplug' : 'json',
    speed: args.speed,
    loop: args.loop,
    client: clientOptions(args),
    onProblem: (problem) => process.stderr.write(`${problem}\n`),
  });
  const where = args.sparkplug
    ? `Sparkplug B group ${SKAB_GROUP}, edge node ${SKAB_EDGE_NODE}`
    : `JSON on ${SKAB_JSON_TOPIC}`;
  console.log(
    `replaying ${args.file} (${recording.rows.length} rows, ${recording.skipped.length} skipped) to ${args.broker} ` +
      `as ${where} at ${args.speed}× ${args.loop ? '(looping)' : ''}`,
  );
  await publisher.connect();
  const stop = () => void publisher.stop();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = Date.now();
  const progress = setInterval(
    () =>
      console.log(`${publisher.published} rows published in ${Math.round((Date.now() - started) / 1000)} s`),
    10_000,
  );
  try {
    const { published, seconds } = await publisher.run();
    console.log(`done: ${published} rows published in ${seconds.toFixed(1)} s`);
  } finally {
    clearInterval(progress);
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await publisher.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`replay:mqtt: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
