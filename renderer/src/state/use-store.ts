import { useStore } from 'zustand';
import { connectionsStore, type ConnectionsState } from './connections-store';
import { sessionStore, type SessionState } from './session-store';
import { viewStore, type ViewState } from './view-store';

export const useSession = <T>(selector: (s: SessionState) => T): T => useStore(sessionStore, selector);
export const useView = <T>(selector: (s: ViewState) => T): T => useStore(viewStore, selector);
export const useConnections = <T>(selector: (s: ConnectionsState) => T): T =>
  useStore(connectionsStore, selector);
