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

/** The English source texts, one namespace per feature; every other language translates these keys. */
export const en = {
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
