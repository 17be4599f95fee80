import { rendererIsSoftware } from '../../inference/software-adapter';

/** The unmasked WebGL renderer string of a context ('' when the browser hides it). */
export function webglRendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
  return typeof name === 'string' ? name : '';
}

let probed: boolean | null = null;

/**
 * Whether this browser draws WebGL in software, asked once of a throwaway context (before the scene's own exists:
 * its anti-aliasing is fixed when it is created). False when WebGL is missing.
 */
export function browserRendersInSoftware(): boolean {
  if (probed !== null) return probed;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  probed = gl ? rendererIsSoftware(webglRendererName(gl)) : false;
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  return probed;
}
