import { requiredRole } from '../../../core/api/roles';
import { i18n } from '../i18n/i18n';
import type { TwinMethod } from '../../../core/api/schemas';
import type { SessionState } from './session-store';
import { useSession } from './use-store';

/** Tooltip of every plant-changing control in a viewer session. */
export const viewerOnlyReason = (): string => i18n.t('common:viewer.onlyReason');

/** True when this session may only look (web mode opened with the viewer token). */
export const isViewerSession = (s: SessionState): boolean => s.session?.role === 'viewer';

/** Whether this session may call `method`: every method but the operator ones (core/api/roles.ts) for a viewer. */
export const canCall = (s: SessionState, method: TwinMethod): boolean =>
  requiredRole(method) === 'viewer' || !isViewerSession(s);

/** Tooltip of a control whose method a viewer may not call; `action` names it, e.g. "acknowledging an alarm". */
export const viewerRefusal = (action: string): string => i18n.t('common:viewer.refusal', { action });

/** A control's access: disabled exactly when its method needs the operator role and this session is a viewer. */
export interface ControlAccess {
  allowed: boolean;
  /** The tooltip saying why it is disabled; undefined when allowed. */
  refusal: string | undefined;
}

/** The one place a control asks "may this session do X": `method` is what the control calls. */
export function useCanCall(method: TwinMethod, action: string): ControlAccess {
  const allowed = useSession((s) => canCall(s, method));
  return { allowed, refusal: allowed ? undefined : viewerRefusal(action) };
}
