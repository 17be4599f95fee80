import type { TrainerApi } from '../../../../core/api/domains/trainer';
import { describeScenarioProblems } from '../../../../core/scenario/parse';
import { sessionReportHtml } from '../../../../core/scenario/report';
import { getTwinClient } from '../../api/client';
import { activeLanguage, i18n } from '../../i18n/i18n';
import { pushNotice } from '../../state/session-store';
import { downloadText } from './download';
import { applyTrainerState, trainerStore } from './trainer-store';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function trainerCommand(req: Parameters<TrainerApi['trainerCommand']>[0]): Promise<void> {
  try {
    applyTrainerState(await getTwinClient().trainerCommand(req));
  } catch (e) {
    pushNotice('error', i18n.t('trainer:notices.commandFailed', { command: req.kind, message: message(e) }));
  }
}

export async function answerQuestion(questionId: string, choice: number): Promise<void> {
  try {
    applyTrainerState(await getTwinClient().trainerAnswer({ questionId, choice }));
  } catch (e) {
    pushNotice('error', i18n.t('trainer:notices.answerFailed', { message: message(e) }));
  }
}

/** Opens a scenario file from disk; a bad file is reported field by field. */
export async function openScenarioFile(file: File): Promise<void> {
  try {
    const r = await getTwinClient().trainerOpenScenario({ fileName: file.name, text: await file.text() });
    if (!r.ok) {
      const problems = describeScenarioProblems(r.problems);
      pushNotice('error', i18n.t('trainer:notices.invalidScenario', { file: r.fileName, problems }));
      return;
    }
    trainerStore.setState({ scenarios: await getTwinClient().trainerListScenarios({}) });
    await trainerCommand({ kind: 'load', scenarioId: r.scenario.id });
  } catch (e) {
    pushNotice('error', i18n.t('trainer:notices.openFailed', { file: file.name, message: message(e) }));
  }
}

export function exportReport(): void {
  const state = trainerStore.getState().state;
  const html = sessionReportHtml(state, { generatedAt: new Date(), language: activeLanguage() });
  downloadText(`${state.scenario?.id ?? 'session'}-report.html`, html, 'text/html');
}
