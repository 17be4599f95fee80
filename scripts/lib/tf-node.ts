/** TensorFlow.js setup for Node scripts and tests: the wasm backend (no tfjs-node needed). */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

let ready: Promise<string> | null = null;

/** Selects the wasm backend (falls back to cpu with a warning); returns the backend name. */
export function initTfNode(preferred: 'wasm' | 'cpu' = 'wasm'): Promise<string> {
  ready ??= (async () => {
    if (preferred === 'wasm') {
      const require = createRequire(import.meta.url);
      const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
      setWasmPaths(dist + path.sep);
      try {
        if (await tf.setBackend('wasm')) {
          await tf.ready();
          return tf.getBackend();
        }
      } catch (e) {
        process.stderr.write(`wasm backend unavailable (${String(e)}); using cpu\n`);
      }
    }
    await tf.setBackend('cpu');
    await tf.ready();
    return tf.getBackend();
  })();
  return ready;
}
