// What the scenario player writes itself (action notes, the end of the run), in the languages scenarios carry.
import { textIn, type LocalizedText } from './localized-text';

export const ACTION_NOTES = {
  notAcknowledgedInTime: { en: 'not acknowledged in time', 'zh-CN': '未及时确认' },
  tripCameFirst: { en: 'the trip came first', 'zh-CN': '跳闸先发生' },
  tooLate: { en: 'too late', 'zh-CN': '超时' },
  alarmNeverCame: { en: 'the alarm never came', 'zh-CN': '报警始终未出现' },
  notDone: { en: 'not done', 'zh-CN': '未执行' },
} satisfies Record<string, LocalizedText>;

export const secondsAfterAlarm = (s: number): LocalizedText => ({
  en: `${s} s after the alarm`,
  'zh-CN': `报警后 ${s} s`,
});

export const PAUSED_BY_SCENARIO: LocalizedText = { en: 'Paused by the scenario', 'zh-CN': '场景已暂停' };

export const scenarioFinished = (score: number, maxScore: number): LocalizedText => ({
  en: `Scenario finished: ${score} of ${maxScore} points`,
  'zh-CN': `场景结束：得分 ${score} / ${maxScore}`,
});

/** The log line of an answer; a choice without a Chinese text is quoted in English. */
export function answerLogText(correct: boolean, choice: LocalizedText): LocalizedText {
  return {
    en: `${correct ? 'Right' : 'Wrong'}: "${choice.en}"`,
    'zh-CN': `${correct ? '正确' : '错误'}：“${textIn(choice, 'zh-CN')}”`,
  };
}

export const cameraTo = (component: LocalizedText): LocalizedText => ({
  en: `Camera to ${component.en}`,
  'zh-CN': `镜头转向${textIn(component, 'zh-CN')}`,
});

export const acknowledged = (alarm: LocalizedText): LocalizedText => ({
  en: `Acknowledged: ${alarm.en}`,
  'zh-CN': `已确认：${textIn(alarm, 'zh-CN')}`,
});
