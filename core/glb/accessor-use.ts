// What each accessor is for, so a message can say "accessor 3 (POSITION of mesh 'Impeller' primitive 0)".
import type { GltfJson } from './gltf-json';

const meshLabel = (name: string | undefined, m: number): string =>
  name === undefined ? `mesh ${m}` : `mesh '${name}'`;

/** First use of each accessor index by a mesh primitive: attribute, indices or morph target. */
export function accessorUses(gltf: GltfJson): Map<number, string> {
  const uses = new Map<number, string>();
  const note = (accessor: number, use: string) => {
    if (!uses.has(accessor)) uses.set(accessor, use);
  };
  gltf.meshes.forEach((mesh, m) => {
    const where = meshLabel(mesh.name, m);
    mesh.primitives.forEach((p, i) => {
      for (const [attribute, a] of Object.entries(p.attributes))
        note(a, `${attribute} of ${where} primitive ${i}`);
      if (p.indices !== undefined) note(p.indices, `indices of ${where} primitive ${i}`);
      p.targets?.forEach((target, t) => {
        for (const [attribute, a] of Object.entries(target))
          note(a, `morph target ${t} ${attribute} of ${where} primitive ${i}`);
      });
    });
  });
  return uses;
}

/** "accessor 3 (POSITION of mesh 'Impeller' primitive 0)", or "accessor 3" when no mesh uses it. */
export function accessorLabel(uses: ReadonlyMap<number, string>, index: number): string {
  const use = uses.get(index);
  return use === undefined ? `accessor ${index}` : `accessor ${index} (${use})`;
}
