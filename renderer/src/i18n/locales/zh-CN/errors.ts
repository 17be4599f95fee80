import type { errors as en } from '../en/errors';
import type { Translation } from '../translation';

export const errors: Translation<typeof en> = {
  invalidJson: '文件不是有效的 JSON：{{detail}}',
  unknownUnit: '未知单位"{{unit}}"',
  unitMismatch: '"{{unit}}"无法换算为位号单位"{{tagUnit}}"',
  schemaVersion: '不支持的格式版本：{{detail}}',
  required: '此字段为必填项',
  invalidType: '应为{{expected}}',
  type: { number: '数字', string: '文本', boolean: '布尔值', array: '列表', object: '对象' },
  tooSmall: '数值过小：至少为 {{minimum}}',
  tooBig: '数值过大：最多为 {{maximum}}',
  invalidFormat: '格式错误',
  invalidValue: '不是允许的值；允许：{{values}}',
  unrecognizedKeys: '未知字段：{{keys}}',
  unknownId: {
    tag: '未知位号"{{id}}"',
    component: '未知部件"{{id}}"',
    control: '未知控制量"{{id}}"',
    fault: '未知故障"{{id}}"',
  },
  duplicateId: { tag: '位号 id "{{id}}"重复', component: '部件 id "{{id}}"重复' },
  invalid: '无效值：{{detail}}',
};
