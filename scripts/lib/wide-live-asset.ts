/** A synthetic asset with `tags` tags, all bound to one MQTT JSON topic carrying {"ts": ms, "v": [values…]}. */
export function wideLiveAsset(tags: number, topic: string): Record<string, unknown> {
  const ids = Array.from({ length: tags }, (_, k) => `t${String(k).padStart(3, '0')}`);
  return {
    schemaVersion: 3,
    id: 'bench-wide',
    name: `Ingest bench (${tags} tags)`,
    model: 'procedural:pump-skid',
    components: [{ id: 'block', name: 'Block', kind: 'other', nodes: ['motor-body'], tags: ids }],
    tags: ids.map((id, k) => ({
      id,
      instrument: `X${k}`,
      name: `Signal ${k}`,
      unit: '1',
      range: [-1e6, 1e6],
      normal: [-1e6, 1e6],
    })),
    sources: {
      connections: [{ id: 'bench', kind: 'mqtt', url: 'mqtt://127.0.0.1:1883' }],
      bindings: ids.map((tag, k) => ({
        tag,
        connection: 'bench',
        topic,
        value: `/v/${k}`,
        timestamp: '/ts',
        staleAfterS: 30,
      })),
    },
  };
}
