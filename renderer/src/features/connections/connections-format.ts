/** Pure wording helpers of the Connections panel and the status bar's source summary. */
import type { ConnectionStatus, TagSourceStatus } from '../../../../core/api/domains/connections';
import { formatNumber } from '../../format';
import { i18n } from '../../i18n/i18n';
import { formatAge } from '../../state/tag-freshness';

/** "MQTT", "MQTT Sparkplug B" or "OPC UA". */
export function connectionKindLabel(c: Pick<ConnectionStatus, 'kind' | 'payload'>): string {
  if (c.kind === 'opcua') return 'OPC UA';
  return c.payload === 'sparkplug' ? 'MQTT Sparkplug B' : 'MQTT';
}

/** Countdown to the next connection attempt: "next try in 4 s", or "trying again now" once it is due. */
export function retryText(nextRetryAt: number | null, now: number): string | null {
  if (nextRetryAt === null) return null;
  const s = Math.ceil((nextRetryAt - now) / 1000);
  return s > 0
    ? i18n.t('connections:nextTry', { age: formatAge(s * 1000) })
    : i18n.t('connections:tryingNow');
}

/** "3 s ago", "5 min ago"; "never" when nothing arrived. */
export function agoText(t: number | null, now: number): string {
  return t === null ? i18n.t('connections:never') : i18n.t('connections:ago', { age: formatAge(now - t) });
}

/** A SHA-1 thumbprint as upper-case hex in groups of four: "AB12 CD34 …", easy to compare by eye. */
export function groupThumbprint(thumbprint: string): string {
  const hex = thumbprint.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return hex.match(/.{1,4}/g)?.join(' ') ?? '';
}

/** Where a tag stands with its source: nothing yet, stale, a problem with its values, or fresh. */
export type TagSourceState = 'never' | 'stale' | 'problem' | 'fresh';

export function tagSourceState(t: TagSourceStatus): TagSourceState {
  if (t.lastValueAt === null) return 'never';
  if (t.stale) return 'stale';
  return t.problem ? 'problem' : 'fresh';
}

/** Tags the "only tags with a problem or never received" filter keeps. */
export const needsAttention = (t: TagSourceStatus): boolean => tagSourceState(t) !== 'fresh';

/** A count with the locale's thousands separators: 1234 → "1,234". */
export const formatCount = (n: number): string => formatNumber(Math.round(n));
