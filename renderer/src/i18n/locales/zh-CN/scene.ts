import type { scene as en } from '../en/scene';
import type { Translation } from '../translation';

export const scene: Translation<typeof en> = {
  on: '开',
  off: '关',
  stale: '过期',
  staleAge: '过期 {{age}}',
  noData: '无数据',
  badAtSource: '源端故障',
  uncertain: '不确定',
  alarmSymbol: '{{priority}}优先级报警，{{state}}',
  modelLoading: '正在加载三维模型 {{file}}…',
  modelFailed: '无法加载三维模型 {{file}}：{{message}}',
  modelMissing: '{{file}} 中没有以下部件的节点：{{parts}}；这些部件不显示，也不着色。',
};
