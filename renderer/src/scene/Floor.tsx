import type * as THREE from 'three';
import { useEffect, useMemo } from 'react';
import { Grid } from '@react-three/drei';
import { plainGrid } from './plain-grid';

const FLOOR = '#aab0b5';
const CELL = '#a4aaaf';
const SECTION = '#8d949a';
const SIZE_M = 40;
const CELL_M = 0.5;
const SECTION_M = 2.5;

/**
 * The shop floor under the asset: a matte plane with a grid that fades out. `plain` (low quality): the grid alone
 * as thin lines (fog fades them), cells and sections in one draw, over the background, which is the floor's grey
 * within a few levels: a software renderer pays for every pixel a filled plane covers.
 */
export function Floor({ plain }: { plain: boolean }) {
  if (plain) return <PlainGrid />;
  return (
    <>
      <mesh rotation-x={-Math.PI / 2} receiveShadow raycast={() => undefined}>
        <planeGeometry args={[80, 80]} />
        <meshStandardMaterial color={FLOOR} roughness={0.95} metalness={0} />
      </mesh>
      <Grid
        position={[0, 0.002, 0]}
        args={[SIZE_M, SIZE_M]}
        cellSize={CELL_M}
        cellThickness={0.6}
        cellColor={CELL}
        sectionSize={SECTION_M}
        sectionThickness={1}
        sectionColor={SECTION}
        fadeDistance={28}
        fadeStrength={1.6}
        infiniteGrid
        raycast={() => undefined}
      />
    </>
  );
}

function PlainGrid() {
  const lines = useMemo(
    () =>
      plainGrid(SIZE_M, [
        { cell: CELL_M, color: CELL, lift: 0.002 },
        { cell: SECTION_M, color: SECTION, lift: 0.003 },
      ]),
    [],
  );
  useEffect(
    () => () => {
      lines.geometry.dispose();
      (lines.material as THREE.Material).dispose();
    },
    [lines],
  );
  return <primitive object={lines} />;
}
