/** Renderer and adapter names of software rasterisers: SwiftShader (Chromium), llvmpipe (Mesa), WARP (Windows). */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|\bwarp\b|basic render driver/i;

/** Whether a WebGL renderer string or a WebGPU adapter name is a CPU emulation of a GPU. */
export const rendererIsSoftware = (renderer: string): boolean => SOFTWARE.test(renderer);
