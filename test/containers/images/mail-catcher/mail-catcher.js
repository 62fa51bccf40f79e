// A mail catcher with mailpit's readiness and message-list endpoints: every message accepted on
// SMTP port 1025 is kept in memory and listed at GET http://…:8025/api/v1/messages.
/* global Buffer, URL */
'use strict';
const http = require('node:http');
const { SMTPServer } = require('smtp-server');

const messages = [];

/** The header block of a raw message, folded lines joined, names in lower case. */
function headers(raw) {
  const block = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, ' ');
  const found = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) found[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return found;
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const header = headers(raw);
      messages.unshift({
        ID: String(messages.length + 1),
        From: { Address: session.envelope.mailFrom ? session.envelope.mailFrom.address : '' },
        To: session.envelope.rcptTo.map((rcpt) => ({ Address: rcpt.address })),
        Subject: header.subject || '',
        Created: new Date().toISOString(),
        Size: raw.length,
        Snippet: raw
          .slice(raw.search(/\r?\n\r?\n/))
          .trim()
          .slice(0, 200),
      });
      callback();
    });
  },
});

const web = http.createServer((request, response) => {
  const path = new URL(request.url, 'http://catcher').pathname;
  if (path === '/readyz') return response.writeHead(200).end('ok');
  if (path === '/api/v1/messages') {
    response.writeHead(200, { 'content-type': 'application/json' });
    return response.end(JSON.stringify({ total: messages.length, count: messages.length, messages }));
  }
  if (path === '/') {
    response.writeHead(200, { 'content-type': 'text/html' });
    return response.end(`<!doctype html><title>Mail catcher</title><p>${messages.length} messages</p>`);
  }
  response.writeHead(404).end();
});

smtp.listen(1025, '0.0.0.0');
web.listen(8025, '0.0.0.0');
const stop = () => smtp.close(() => web.close(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
