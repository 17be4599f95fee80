import { common } from './common';
import { errors } from './errors';
import { history } from './history';
import { live } from './live';
import { models } from './models';
import { scene } from './scene';
import { shell } from './shell';
import { trainer } from './trainer';

/** The English source texts, one namespace per feature; every other language translates these keys. */
export const en = { common, errors, history, live, models, scene, shell, trainer };
