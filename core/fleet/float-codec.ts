/** Float32 arrays as base64 text, so large numeric columns cross the JSON API compactly and exactly. */

const CHUNK = 0x8000;

export function encodeFloat32(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let bin = '';
  for (let i = 0; i < bytes.length; i += CHUNK)
    bin += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
  return btoa(bin);
}

export function decodeFloat32(text: string): Float32Array {
  const bin = atob(text);
  if (bin.length % 4 !== 0)
    throw new Error(`encoded float array has ${bin.length} bytes, not a multiple of 4`);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}
