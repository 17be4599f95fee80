import type { historyRunsRequestSchemas } from '../../../core/api/domains/history-runs';
import type { HistoryWorkspace } from '../history/runs/history-workspace';
import type { TwinHandlers } from '../twin-handlers';

export type HistoryRunHandlers = Pick<TwinHandlers, keyof typeof historyRunsRequestSchemas>;

/** Handlers of the runs in History…: list, show, delete, open archives, retention. Each answers the new list. */
export function createHistoryRunHandlers(workspace: HistoryWorkspace): HistoryRunHandlers {
  return {
    historyRuns: () => workspace.runs(),
    historyView: async (req) => {
      await workspace.view(req.runId);
      return workspace.runs();
    },
    historyDeleteRun: async (req) => {
      await workspace.deleteRun(req.runId);
      return workspace.runs();
    },
    historyOpenArchive: async (req) => {
      await workspace.openArchive(req.file);
      return workspace.runs();
    },
    historyDeleteArchive: (req) => {
      workspace.deleteArchive(req.file);
      return workspace.runs();
    },
    setRunRetention: async (req) => {
      await workspace.setRunRetention(req.days);
      return workspace.runs();
    },
  };
}
