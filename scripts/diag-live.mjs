import WebSocket from 'ws';
import { launchChromium, openApp, startWebServer } from './lib/web-session.mjs';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function call(baseUrl, calls) {
  const socket = new WebSocket(new URL('api', baseUrl.replace(/^http/, 'ws')), { origin: new URL(baseUrl).origin });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  for (const [id, c] of calls.entries()) {
    socket.send(JSON.stringify({ id, ...c }));
    await new Promise((resolve) => socket.on('message', (d) => { const m = JSON.parse(d.toString()); if (m.kind === 'result' && m.id === id) resolve(); }));
  }
  socket.close();
}
const speed = process.argv[2] ?? '1000';
const server = await startWebServer(['--speed', speed]);
const browser = await launchChromium();
const dump = async (page, label) => {
  const s = await page.evaluate(() => { const st = window.__twinscape.inference.state(); return { status: st.status, backend: st.backend, comps: st.components, anomaly: st.anomaly ? Array.from(st.anomaly) : null, fp: st.faultProbs, ft: st.faultType, at: st.at ?? st.time ?? null, msg: st.message }; });
  console.log(label, JSON.stringify(s));
};
try {
  const page = await openApp(browser, server.url);
  await sleep(4000);
  await dump(page, 'before');
  await call(server.url, [{ method: 'injectFault', payload: { faultId: 'bearing_wear', severity: 0.55, growthPerHour: 0.2 } }]);
  for (let i = 0; i < 6; i++) { await sleep(1000); await dump(page, `after ${i + 1}s`); }
  await call(server.url, [{ method: 'simCommand', payload: { kind: 'speed', speed: 10 } }]);
  for (let i = 0; i < 4; i++) { await sleep(2000); await dump(page, `slow ${i}`); }
} finally { await browser.close(); server.stop(); }
