import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/api/domains/audit';
import { createTwinBackend } from '../../electron/services/twin-backend';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-audit-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('audit trail', () => {
  it('keeps desktop actions, with long texts shortened, across a restart; reads are not recorded', async () => {
    const first = await createTwinBackend({ host: 'electron', appRoot: process.cwd(), dataDir, seed: 1 });
    await first.invoke('setControl', { controlId: 'valve_setpoint', value: 60 });
    await first.invoke('loadAsset', { fileName: 'bad.json', text: 'x'.repeat(500) });
    await first.invoke('historyInfo', {});
    await first.dispose();

    const second = await createTwinBackend({ host: 'electron', appRoot: process.cwd(), dataDir, seed: 1 });
    try {
      const listed = await second.invoke('listAudit', { limit: 10 });
      if (!listed.ok) throw new Error(listed.error);
      const entries = listed.value as AuditEntry[];
      expect(entries.map((e) => e.method)).toEqual(['loadAsset', 'setControl']);
      expect(entries[0]).toMatchObject({ role: 'operator', client: 'desktop' });
      expect(entries[0]?.summary).toBe('{"fileName":"bad.json","text":"<500 chars>"}');
      expect(entries[1]).toMatchObject({ summary: '{"controlId":"valve_setpoint","value":60}', ok: true });
    } finally {
      await second.dispose();
    }
  });
});
