import type { ConnectionDefinition, TagBinding } from '../../../core/asset/sources-schema';

/** Where a binding's value comes from, as the user wrote it: topic and pointer, Sparkplug metric or NodeId. */
export function bindingWhere(binding: TagBinding, connection: ConnectionDefinition | undefined): string {
  if (connection?.kind === 'opcua') return `OPC UA ${binding.nodeId ?? '?'}`;
  if (connection?.kind === 'mqtt' && connection.payload === 'sparkplug') {
    const device = binding.device ? `/${binding.device}` : '';
    return `Sparkplug ${connection.sparkplugGroup ?? '?'}/${binding.edgeNode ?? '?'}${device} metric "${binding.metric ?? '?'}"`;
  }
  return `${binding.topic ?? '?'}${binding.value ? ` ${binding.value}` : ''}`;
}
