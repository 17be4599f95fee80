import { CompareOverlay } from '../features/whatif/compare/CompareOverlay';
import { CompareRenderer } from '../features/whatif/compare/CompareRenderer';
import { whatIfSceneFeed } from '../features/whatif/compare/scene-feed';
import { TwinScene } from '../scene/TwinScene';
import { useLocalizedAsset } from '../hooks/use-localized-asset';
import '../features/whatif/compare/compare.css';

/** The 3D twin with the what-if's split view and change coloring plugged in. */
export function TwinView({ active }: { active: boolean }) {
  // The overlay names parts and tags: in the active language.
  const asset = useLocalizedAsset();
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
