import { AuditStore } from '../../electron/services/audit/audit-store';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { requestSchemas } from '../../core/api/schemas';
import type { TwinEvent } from '../../core/api/types';
import type { BackendContext } from '../../electron/services/backend-context';
import { createTwinHandlers } from '../../electron/services/handlers';
import { defaultConnectorFactories } from '../../electron/services/live/connector-factories';
import { environmentSecrets } from '../../electron/services/live/secrets';
import { RunningAsset } from '../../electron/services/running-asset';
import type { TwinHandlers } from '../../electron/services/twin-handlers';
import { pumpSkid, tempDir } from './history/helpers';

// Compile-time checks: `npx tsc -p tsconfig.json --noEmit` fails if any @ts-expect-error below stops erroring,
// i.e. if the handler map were loosened so that these mistakes went through.

export const requestTypeMustMatchSchema: Pick<TwinHandlers, 'clearFault'> = {
  // @ts-expect-error clearFault's schema lets through { instanceId: string }, not a number.
  clearFault: (req: { instanceId: number }) => {
    throw new Error(`not called: ${req.instanceId}`);
  },
};

export const answerMustMatchTwinApi: Pick<TwinHandlers, 'cancelImport'> = {
  // @ts-expect-error cancelImport answers { cancelled: boolean }, not a string.
  cancelImport: () => 'cancelled',
};

// @ts-expect-error a domain's handlers must cover every one of its methods.
export const noMethodLeftOut: Pick<TwinHandlers, 'clearFault' | 'cancelImport'> = {
  cancelImport: () => ({ cancelled: false }),
};

const disposers: (() => Promise<void> | void)[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const fn of disposers.splice(0).reverse()) await fn();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the composed TwinApi handlers', () => {
  it('have exactly one handler per request schema', async () => {
    const dataDir = tempDir('handlers');
    dirs.push(dataDir);
    const emit = (_event: TwinEvent) => undefined;
    const asset = pumpSkid();
    const running = new RunningAsset(
      {
        asset,
        model: null,
        source: 'built-in',
        assetDir: dataDir,
        host: 'web',
        versions: undefined,
        liveSources: { dataDir, secrets: environmentSecrets({}), factories: defaultConnectorFactories },
        emit,
      },
      1,
      1,
    );
    const context: BackendContext = {
      host: 'web',
      appRoot: process.cwd(),
      dataDir,
      emit,
      subscribe: () => () => undefined,
      asset: () => running.asset,
      live: () => running.live,
      onDispose: (fn) => disposers.push(fn),
    };
    const audit = await AuditStore.open(dataDir);
    disposers.push(() => audit.close());
    const handlers = createTwinHandlers(context, running, audit);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(requestSchemas).sort());
    for (const handler of Object.values(handlers)) expect(handler).toBeTypeOf('function');
  });
});
