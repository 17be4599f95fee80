import type { common as en } from '../en/common';
import type { Translation } from '../translation';

export const common: Translation<typeof en> = {
  close: '关闭',
  cancel: '取消',
  dismiss: '关闭提示',
  none: '无',
  priority: { high: '高', medium: '中', low: '低' },
  priorityLong: { high: '高 / 跳闸', medium: '中', low: '低' },
  alarmState: { unack: '未确认', ack: '已确认', 'rtn-unack': '已恢复未确认', shelved: '已搁置' },
  quality: {
    good: '良好',
    interpolated: '插值',
    outOfRange: '超量程',
    missing: '缺失',
    stuck: '卡死',
    spike: '尖峰',
    stale: '过期',
    badAtSource: '源端故障',
    uncertain: '不确定',
    code: '质量码 {{code}}',
  },
  chart: {
    tripHigh: '高跳闸',
    alarmHigh: '高报警',
    alarmLow: '低报警',
    tripLow: '低跳闸',
    min: '最小值',
    max: '最大值',
  },
  age: { s: '{{n}} 秒', min: '{{n}} 分钟', h: '{{n}} 小时', d: '{{n}} 天' },
  paused: '{{speed}}（已暂停）',
  viewer: {
    onlyReason: '只读会话：更改装置需使用操作员地址（服务器最先打印的那个地址）。',
    refusal: '只读会话：{{action}}需要操作员权限',
  },
};
