import type { TwinClient } from '../../../core/api/twin-api';
import { forgetAddressToken } from './address-token';
import { createWebSocketClient } from './ws-client';

let client: TwinClient | null = null;

/** The one TwinApi client: Electron's preload bridge when present, otherwise WebSocket to the web-mode backend. */
export function getTwinClient(): TwinClient {
  if (client) return client;
  if (!window.twin) forgetAddressToken();
  client = window.twin ?? createWebSocketClient(webSocketUrl());
  return client;
}

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/api`;
}
