import { Grid } from '@react-three/drei';

const FLOOR = '#aab0b5';
const CELL = '#a4aaaf';
const SECTION = '#8d949a';
const SIZE_M = 40;
const CELL_M = 0.5;
const SECTION_M = 2.5;

/**
 * The shop floor under the asset: a matte plane with a grid that fades out. `plain` (low quality): the grid as
 * thin lines (fog fades them) on a Lambert floor, which costs a software renderer a fraction of the shaded grid.
 */
export function Floor({ plain }: { plain: boolean }) {
  return (
    <>
      <mesh rotation-x={-Math.PI / 2} receiveShadow raycast={() => undefined}>
        <planeGeometry args={[80, 80]} />
        {plain ? (
          <meshLambertMaterial color={FLOOR} />
        ) : (
          <meshStandardMaterial color={FLOOR} roughness={0.95} metalness={0} />
        )}
      </mesh>
      {plain ? (
        <group position={[0, 0.002, 0]}>
          <gridHelper args={[SIZE_M, SIZE_M / CELL_M, CELL, CELL]} raycast={() => undefined} />
          <gridHelper
            args={[SIZE_M, SIZE_M / SECTION_M, SECTION, SECTION]}
            position-y={0.001}
            raycast={() => undefined}
          />
        </group>
      ) : (
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
      )}
    </>
  );
}
