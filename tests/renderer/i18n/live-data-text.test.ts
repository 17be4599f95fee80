// A live source's data problems (payloads, unbound topics and metrics, Sparkplug births and deaths, OPC UA
// node statuses, per-tag values, the clock skew) reach the Connections panel in the active language; in
// English they are the backend's own words.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAsset } from '../../../core/asset/parse';
import type { Connector, ConnectorContext } from '../../../electron/services/live/connector';
import { LiveSources, type LiveAsset } from '../../../electron/services/live/live-sources';
import { JsonTopics } from '../../../electron/services/live/mqtt/json-topics';
import { encodeSparkplug } from '../../../electron/services/live/mqtt/sparkplug-codec';
import { SparkplugTopics } from '../../../electron/services/live/mqtt/sparkplug-topics';
import { environmentSecrets } from '../../../electron/services/live/secrets';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { phraseText } from '../../../renderer/src/i18n/phrase-text';
import { mqttTestContext } from '../../support/mqtt-context';
import type { RecordingSink } from '../../support/recording-sink';

/** Every problem the sink recorded, as the Connections panel shows it in the active language. */
const shown = (sink: RecordingSink): string[] => sink.said.map((s) => phraseText(s.phrase, s.message));

function jsonProblems(): RecordingSink {
  const context = mqttTestContext({
    connection: { url: 'mqtt://10.0.0.7:1883' },
    bindings: [{ topic: 'line/pump', value: '/v', timestamp: '/ts' }],
  });
  const topics = new JsonTopics(context.bindings, context.sink);
  topics.handle('line/other', Buffer.from('{}'));
  topics.handle('line/pump', Buffer.from('{"v": 1, "ts": true}'));
  return context.sink;
}

function sparkplugProblems(): RecordingSink {
  const context = mqttTestContext({
    connection: { url: 'mqtt://10.0.0.7:1883', payload: 'sparkplug', sparkplugGroup: 'plant' },
    bindings: [{ edgeNode: 'n1', metric: 'Pressure' }],
  });
  const topics = new SparkplugTopics({
    group: 'plant',
    bindings: context.bindings,
    sink: context.sink,
    askRebirth: () => Promise.resolve(),
  });
  const payload = Buffer.from(encodeSparkplug({ timestamp: 1, seq: 0, metrics: [] }));
  topics.handle('spBv1.0/plant/NDATA/n1', payload);
  topics.handle('spBv1.0/plant/NDATA/stranger', payload);
  return context.sink;
}

/** The pump skid on one OPC UA connection, its connector driven by the test. */
function liveSkid() {
  const raw = JSON.parse(readFileSync('assets/pump-skid/asset.json', 'utf8')) as Record<string, unknown>;
  const parsed = parseAsset({
    ...raw,
    sources: {
      connections: [{ id: 'plc', kind: 'opcua', url: 'opc.tcp://127.0.0.1:4840' }],
      bindings: [
        { tag: 'discharge_pressure', connection: 'plc', nodeId: 'ns=1;s=PT102' },
        { tag: 'motor_speed', connection: 'plc', nodeId: 'ns=1;s=SE101' },
      ],
      reorderWindowMs: 0,
    },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  let context: ConnectorContext | null = null;
  const connector: Connector = {
    start: () => context?.sink.state('connected'),
    stop: async () => undefined,
    write: async () => undefined,
    trust: async () => undefined,
  };
  const now = 1_000_000_000;
  const sources = new LiveSources({
    asset: parsed.asset as LiveAsset,
    assetDir: '.',
    dataDir: '.',
    secrets: environmentSecrets({}),
    factories: {
      opcua: (c) => ((context = c), connector),
      mqtt: () => {
        throw new Error('no MQTT here');
      },
    },
    onTelemetry: () => undefined,
    onAlarms: () => undefined,
    now: () => now,
  });
  sources.startAll();
  const sink = () => {
    if (!context) throw new Error('not started');
    return context.sink;
  };
  sink().value(0, '4.5', null, 'good');
  sink().value(1, 99_999, now - 3_600_000, 'good');
  sources.tick();
  return sources.snapshot('live');
}

describe('live data problems in the active language', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('say in English what the backend wrote', () => {
    for (const sink of [jsonProblems(), sparkplugProblems()]) {
      expect(sink.said.length).toBeGreaterThan(1);
      expect(shown(sink)).toEqual(sink.said.map((s) => s.message));
    }
    const snapshot = liveSkid();
    const [valueProblem, rangeProblem] = snapshot.tags;
    expect(phraseText(valueProblem?.problemPhrase, valueProblem?.problem ?? '')).toBe(
      'tag PT102: value at OPC UA ns=1;s=PT102 is a string ("4.5"), not a number',
    );
    expect(phraseText(rangeProblem?.problemPhrase, rangeProblem?.problem ?? '')).toBe(rangeProblem?.problem);
    expect(phraseText(snapshot.clockSkewPhrase, snapshot.clockSkewWarning ?? '')).toBe(
      "source clocks are 60 min behind this computer's; check NTP on the source or gateway",
    );
  });

  it('say JSON topic problems in Chinese, with topics and pointers as sent', async () => {
    const sink = jsonProblems();
    await i18n.changeLanguage('zh-CN');
    expect(shown(sink)).toEqual([
      '主题 line/other 未绑定到任何标签',
      'line/pump 的报文：时间戳 /ts 为 true，既不是自纪元起的毫秒数，也不是带时区的 ISO-8601 时间（"2024-05-01T12:00:00Z"）；已改用到达时间',
    ]);
  });

  it('say Sparkplug problems in Chinese, naming edge nodes as sent', async () => {
    const sink = sparkplugProblems();
    await i18n.changeLanguage('zh-CN');
    expect(shown(sink)).toEqual([
      '边缘节点 n1 在其 NBIRTH 之前发送了 NDATA；已请求重新上线（rebirth）',
      '边缘节点 stranger 未绑定到任何标签',
    ]);
  });

  it('say a tag’s bad value, its out-of-range value and the clock skew in Chinese', async () => {
    const snapshot = liveSkid();
    await i18n.changeLanguage('zh-CN');
    const [valueProblem, rangeProblem] = snapshot.tags;
    expect(phraseText(valueProblem?.problemPhrase, valueProblem?.problem ?? '')).toBe(
      '标签 PT102：OPC UA ns=1;s=PT102 处的值是字符串（"4.5"），不是数字',
    );
    expect(phraseText(rangeProblem?.problemPhrase, rangeProblem?.problem ?? '')).toBe(
      '标签 SI101：99999 rpm 超出其量程 0…1800',
    );
    expect(phraseText(snapshot.clockSkewPhrase, snapshot.clockSkewWarning ?? '')).toBe(
      '数据源时钟比本机慢 60 min；请检查数据源或网关的 NTP',
    );
    expect(phraseText(snapshot.connections[0]?.recentProblems[0]?.phrase, 'English words')).toBe(
      '标签 PT102：OPC UA ns=1;s=PT102 处的值是字符串（"4.5"），不是数字',
    );
  });
});
