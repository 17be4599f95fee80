// The backend's normal-behaviour model registry on a real temporary data folder, through the API handlers:
// the layout the command-line trainer shares (one card per version, active.json), validation on write and
// on read, and the operator role for writes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { roleRefusal } from '../../../core/api/roles';
import type { AssetDefinition } from '../../../core/asset/schema';
import { normalModelCard, trainNormalModel, type NormalModelCard } from '../../../core/ml/normal';
import type { BackendContext } from '../../../electron/services/backend-context';
import { createNormalModelsHandlers } from '../../../electron/services/handlers/normal-models';
import { frameOf, normalRows, syntheticTags } from '../../core/ml/normal/synthetic';

const tags = syntheticTags(3);
const asset = { id: 'test-rig', name: 'Test rig', tags, components: [] } as unknown as AssetDefinition;
const trained = trainNormalModel(frameOf(normalRows(400, 3, 7), tags), tags);
const cardAt = (createdAt: string, assetId = 'test-rig'): NormalModelCard =>
  normalModelCard(trained.model, trained.report, { asset: assetId, trainedOn: 'rows 1–400', createdAt });

let dataDir: string;
let handlers: ReturnType<typeof createNormalModelsHandlers>;
const folder = () => path.join(dataDir, 'models', 'test-rig', 'normal');

beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'twinscape-normal-registry-'));
  const context: BackendContext = {
    host: 'web',
    appRoot: process.cwd(),
    dataDir,
    emit: () => undefined,
    subscribe: () => () => undefined,
    asset: () => asset,
    live: () => null,
    onDispose: () => undefined,
  };
  handlers = createNormalModelsHandlers(context);
});

afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('normal-behaviour model registry (backend)', () => {
  it('starts empty, stores a card as a dated version and deploys it in active.json', async () => {
    expect(await handlers.listNormalModels({})).toEqual({
      assetId: 'test-rig',
      versions: [],
      activeId: null,
      problems: [],
    });
    const saved = await handlers.saveNormalModel({ card: cardAt('2026-03-09T11:54:36.500Z'), deploy: true });
    expect(saved.versions.map((v) => v.id)).toEqual(['normal-20260309-115436']);
    expect(saved.activeId).toBe('normal-20260309-115436');
    expect(JSON.parse(readFileSync(path.join(folder(), 'active.json'), 'utf8'))).toEqual({
      id: 'normal-20260309-115436',
    });
    expect(saved.versions[0]!.card.model.threshold).toBe(trained.model.threshold);
  });

  it('lists versions newest first, switches between them and undeploys', async () => {
    await handlers.saveNormalModel({ card: cardAt('2026-03-09T10:00:00Z'), deploy: true });
    await handlers.saveNormalModel({ card: cardAt('2026-03-10T10:00:00Z'), deploy: false });
    const listed = await handlers.listNormalModels({});
    expect(listed.versions.map((v) => v.id)).toEqual(['normal-20260310-100000', 'normal-20260309-100000']);
    expect(listed.activeId).toBe('normal-20260309-100000');
    expect((await handlers.deployNormalModel({ id: 'normal-20260310-100000' })).activeId).toBe(
      'normal-20260310-100000',
    );
    expect((await handlers.deployNormalModel({ id: null })).activeId).toBeNull();
  });

  it('refuses a card that is not a model card, naming the field, and stores nothing', async () => {
    const bad = { ...cardAt('2026-03-09T10:00:00Z'), model: { ...trained.model, threshold: -1 } };
    await expect(async () => handlers.saveNormalModel({ card: bad, deploy: true })).rejects.toThrow(
      /normal-behaviour model card: .*threshold/,
    );
    expect((await handlers.listNormalModels({})).versions).toEqual([]);
  });

  it('refuses a card trained for another asset, and a version id that is already taken', async () => {
    await expect(async () =>
      handlers.saveNormalModel({ card: cardAt('2026-03-09T10:00:00Z', 'pump-skid'), deploy: false }),
    ).rejects.toThrow(/for asset "pump-skid", but the shown asset is "test-rig"/);
    await handlers.saveNormalModel({ card: cardAt('2026-03-09T10:00:00Z'), deploy: false });
    await expect(async () =>
      handlers.saveNormalModel({ card: cardAt('2026-03-09T10:00:00Z'), deploy: false }),
    ).rejects.toThrow(/version normal-20260309-100000 already exists/);
  });

  it('refuses to deploy a version that is not stored', async () => {
    await expect(async () => handlers.deployNormalModel({ id: 'normal-20260101-000000' })).rejects.toThrow(
      /normal-20260101-000000\.json/,
    );
    expect((await handlers.listNormalModels({})).activeId).toBeNull();
  });

  it('reports a damaged card file and an active.json naming it, and serves the readable versions only', async () => {
    await handlers.saveNormalModel({ card: cardAt('2026-03-09T10:00:00Z'), deploy: false });
    mkdirSync(folder(), { recursive: true });
    writeFileSync(
      path.join(folder(), 'normal-20260310-100000.json'),
      '{"schemaVersion": 2, "kind": "nonsense"',
    );
    writeFileSync(path.join(folder(), 'active.json'), '{"id": "normal-20260310-100000"}');
    const listed = await handlers.listNormalModels({});
    expect(listed.versions.map((v) => v.id)).toEqual(['normal-20260309-100000']);
    expect(listed.activeId).toBeNull();
    expect(listed.problems).toHaveLength(2);
    expect(listed.problems[0]).toMatch(/normal-20260310-100000\.json: not JSON/);
    expect(listed.problems[1]).toMatch(
      /active\.json: deployed version "normal-20260310-100000" is not a readable version/,
    );
  });

  it('lets a viewer list the versions but only an operator store or deploy one', () => {
    const viewer = { role: 'viewer' as const, client: 'web 127.0.0.1' };
    expect(roleRefusal('listNormalModels', viewer)).toBeNull();
    expect(roleRefusal('saveNormalModel', viewer)).toMatch(/needs the operator role/);
    expect(roleRefusal('deployNormalModel', viewer)).toMatch(/needs the operator role/);
  });
});
