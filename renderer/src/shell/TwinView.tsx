import { CompareOverlay } from '../features/whatif/compare/CompareOverlay';
import { CompareRenderer } from '../features/whatif/compare/CompareRenderer';
import { whatIfSceneFeed } from '../features/whatif/compare/scene-feed';
import { TwinScene } from '../scene/TwinScene';
import { useSession } from '../state/use-store';
import '../features/whatif/compare/compare.css';

/** The 3D twin with the what-if's split view and change coloring plugged in. */
export function TwinView({ active }: { active: boolean }) {
  const asset = useSession((s) => s.session?.asset ?? null);
  return (
    <TwinScene
      active={active}
      feed={whatIfSceneFeed}
      splitView={(scene) => (
        <CompareRenderer model={scene.model} comps={scene.comps} asset={scene.asset} merged={scene.merged} />
      )}
      splitOverlay={<CompareOverlay asset={asset} />}
    />
  );
}
