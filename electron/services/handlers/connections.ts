import type { TwinEvent } from '../../../core/api/types';
import type { RunningAsset } from '../running-asset';
import type { TwinHandlers } from '../twin-handlers';
import type { connectionsRequestSchemas } from '../../../core/api/domains/connections';

type ConnectionsMethod = keyof typeof connectionsRequestSchemas;

/** Handlers of the live-source methods: connection state and commands, source mode, setpoint writes. */
export function createConnectionsHandlers(
  running: RunningAsset,
  emit: (event: TwinEvent) => void,
): Pick<TwinHandlers, ConnectionsMethod> {
  const requireSources = () => {
    if (running.sources) return running.sources;
    throw new Error(
      running.connections().hasSources
        ? `asset "${running.asset.id}" runs from its simulator now: switch it to its live sources first`
        : `asset "${running.asset.id}" has no live sources`,
    );
  };
  const announce = () => {
    const snapshot = running.connections();
    emit({ type: 'connections', snapshot });
    return snapshot;
  };
  return {
    connectionsStatus: () => running.connections(),
    connectionCommand: async (req) => {
      const sources = requireSources();
      if (req.action === 'connect') sources.connect(req.connectionId);
      else await sources.disconnect(req.connectionId);
      return announce();
    },
    trustServerCertificate: async (req) => {
      await requireSources().trust(req.connectionId, req.thumbprint);
      return announce();
    },
    setConnectionPassword: async (req) => {
      await requireSources().setPassword(req.connectionId, req.password);
      return announce();
    },
    setSourceMode: async (req) => {
      await running.setMode(req.use);
      emit({ type: 'session', session: running.session() });
      return announce();
    },
    writeControl: async (req) => {
      const sources = requireSources();
      const control = running.asset.controls.find((c) => c.id === req.controlId);
      if (!control) throw new Error(`unknown control "${req.controlId}"`);
      if (req.value < control.min || req.value > control.max)
        throw new Error(
          `${control.name}: ${req.value} ${control.unit} is outside its limits ${control.min}…${control.max} ${control.unit}`,
        );
      await sources.write(req.controlId, req.value);
      return { controlId: req.controlId, from: req.from, to: req.value, t: Date.now() };
    },
  };
}
