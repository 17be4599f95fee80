import type { en } from '../en';
import type { Translation } from '../translation';
import { common } from './common';
import { errors } from './errors';
import { history } from './history';
import { live } from './live';
import { models } from './models';
import { scene } from './scene';
import { shell } from './shell';
import { trainer } from './trainer';

export const zhCN: Translation<typeof en> = { common, errors, history, live, models, scene, shell, trainer };
