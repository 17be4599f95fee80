import type { en } from '../en';
import type { Translation } from '../translation';
import { backend } from './backend';
import { common } from './common';
import { connections } from './connections';
import { errors } from './errors';
import { fleet } from './fleet';
import { history } from './history';
import { live } from './live';
import { models } from './models';
import { scene } from './scene';
import { shell } from './shell';
import { trainer } from './trainer';
import { whatif } from './whatif';

export const zhCN: Translation<typeof en> = {
  backend,
  common,
  connections,
  errors,
  fleet,
  history,
  live,
  models,
  scene,
  shell,
  trainer,
  whatif,
};
