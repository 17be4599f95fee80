import type { StatusCode } from 'node-opcua';
import type { SourceQuality } from '../../../../core/live/source-value';

/** OPC UA StatusCode severity → the quality the pipeline understands. */
export function qualityOfStatus(status: StatusCode): SourceQuality {
  if (status.isGood()) return 'good';
  return status.isBad() ? 'bad' : 'uncertain';
}

/** The StatusCode's name for messages ("BadNodeIdUnknown"), or its hex value when the library knows no name. */
export function statusName(status: StatusCode): string {
  const name = status.name;
  return name && !/^Unknown/i.test(name) ? name : `0x${status.value.toString(16).padStart(8, '0')}`;
}
