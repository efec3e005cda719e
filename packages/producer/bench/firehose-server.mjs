// A bare local Firehose endpoint for the throughput benchmark, run as a child process so that serving shares
// neither the event loop nor the CPU accounting of the process being measured. Answers PutRecordBatch
// (AWS JSON 1.1) with a RecordId for every record and counts records, bytes and events (newlines), which the
// benchmark checks after each run.
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';

let totals = { requests: 0, records: 0, bytes: 0, events: 0 };
let nextId = 0;

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    if (req.headers['x-amz-target'] !== 'Firehose_20150804.PutRecordBatch') {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'UnknownOperationException', message: String(req.headers['x-amz-target']) }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const entries = [];
    for (const record of body.Records) {
      const data = Buffer.from(record.Data, 'base64');
      totals.records += 1;
      totals.bytes += data.length;
      for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) totals.events += 1;
      nextId += 1;
      entries.push({ RecordId: `r${nextId}` });
    }
    totals.requests += 1;
    const text = JSON.stringify({ FailedPutCount: 0, Encrypted: false, RequestResponses: entries });
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  });
});

process.on('message', (message) => {
  if (message === 'totals') {
    process.send({ totals });
    totals = { requests: 0, records: 0, bytes: 0, events: 0 };
  } else if (message === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
