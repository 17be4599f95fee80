import type { LoadAssetResult, SessionInfo, TwinEvent } from '../../core/api/types';
import type { InvokeResult } from '../../core/api/twin-api';
import type { TwinMethod } from '../../core/api/schemas';
import type { Caller } from '../../core/api/roles';

/** The session as this caller sees it: with the caller's own role. */
export function sessionForCaller(session: SessionInfo, caller: Caller): SessionInfo {
  return session.role === caller.role ? session : { ...session, role: caller.role };
}

/** A result that carries the session (getSession, a loaded asset) answered with the caller's role. */
export function resultForCaller(method: TwinMethod, result: InvokeResult, caller: Caller): InvokeResult {
  if (!result.ok) return result;
  if (method === 'getSession')
    return { ok: true, value: sessionForCaller(result.value as SessionInfo, caller) };
  if (method === 'loadAsset') {
    const loaded = result.value as LoadAssetResult;
    if (loaded.ok)
      return { ok: true, value: { ...loaded, session: sessionForCaller(loaded.session, caller) } };
  }
  return result;
}

/** A pushed event as this caller sees it: session events carry the caller's role. */
export function eventForCaller(event: TwinEvent, caller: Caller): TwinEvent {
  return event.type === 'session' ? { ...event, session: sessionForCaller(event.session, caller) } : event;
}
