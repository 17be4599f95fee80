/**
 * Writes assets/examples/pump-skid-glb/pump-skid.glb: the procedural pump skid exported as a binary
 * glTF, as an example of an asset whose 3D model is a file. Every asset node becomes a group named
 * after it (the name the asset's component `nodes` use) holding that node's meshes; PBR materials,
 * the paint/x-ray flags (glTF extras), the spinning rotor ("rotor") and the tank liquid
 * ("tank-liquid") are kept. Reproducible: the same code gives the same bytes.
 * Usage: npx vite-node scripts/export-glb.ts [out.glb]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as THREE from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { mergeVertices } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { buildPumpSkid } from '../renderer/src/scene/pump-skid';

/** The exporter reads its output through FileReader, which Node lacks; Blob is built in. */
class NodeFileReader {
  result: ArrayBuffer | null = null;
  onloadend: (() => void) | null = null;
  readAsArrayBuffer(blob: Blob): void {
    void blob.arrayBuffer().then((buffer) => {
      this.result = buffer;
      this.onloadend?.();
    });
  }
}
(globalThis as { FileReader?: unknown }).FileReader ??= NodeFileReader;

const outFile = path.resolve(process.argv[2] ?? 'assets/examples/pump-skid-glb/pump-skid.glb');

/** Mesh name safe through glTF loaders, which drop "/", ".", ":" and brackets from names. */
const safeName = (name: string) => name.replace(/[/.:[\]\s]+/g, '-');

/** Shares vertices again (the builder merges unindexed) so the file is about a third the size. */
function compact(mesh: THREE.Mesh): void {
  const indexed = mergeVertices(mesh.geometry, 1e-5);
  mesh.geometry.dispose();
  mesh.geometry = indexed;
}

/** Materials keep color, metalness, roughness and opacity; the in-memory bookkeeping is dropped. */
function cleanMaterial(mesh: THREE.Mesh): void {
  const m = mesh.material as THREE.MeshStandardMaterial;
  m.userData = {};
  // Textures need a canvas to encode, which Node lacks; the coupling guard's perforation is lost.
  m.alphaMap = null;
  m.alphaTest = 0;
}

function exportTree(): THREE.Group {
  const model = buildPumpSkid();
  const root = new THREE.Group();
  root.name = 'pump-skid';
  const groups = new Map<string, THREE.Group>();
  for (const mesh of [...model.parts.children]) {
    if (!(mesh instanceof THREE.Mesh)) continue;
    const node = mesh.userData.node as string | null;
    const mat = (mesh.material as THREE.Material).name;
    mesh.name = safeName(node ? `${node}-${mat}` : `decor-${mat}`);
    mesh.userData = { paint: mesh.userData.paint as boolean, xray: mesh.userData.xray as boolean };
    compact(mesh);
    cleanMaterial(mesh);
    if (!node) {
      root.add(mesh);
      continue;
    }
    let group = groups.get(node);
    if (!group) {
      group = new THREE.Group();
      group.name = node;
      groups.set(node, group);
      root.add(group);
    }
    group.add(mesh);
  }
  model.rotor.name = 'rotor';
  model.rotor.traverse((o) => {
    if (!(o instanceof THREE.Mesh)) return;
    o.name = safeName(`rotor-${(o.material as THREE.Material).name}`);
    o.userData = {};
    compact(o);
    cleanMaterial(o);
  });
  model.liquid.name = 'tank-liquid';
  cleanMaterial(model.liquid);
  root.add(model.rotor, model.liquid);
  return root;
}

const glb = (await new GLTFExporter().parseAsync(exportTree(), { binary: true })) as ArrayBuffer;
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, new Uint8Array(glb));
console.log(`wrote ${path.relative(process.cwd(), outFile)}: ${(glb.byteLength / 1e6).toFixed(2)} MB`);
