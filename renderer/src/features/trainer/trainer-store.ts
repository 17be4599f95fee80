import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ScenarioSummary, TrainerState } from '../../../../core/scenario/trainer-state';
import { idleTrainerState } from '../../../../core/scenario/trainer-state';
import { getTwinClient } from '../../api/client';
import { noticesBelongTo } from '../../state/session-store';
import { viewStore } from '../../state/view-store';

export interface TrainerUiState {
  state: TrainerState;
  scenarios: ScenarioSummary[];
  /** Presenter view shows what the trainee should discover (injected faults, right answers). */
  presenter: boolean;
}

export const trainerStore = createStore<TrainerUiState>(() => ({
  state: idleTrainerState(),
  scenarios: [],
  presenter: false,
}));

export const useTrainer = <T>(selector: (s: TrainerUiState) => T): T => useStore(trainerStore, selector);

let lastCameraToken = 0;
let lastScenario: string | null = null;

/** Takes a state from the backend; moves the camera once per new camera token; clears an earlier scenario's notices. */
export function applyTrainerState(state: TrainerState): void {
  const id = state.scenario?.id ?? null;
  noticesBelongTo(id);
  if (id !== lastScenario || (state.camera?.token ?? 0) < lastCameraToken) lastCameraToken = 0;
  lastScenario = id;
  if (state.camera && state.camera.token > lastCameraToken) {
    lastCameraToken = state.camera.token;
    const componentId = state.camera.componentId;
    // Frame without selecting: a selection would pull the side panel away from the Trainer tab.
    viewStore.setState((v) => ({ focus: { componentId, token: (v.focus?.token ?? 0) + 1 } }));
  }
  trainerStore.setState({ state });
}

let connected = false;
/** Subscribes to trainer events once and loads the current state and scenario list. */
export function connectTrainer(): void {
  if (connected) return;
  connected = true;
  const client = getTwinClient();
  client.subscribe((e) => {
    if (e.type === 'trainer-state') applyTrainerState(e.state);
    else if (e.type === 'connection' && e.connection.kind === 'connected') void refresh();
  });
  void refresh();
}

async function refresh(): Promise<void> {
  try {
    const client = getTwinClient();
    const [state, scenarios] = await Promise.all([client.trainerState({}), client.trainerListScenarios({})]);
    trainerStore.setState({ scenarios });
    applyTrainerState(state);
  } catch {
    // Not connected yet: the next 'connected' event retries.
  }
}
