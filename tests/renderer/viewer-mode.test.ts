import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../core/api/domains/audit';
import type { Role } from '../../core/api/roles';
import { forgetAddressToken } from '../../renderer/src/api/address-token';
import { auditToCsv } from '../../renderer/src/features/history/dialog/audit-csv';
import { sessionStore } from '../../renderer/src/state/session-store';
import { viewerOnlyReason } from '../../renderer/src/state/session-role';
import { runningSim, webSessionAs } from './session-fixture';

const sim = runningSim;
const sessionAs = (role: Role) => webSessionAs(role, sim);
const escapedReason = viewerOnlyReason().replace(/'/g, '&#x27;');

/** Server-renders the simulation panel, toolbar and status bar as a session with this role sees them. */
async function renderAs(role: Role) {
  Object.assign(sessionStore.getInitialState(), { connection: 'open', session: sessionAs(role), sim });
  const { SimulationPanel } = await import('../../renderer/src/features/live/simulation/SimulationPanel');
  const { Toolbar } = await import('../../renderer/src/shell/Toolbar');
  const { StatusBar } = await import('../../renderer/src/shell/StatusBar');
  return {
    panel: renderToString(h(SimulationPanel)),
    toolbar: renderToString(h(Toolbar, { onOpenAsset: () => {}, helpOpen: false, onToggleHelp: () => {} })),
    status: renderToString(h(StatusBar)),
  };
}

describe('viewer mode in the UI', () => {
  it('disables the plant-changing controls for a viewer, with a tooltip saying why', async () => {
    const { panel, toolbar, status } = await renderAs('viewer');
    expect(panel).toMatch(/<fieldset[^>]*disabled=""[^>]*data-testid="simulation-panel"/);
    expect(panel).toContain(`title="${escapedReason}"`);
    expect(panel).toContain('data-testid="viewer-note"');
    expect(toolbar).toMatch(/data-testid="btn-open-asset" disabled=""/);
    expect(status).toContain('Viewer (read-only)');
  });

  it('leaves them enabled for an operator', async () => {
    const { panel, toolbar, status } = await renderAs('operator');
    expect(panel).toMatch(
      /^<fieldset class="simulation-panel plain-fieldset" data-testid="simulation-panel">/,
    );
    expect(panel).not.toContain('data-testid="viewer-note"');
    expect(toolbar).not.toMatch(/data-testid="btn-open-asset" disabled/);
    expect(status).not.toContain('Viewer (read-only)');
  });
});

describe('the access token in the address bar', () => {
  it('is removed, keeping the other parameters and the fragment', () => {
    const replaced: string[] = [];
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void replaced.push(String(url)),
    };
    forgetAddressToken({ href: 'http://127.0.0.1:5190/?token=s3cret&backend=wasm#x' }, history);
    expect(replaced).toEqual(['/?backend=wasm#x']);
    forgetAddressToken({ href: 'http://127.0.0.1:5190/' }, history);
    expect(replaced).toHaveLength(1);
  });
});

describe('audit export', () => {
  it('writes one CSV row per entry, quoting commas and defusing spreadsheet formulas', () => {
    const entries: AuditEntry[] = [
      {
        t: Date.UTC(2025, 0, 1, 12),
        method: 'setControl',
        summary: '{"controlId":"speed","value":40}',
        role: 'operator',
        client: 'web 127.0.0.1',
        ok: true,
        error: null,
      },
      {
        t: Date.UTC(2025, 0, 1, 12, 1),
        method: 'injectFault',
        summary: '=cmd()',
        role: 'viewer',
        client: 'web 10.0.0.7',
        ok: false,
        error: 'injectFault needs the operator role; this session is a viewer',
      },
    ];
    expect(auditToCsv(entries).split('\r\n')).toEqual([
      'time_utc,method,role,client,result,error,request',
      '2025-01-01T12:00:00.000Z,setControl,operator,web 127.0.0.1,ok,,"{""controlId"":""speed"",""value"":40}"',
      "2025-01-01T12:01:00.000Z,injectFault,viewer,web 10.0.0.7,error,injectFault needs the operator role; this session is a viewer,'=cmd()",
      '',
    ]);
  });
});
