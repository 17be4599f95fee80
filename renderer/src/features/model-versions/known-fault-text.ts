import type { AssetDefinition } from '../../../../core/asset/schema';
import type { KnownFaultInterval } from '../../../../core/ml/normal/known-fault';
import { i18n } from '../../i18n/i18n';

/**
 * A 'known-fault' refusal in the active language, from what the fault was (`asset` carries the names in
 * that language); null for a fault given only as a label (the check's own message is shown then).
 */
export function knownFaultText(fault: KnownFaultInterval, asset: AssetDefinition | null): string | null {
  const cause = fault.cause;
  if (!cause) return null;
  const text =
    cause.kind === 'fault-injection'
      ? i18n.t('models:normal.knownFaultCause.fault-injection', {
          fault: asset?.faults.find((f) => f.id === cause.faultId)?.name ?? cause.faultId,
        })
      : i18n.t(`models:normal.knownFaultCause.${cause.alarmKind}`, {
          tag: asset?.tags.find((t) => t.id === fault.tagId)?.name ?? fault.tagId ?? '',
        });
  return i18n.t('models:normal.knownFault', { cause: text });
}
