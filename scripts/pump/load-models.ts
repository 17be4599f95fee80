/** Loading the committed pump-skid models with their validated cards. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as tf from '@tensorflow/tfjs';
import {
  parseForecasterCard,
  parseHealthCard,
  type ForecasterCard,
  type HealthCard,
} from '../../core/ml/pump/card';
import { loadModelDir } from '../lib/files';
import { PUMP_MODEL_DIR } from './common';

export async function loadHealthModel(
  dir = path.join(PUMP_MODEL_DIR, 'health'),
): Promise<{ model: tf.LayersModel; card: HealthCard }> {
  const file = path.join(dir, 'model-card.json');
  const card = parseHealthCard(JSON.parse(await readFile(file, 'utf8')), file);
  return { model: await loadModelDir(dir), card };
}

export async function loadForecaster(
  dir = path.join(PUMP_MODEL_DIR, 'forecaster'),
): Promise<{ model: tf.LayersModel; card: ForecasterCard }> {
  const file = path.join(dir, 'model-card.json');
  const card = parseForecasterCard(JSON.parse(await readFile(file, 'utf8')), file);
  return { model: await loadModelDir(dir), card };
}
