import type { ScenarioLanguage } from './localized-text';
import type { LogKind } from './trainer-state';

/** The session report's own words, per language (core has no i18next; the report is built here). */
export interface ReportLabels {
  untitled: string;
  reportTitle: string;
  generated: string;
  trainee: string;
  played: (elapsed: string) => string;
  score: string;
  expectedActions: string;
  questions: string;
  timeline: string;
  columns: {
    action: string;
    result: string;
    at: string;
    note: string;
    points: string;
    question: string;
    answer: string;
    what: string;
    detail: string;
  };
  status: Record<'pending' | 'met' | 'missed', string>;
  /** The timeline's "What" column. */
  kinds: Record<LogKind, string>;
  right: string;
  wrong: string;
  rightChoice: string;
  none: string;
  noneAnswered: string;
}

export const REPORT_LABELS: Record<ScenarioLanguage, ReportLabels> = {
  en: {
    untitled: 'Training session',
    reportTitle: 'session report',
    generated: 'Generated',
    trainee: 'trainee',
    played: (elapsed) => `played ${elapsed} of simulated time`,
    score: 'Score',
    expectedActions: 'Expected actions',
    questions: 'Questions',
    timeline: 'Timeline',
    columns: {
      action: 'Action',
      result: 'Result',
      at: 'At',
      note: 'Note',
      points: 'Points',
      question: 'Question',
      answer: 'Answer',
      what: 'What',
      detail: 'Detail',
    },
    status: { pending: 'pending', met: 'met', missed: 'missed' },
    kinds: {
      caption: 'caption',
      camera: 'camera',
      fault: 'fault',
      control: 'control',
      question: 'question',
      answer: 'answer',
      pause: 'pause',
      alarm: 'alarm',
      trip: 'trip',
      ack: 'ack',
      'trainee-control': 'trainee-control',
      end: 'end',
    },
    right: 'right',
    wrong: 'wrong',
    rightChoice: 'right',
    none: 'None',
    noneAnswered: 'None answered',
  },
  'zh-CN': {
    untitled: '培训课程',
    reportTitle: '培训报告',
    generated: '生成于',
    trainee: '学员',
    played: (elapsed) => `已演练模拟时间 ${elapsed}`,
    score: '得分',
    expectedActions: '应执行的操作',
    questions: '问题',
    timeline: '时间线',
    columns: {
      action: '操作',
      result: '结果',
      at: '时间',
      note: '备注',
      points: '分值',
      question: '问题',
      answer: '回答',
      what: '类型',
      detail: '详情',
    },
    status: { pending: '待完成', met: '已完成', missed: '未完成' },
    kinds: {
      caption: '旁白',
      camera: '视角',
      fault: '故障',
      control: '脚本设定',
      question: '提问',
      answer: '回答',
      pause: '暂停',
      alarm: '报警',
      trip: '跳闸',
      ack: '确认',
      'trainee-control': '学员操作',
      end: '结束',
    },
    right: '正确',
    wrong: '错误',
    rightChoice: '正确答案',
    none: '无',
    noneAnswered: '未回答任何问题',
  },
};
