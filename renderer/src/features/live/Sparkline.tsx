import { useEffect, useRef } from 'react';
import { useThrottledTelemetryVersion } from '../../hooks/useThrottledTelemetryVersion';
import { telemetryStore } from '../../state/telemetry-store';

const WIDTH = 80;
const HEIGHT = 18;
const SAMPLES = 120;

/** Tiny trend of the last samples of one tag, redrawn at most twice a second. */
export function Sparkline({ tagIndex, low, high }: { tagIndex: number; low: number; high: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const version = useThrottledTelemetryVersion(500);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    if (el.width !== WIDTH * dpr) {
      el.width = WIDTH * dpr;
      el.height = HEIGHT * dpr;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const { v } = telemetryStore.getState().ring.tail(tagIndex, SAMPLES);
    if (v.length < 2) return;
    let min = Infinity;
    let max = -Infinity;
    for (const x of v) {
      if (!Number.isFinite(x)) continue;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (!Number.isFinite(min)) return;
    // Span at least a few percent of the normal band so noise does not look like a swing.
    const minSpan = Math.max((high - low) * 0.05, 1e-6);
    if (max - min < minSpan) {
      const mid = (max + min) / 2;
      min = mid - minSpan / 2;
      max = mid + minSpan / 2;
    }
    const dx = WIDTH / (SAMPLES - 1);
    const x0 = WIDTH - (v.length - 1) * dx;
    const y = (val: number) => HEIGHT - 2 - ((val - min) / (max - min)) * (HEIGHT - 4);
    ctx.strokeStyle = '#5b6068';
    ctx.lineWidth = 1;
    ctx.beginPath();
    let pen = false;
    for (let i = 0; i < v.length; i++) {
      const val = v[i] ?? Number.NaN;
      if (!Number.isFinite(val)) {
        pen = false;
        continue;
      }
      const px = x0 + i * dx;
      if (pen) ctx.lineTo(px, y(val));
      else ctx.moveTo(px, y(val));
      pen = true;
    }
    ctx.stroke();
  }, [version, tagIndex, low, high]);

  return (
    <canvas
      ref={canvas}
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      style={{ width: WIDTH, height: HEIGHT }}
      aria-hidden="true"
    />
  );
}
