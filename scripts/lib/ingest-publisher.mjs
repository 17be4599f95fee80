// Child process of `npm run bench:ingest`: publishes wide JSON messages to a broker at a steady rate, apart from
// the process that measures, so the two do not share an event loop.
//   node scripts/lib/ingest-publisher.mjs <brokerUrl> <topic> <tags> <messagesPerSecond> <seconds>
// Prints one JSON line when done: {"published": n, "firstTs": ms, "lastTs": ms}.
import mqtt from 'mqtt';

const [url, topic, tagsText, rateText, secondsText] = process.argv.slice(2);
const tags = Number(tagsText);
const rate = Number(rateText);
const seconds = Number(secondsText);
const client = await mqtt.connectAsync(url, {
  clientId: `twinscape-bench-publisher-${process.pid}`,
  clean: true,
});

const TICK_MS = 10;
const total = Math.round(rate * seconds);
let published = 0;
let firstTs = null;
let lastTs = 0;
const started = performance.now();
const values = Array.from({ length: tags }, () => 0);

await new Promise((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    for (; published < due; published++) {
      // Distinct source times: one row per message even when several leave within a millisecond.
      const ts = Math.max(Date.now(), lastTs + 1);
      firstTs ??= ts;
      lastTs = ts;
      for (let k = 0; k < tags; k++) values[k] = Math.sin(published / 50 + k) * 100;
      client.publish(topic, JSON.stringify({ ts, v: values }), { qos: 1 });
    }
    if (published >= total) {
      clearInterval(timer);
      resolve();
    }
  }, TICK_MS);
});
await client.endAsync();
console.log(JSON.stringify({ published, firstTs, lastTs }));
