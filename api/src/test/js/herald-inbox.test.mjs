// The inbox client's dedup logic, on Node's built-in test runner (node --test). No browser: a fake
// EventSource, fetch and storage stand in. Run by HeraldInboxScriptTest where node is installed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

// The client is an ES module in a .js file (as browsers load it). Node before 20.19 reads a .js file
// without a package.json "type" as CommonJS (Debian 12 ships Node 18), so it is imported from its text.
const source = await readFile(new URL('../../main/resources/static/herald-inbox.js', import.meta.url), 'utf8');
const { connectInbox, SeenIds, readToken } = await import('data:text/javascript,' + encodeURIComponent(source));

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
    this.readyState = 1;
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
  fail() {
    this.readyState = 2;
    (this.listeners.error ?? []).forEach((listener) => listener({}));
  }
  emit(item) {
    const event = { data: JSON.stringify(item), lastEventId: String(item.id) };
    (this.listeners.item ?? []).forEach((listener) => listener(event));
  }
}

function item(id, notificationId) {
  return { id, recipientId: 'user-1', notificationId, title: 't', body: 'b', read: false };
}

/** A token as Herald mints it (the signature is Herald's business: not checked here). */
function tokenFor(recipientId, expiresAtSeconds = 2_000_000_000) {
  const payload = Buffer.from(`${recipientId}\nbackend\n${expiresAtSeconds}`).toString('base64url');
  return `hrt_k1.${payload}.c2ln`;
}

function connect(storage, options = {}) {
  const inbox = connectInbox({ token: tokenFor('user-1'), storage, EventSource: FakeEventSource, fetch: options.fetch,
    setTimeout: () => 0, clearTimeout: () => {}, ...options });
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
  assert.match(reloaded.source.url, /\/api\/v1\/inbox\/stream\?token=hrt_k1\.[A-Za-z0-9_-]+\.c2ln&lastEventId=7$/);
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

test('markRead, markUnread and unreadCount call the API with the token', async () => {
  const calls = [];
  const token = tokenFor('user 1');
  const fetch = async (url, init) => {
    calls.push(`${init.method} ${url} ${init.headers.Authorization === `Bearer ${token}`}`);
    const body = url.includes('unread-count') ? { recipientId: 'user 1', unread: 3 } : item(5, 'n');
    return { ok: true, status: 200, json: async () => body };
  };
  const inbox = connect(new MemoryStorage(), { token, baseUrl: 'http://h', fetch });

  await inbox.inbox.markRead(5);
  await inbox.inbox.markUnread(5);
  assert.equal(await inbox.inbox.unreadCount(), 3);

  assert.equal(inbox.inbox.recipientId, 'user 1');
  assert.deepEqual(calls, [
    'POST http://h/api/v1/inbox/5/read true',
    'POST http://h/api/v1/inbox/5/unread true',
    'GET http://h/api/v1/inbox/unread-count true',
  ]);
});

test('the token is read for its recipient and expiry', () => {
  assert.deepEqual(readToken(tokenFor('ada', 1800000000)),
    { token: tokenFor('ada', 1800000000), recipientId: 'ada', expiresAt: 1800000000000 });
  assert.throws(() => readToken('hk_abcdefgh_secret'), /not a recipient token/);
});

test('a refused token is refreshed once and the call repeated with the new one', async () => {
  const fresh = tokenFor('user-1', 2_100_000_000);
  const used = [];
  const fetch = async (url, init) => {
    used.push(init.headers.Authorization);
    const ok = init.headers.Authorization === `Bearer ${fresh}`;
    return { ok, status: ok ? 200 : 401, json: async () => (ok ? { unread: 1 } : { status: 401, detail: 'expired' }) };
  };
  const { inbox, source } = connect(new MemoryStorage(), { fetch, refreshToken: async () => fresh });

  assert.equal(await inbox.unreadCount(), 1);
  assert.deepEqual(used.slice(1), [`Bearer ${fresh}`]);
  assert.ok(source.closed, 'the stream reopens with the new token');
  assert.ok(FakeEventSource.opened.at(-1).url.includes(encodeURIComponent(fresh)));
});

test('the token is refreshed a minute before it expires, and a closed stream reopens', async () => {
  const timers = [];
  const fresh = tokenFor('user-1', 2_100_000_000);
  const { source } = connect(new MemoryStorage(), {
    token: tokenFor('user-1', 1_000), now: () => 400_000, refreshToken: async () => fresh,
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
  });

  assert.equal(timers[0].ms, 1_000_000 - 400_000 - 60_000);
  source.fail();
  await new Promise((resolve) => setImmediate(resolve));
  assert.ok(FakeEventSource.opened.at(-1).url.includes(encodeURIComponent(fresh)));
});

test('an error answer rejects with the problem detail', async () => {
  const fetch = async () => ({ ok: false, status: 404, json: async () => ({ status: 404, detail: 'no item 9' }) });
  const { inbox } = connect(new MemoryStorage(), { fetch });

  await assert.rejects(inbox.markRead(9), (e) => e.message === 'no item 9' && e.problem.status === 404);
});
