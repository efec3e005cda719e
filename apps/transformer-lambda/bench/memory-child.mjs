// Run in a fresh node process by the benchmark: read a worst-case request, answer it with the bundle, and report the
// peak resident set size. With --idle, only import the bundle and read the request (the process's own baseline).
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';

const [bundle, requestFile, mode] = process.argv.slice(2);
const { handler } = await import(bundle);
const event = JSON.parse(readFileSync(requestFile, 'utf8'));
let responseBytes = 0;
let results = {};
if (mode !== '--idle') {
  const response = await handler(event);
  responseBytes = Buffer.byteLength(JSON.stringify(response));
  for (const r of response.records) results[r.result] = (results[r.result] ?? 0) + 1;
}
process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, responseBytes, results })}\n`);
