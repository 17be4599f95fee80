import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { requestSchemas, TWIN_METHOD_NAMES } from '../../../core/api/schemas';
import { parseClientMessage } from '../../../core/api/wire';
import { describeIssues } from '../../../core/validation/describe-issues';
import { anyJson, hostileValue, mutatedDocument } from './json-mutation';
import { PROPERTY_TEST_TIMEOUT_MS, propertyOptions, timed } from './property-runs';

/** Valid requests to start mutations from. */
const VALID_REQUESTS: [keyof typeof requestSchemas, Record<string, unknown>][] = [
  ['setControl', { controlId: 'pump_speed', value: 1450 }],
  ['simCommand', { kind: 'reset', seed: 7 }],
  ['injectFault', { faultId: 'bearing_wear', severity: 0.3, growthPerHour: 0.1, targetTag: 'te_211' }],
  ['alarmCommand', { alarmId: 'te_211:alarm:high', action: 'shelve', minutes: 30 }],
  ['loadAsset', { fileName: 'asset.json', text: '{}', modelBase64: 'Z2xURg==' }],
];

const ISSUE = /^invalid \w+ request: (\(request\)|[\w$.-]+): \S/;

describe('API requests (core/api/schemas.ts, parseClientMessage in core/api/wire.ts), property-based', () => {
  it(
    'a WebSocket message is a request or an error that says "bad request" or "not valid JSON", never an exception',
    () => {
      const envelope = fc.record({
        id: fc.oneof(fc.nat(), hostileValue),
        method: fc.oneof(fc.constantFrom(...TWIN_METHOD_NAMES), fc.string({ maxLength: 12 })),
        payload: anyJson,
      });
      const text = fc.oneof(
        envelope.map((e) => JSON.stringify(e)),
        mutatedDocument({ id: 1, method: 'setControl', payload: { controlId: 'x', value: 1 } }).map((d) =>
          JSON.stringify(d),
        ),
        fc.string({ maxLength: 200 }),
      );
      fc.assert(
        fc.property(text, (t) => {
          const result = timed('parseClientMessage', () => parseClientMessage(t));
          if (!result.ok) expect(result.error).toMatch(/^(bad request: \S|message is not valid JSON: )/);
          else expect(TWIN_METHOD_NAMES).toContain(result.message.method);
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    'every method schema takes any payload without throwing; a refusal names the field as the backend reports it',
    () => {
      const payload = fc.oneof(
        fc
          .constantFrom(...VALID_REQUESTS)
          .chain(([method, valid]) => mutatedDocument(valid).map((p) => [method, p] as const)),
        fc.tuple(fc.constantFrom(...TWIN_METHOD_NAMES), fc.oneof(anyJson, hostileValue)),
      );
      fc.assert(
        fc.property(payload, ([method, p]) => {
          const parsed = timed(method, () => requestSchemas[method].safeParse(p ?? {}));
          if (parsed.success) return;
          for (const issue of parsed.error.issues) {
            const one = describeIssues(new ZodError([issue]), {
              prefix: `invalid ${method} request`,
              rootLabel: '(request)',
            });
            expect(one).toMatch(ISSUE);
          }
        }),
        propertyOptions,
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
