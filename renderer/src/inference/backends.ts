/// <reference types="@webgpu/types" />
/**
 * Backend selection inside the worker: webgpu → webgl → wasm → cpu, skipping what is missing, and a watch
 * on the WebGPU device so a lost device moves inference to the next backend.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { backendCandidates, describeAdapter } from './backend-choice';
import { rendererIsSoftware } from './software-adapter';
import type { BackendInfo, InferenceBackend, WasmPaths } from './inference-api';

/**
 * The WebGPU adapter's short name. A software adapter (a CPU emulation of a GPU) is refused unless WebGPU was
 * asked for by name: measured here, the health model's tick took 2,021 ms on WebGPU over SwiftShader against 6.4 ms
 * on wasm, and the emulation takes its CPU from drawing the 3D view (docs/inference.md).
 */
async function webgpuAdapter(forced: boolean): Promise<string> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) throw new Error('no navigator.gpu');
  // tfjs-backend-webgpu 4.22 assumes an adapter exists (tfjs #8094); ask first.
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) throw new Error('no adapter');
  const withInfo = adapter as GPUAdapter & { info?: GPUAdapterInfo & { isFallbackAdapter?: boolean } };
  const info = withInfo.info ?? (await adapter.requestAdapterInfo());
  const name = describeAdapter(info);
  const software = rendererIsSoftware(name) || withInfo.info?.isFallbackAdapter === true;
  if (software && !forced) throw new Error(`software adapter (${name}), slower than wasm`);
  return name;
}

function webglRenderer(): string {
  try {
    const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    const text = gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
    return describeAdapter({ description: text });
  } catch {
    return 'webgl';
  }
}

async function tryBackend(name: InferenceBackend, wasmPaths: WasmPaths, forced: boolean): Promise<string> {
  let adapter = name === 'cpu' ? 'js' : name;
  if (name === 'webgpu') adapter = await webgpuAdapter(forced);
  if (name === 'webgl' && typeof OffscreenCanvas === 'undefined')
    throw new Error('no OffscreenCanvas in workers');
  if (name === 'wasm') setWasmPaths(wasmPaths);
  if (!(await tf.setBackend(name))) throw new Error('failed to initialise');
  await tf.ready();
  // A first tiny op proves the backend computes, not just that it registered.
  const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
  const value = (await probe.data())[0];
  probe.dispose();
  if (value !== 3) throw new Error(`computed 1 + 2 = ${value}`);
  if (name === 'webgl') {
    adapter = webglRenderer();
    // Measured here: a 29-row health batch took 92 s on WebGL over SwiftShader against ~2 s on wasm/cpu.
    if (rendererIsSoftware(adapter)) {
      forgetBackend('webgl');
      throw new Error(`software renderer (${adapter}), slower than wasm`);
    }
  }
  if (name === 'wasm') adapter = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'simd' : 'no simd';
  return adapter;
}

/** Chooses the first backend that works; records why the ones before it were skipped. */
export async function chooseBackend(
  forced: InferenceBackend | null,
  failed: ReadonlySet<InferenceBackend>,
  wasmPaths: WasmPaths,
  earlierReason?: string,
): Promise<BackendInfo> {
  const reasons: string[] = earlierReason ? [earlierReason] : [];
  for (const name of backendCandidates(forced, failed)) {
    try {
      const adapter = await tryBackend(name, wasmPaths, name === forced);
      const info: BackendInfo = { backend: name, adapter };
      if (reasons.length > 0) info.fallbackReason = reasons.join('; ');
      return info;
    } catch (e) {
      reasons.push(`${name}: ${(e as Error).message}`);
    }
  }
  throw new Error(`no tfjs backend works here (${reasons.join('; ')})`);
}

/** The WebGPU device tfjs uses now, or null on other backends. */
export function currentDevice(): GPUDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: GPUDevice }).device ?? null;
}

/** Calls `onLost` once when the device is lost or reports an error nobody caught. */
export function watchDevice(device: GPUDevice, onLost: (reason: string) => void): void {
  let fired = false;
  const fire = (reason: string) => {
    if (fired) return;
    fired = true;
    onLost(reason);
  };
  void device.lost.then((info) =>
    fire(`webgpu: device lost (${info.reason || 'unknown'}${info.message ? `: ${info.message}` : ''})`),
  );
  device.addEventListener('uncapturederror', (e) =>
    fire(`webgpu: uncaptured error (${(e as GPUUncapturedErrorEvent).error.message})`),
  );
}

/** Drops the lost backend from tfjs so later setBackend calls cannot pick it again. */
export function forgetBackend(name: InferenceBackend): void {
  try {
    tf.removeBackend(name);
  } catch {
    // Disposing a backend whose device is gone may throw; it is unusable either way.
  }
}
