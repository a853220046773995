// The inbox client's dedup logic, on Node's built-in test runner (node --test). No browser: a fake
// EventSource, fetch and storage stand in. Run by HeraldInboxScriptTest where node is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

// The client is an ES module in a .js file (as browsers load it). Node before 20.19 reads a .js file
// without a package.json "type" as CommonJS (Debian 12 ships Node 18), so it is imported from its text.
const source = await readFile(new URL('../../main/resources/static/herald-inbox.js', import.meta.url), 'utf8');
const { connectInbox, SeenIds } = await import('data:text/javascript,' + encodeURIComponent(source));

class MemoryStorage {
  constructor() {
    this.values = new Map();
  }
  getItem(key) {
    return this.values.has(key) ? this.values.get(key) : null;
  }
  setItem(key, value) {
    this.values.set(key, String(value));
  }
}

class FakeEventSource {
  static opened = [];
  constructor(url) {
    this.url = url;
    this.listeners = {};
    this.closed = false;
    FakeEventSource.opened.push(this);
  }
  addEventListener(name, listener) {
    (this.listeners[name] ??= []).push(listener);
  }
  close() {
    this.closed = true;
  }
  emit(item) {
    const event = { data: JSON.stringify(item), lastEventId: String(item.id) };
    (this.listeners.item ?? []).forEach((listener) => listener(event));
  }
}

function item(id, notificationId) {
  return { id, recipientId: 'user-1', notificationId, title: 't', body: 'b', read: false };
}

function connect(storage, options = {}) {
  const inbox = connectInbox({ recipientId: 'user-1', storage, EventSource: FakeEventSource, fetch: options.fetch, ...options });
  return { inbox, source: FakeEventSource.opened.at(-1) };
}

test('a repeated notification calls back once', () => {
  const { inbox, source } = connect(new MemoryStorage());
  const received = [];
  inbox.onItem((i) => received.push(i.id));

  source.emit(item(1, 'notification-a'));
  source.emit(item(1, 'notification-a'));
  source.emit(item(2, 'notification-b'));

  assert.deepEqual(received, [1, 2]);
});

test('seen ids survive a reload and the stream resumes after the last event', () => {
  const storage = new MemoryStorage();
  const first = connect(storage);
  first.source.emit(item(7, 'notification-c'));
  first.inbox.close();

  const reloaded = connect(storage);
  const received = [];
  reloaded.inbox.onItem((i) => received.push(i.notificationId));
  reloaded.source.emit(item(7, 'notification-c'));
  reloaded.source.emit(item(8, 'notification-d'));

  assert.ok(first.source.closed);
  assert.match(reloaded.source.url, /\/api\/v1\/inbox\/stream\?recipientId=user-1&lastEventId=7$/);
  assert.deepEqual(received, ['notification-d']);
});

test('the seen ids are bounded, oldest dropped first', () => {
  const storage = new MemoryStorage();
  const seen = new SeenIds(storage, 'k', 3);
  ['a', 'b', 'c', 'd'].forEach((id) => assert.equal(seen.add(id), true));

  assert.deepEqual(JSON.parse(storage.getItem('k')), ['b', 'c', 'd']);
  assert.equal(new SeenIds(storage, 'k', 3).has('a'), false);
  assert.equal(seen.add('d'), false);
});

test('the default bound is 500 notifications', () => {
  const storage = new MemoryStorage();
  const { inbox, source } = connect(storage);
  for (let i = 0; i < 501; i++) {
    source.emit(item(i, `n-${i}`));
  }
  inbox.close();

  const stored = JSON.parse(storage.getItem('herald-inbox:user-1:seen'));
  assert.equal(stored.length, 500);
  assert.equal(stored[0], 'n-1');
});

test('without storage, repeats are still ignored within the page', () => {
  const { inbox, source } = connect(undefined);
  const received = [];
  inbox.onItem((i) => received.push(i.id));

  source.emit(item(1, 'notification-e'));
  source.emit(item(1, 'notification-e'));

  assert.deepEqual(received, [1]);
});

test('markRead, markUnread and unreadCount call the recipient-scoped API', async () => {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push(`${init.method} ${url}`);
    const body = url.includes('unread-count') ? { recipientId: 'user 1', unread: 3 } : item(5, 'n');
    return { ok: true, status: 200, json: async () => body };
  };
  const inbox = connectInbox({ recipientId: 'user 1', baseUrl: 'http://h', storage: new MemoryStorage(),
    EventSource: FakeEventSource, fetch });

  await inbox.markRead(5);
  await inbox.markUnread(5);
  assert.equal(await inbox.unreadCount(), 3);

  assert.deepEqual(calls, [
    'POST http://h/api/v1/inbox/5/read?recipientId=user%201',
    'POST http://h/api/v1/inbox/5/unread?recipientId=user%201',
    'GET http://h/api/v1/inbox/unread-count?recipientId=user%201',
  ]);
});

test('an error answer rejects with the problem detail', async () => {
  const fetch = async () => ({ ok: false, status: 404, json: async () => ({ status: 404, detail: 'no item 9' }) });
  const inbox = connectInbox({ recipientId: 'u', storage: new MemoryStorage(), EventSource: FakeEventSource, fetch });

  await assert.rejects(inbox.markRead(9), (e) => e.message === 'no item 9' && e.problem.status === 404);
});
