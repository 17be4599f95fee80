// Sentences the backend composes reach the user in the active language, from their code and values; words
// without a known code (a library's, an older backend's or an old recording's) still show, behind a lead.
import { afterEach, describe, expect, it } from 'vitest';
import type { MqttFailure } from '../../../electron/services/live/mqtt/mqtt-errors';
import { describeMqttError } from '../../../electron/services/live/mqtt/mqtt-errors';
import { deployDecision } from '../../../core/ml/retrain/deploy-rule';
import type { HeldOutMetrics } from '../../../core/ml/retrain/held-out-metrics';
import { classifyOpenError } from '../../../electron/services/history/store/integrity';
import { i18n } from '../../../renderer/src/i18n/i18n';
import { phrasesSentence, phrasesText, phraseText } from '../../../renderer/src/i18n/phrase-text';

const url = 'mqtt://10.0.0.7:1883';
const errno = (code: string, message = `connect ${code} 10.0.0.7:1883`) =>
  Object.assign(new Error(message), { code });
const say = ({ phrase, message }: MqttFailure) => phraseText(phrase, message);

describe('backend sentences in the active language', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('say in English what the backend wrote in English', () => {
    for (const error of [
      errno('ECONNREFUSED'),
      Object.assign(new Error('Connection refused: Not authorized'), { code: 5 }),
      errno('CERT_HAS_EXPIRED', 'certificate has expired'),
    ]) {
      const failure = describeMqttError(error, { url });
      expect(say(failure)).toBe(failure.message);
    }
  });

  it('say a refused connection in Chinese with its address', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(say(describeMqttError(errno('ECONNREFUSED'), { url }))).toBe(
      `${url} 上没有服务在监听（连接被拒绝）`,
    );
  });

  it('say an MQTT reason code in Chinese, and an unknown one by its number', async () => {
    await i18n.changeLanguage('zh-CN');
    const refusal = (code: number) =>
      say(describeMqttError(Object.assign(new Error('Connection refused: x'), { code }), { url }));
    expect(refusal(134)).toBe(`代理服务器 ${url} 拒绝了连接：用户名或密码错误`);
    expect(refusal(250)).toBe(`代理服务器 ${url} 拒绝了连接：原因码 250`);
  });

  it('say a final refusal with its cause, both in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const phrase = { code: 'stoppedRetrying', params: { url, mqttReason: 5, cause: 'brokerRefused' } };
    expect(phraseText(phrase, 'English words')).toBe(
      `代理服务器 ${url} 拒绝了连接：未获授权；已停止重试（此类拒绝不会自行消除）：排除问题后请重新连接`,
    );
  });

  it('say the deploy decision’s reasons in Chinese with their figures, and in English as the rule wrote them', async () => {
    const figures = (rocAuc: number, macroF1: number, falseAlarmsPer24h: number) =>
      ({ rocAuc, macroF1, falseAlarmsPer24h }) as HeldOutMetrics;
    const { reasons } = deployDecision(figures(0.9, 0.7, 2), figures(0.95, 0.69, 4));
    const messages = reasons.map((r) => r.message);
    const phrases = reasons.map((r) => r.phrase);
    expect(phrasesText(messages, phrases)).toBe(messages.join('; '));
    await i18n.changeLanguage('zh-CN');
    expect(phrasesText(messages, phrases)).toBe(
      '宏平均 F1 从 0.700 降至 0.690；每 24 h 误报从 2.0 次增至 4.0 次',
    );
    expect(phrasesText(['no figure improved'], undefined), 'a registry from before phrases').toBe(
      '原文：no figure improved',
    );
  });

  it('close the retrain outcome’s reasons with the language’s full stop', async () => {
    const figures = (rocAuc: number, macroF1: number, falseAlarmsPer24h: number) =>
      ({ rocAuc, macroF1, falseAlarmsPer24h }) as HeldOutMetrics;
    const { reasons } = deployDecision(figures(0.9, 0.7, 2), figures(0.95, 0.69, 4));
    const messages = reasons.map((r) => r.message);
    const phrases = reasons.map((r) => r.phrase);
    expect(phrasesSentence(messages, phrases)).toBe(`${messages.join('; ')}.`);
    expect(phrasesSentence([], []), 'no reasons, no stray full stop').toBe('');
    await i18n.changeLanguage('zh-CN');
    expect(phrasesSentence(messages, phrases)).toBe(
      '宏平均 F1 从 0.700 降至 0.690；每 24 h 误报从 2.0 次增至 4.0 次。',
    );
  });

  it('say a damaged history file in Chinese, naming the file and keeping the database’s words', async () => {
    const path = '/data/pump-skid.duckdb';
    const problem = classifyOpenError(path, new Error('Corrupt WAL file: checksum mismatch\n  at x'));
    if (!problem || problem instanceof Error) throw new Error('expected a damaged-WAL problem');
    expect(phraseText(problem.phrase, problem.message)).toBe(problem.message);
    await i18n.changeLanguage('zh-CN');
    expect(phraseText(problem.phrase, problem.message)).toBe(
      `“${path}”的预写日志已损坏，无法重放（Corrupt WAL file: checksum mismatch）。`,
    );
  });

  it('keep a library’s own words behind a translated lead', async () => {
    await i18n.changeLanguage('zh-CN');
    const failure = describeMqttError(new Error('bad things happened'), { url });
    expect(say(failure)).toBe(`连接 ${url} 出错：bad things happened`);
  });

  it('show an unknown code, a malformed phrase or none at all as the English words behind a lead', async () => {
    await i18n.changeLanguage('zh-CN');
    const words = 'nothing is listening at opc.tcp://plc:4840 (connection refused)';
    expect(phraseText({ code: 'fromTheFuture', params: {} }, words)).toBe(`原文：${words}`);
    expect(phraseText({ code: 'connectionRefused', params: { url: { nested: true } } }, words)).toBe(
      `原文：${words}`,
    );
    expect(phraseText(undefined, words)).toBe(`原文：${words}`);
    await i18n.changeLanguage('en');
    expect(phraseText(null, words)).toBe(words);
  });
});
