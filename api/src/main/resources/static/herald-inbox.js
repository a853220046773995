// Herald in-app inbox client: a dependency-free ES module for the browser.
//
//   import { connectInbox } from '/herald-inbox.js';
//   const inbox = connectInbox({ token, refreshToken: () => myBackend.heraldToken() });
//   inbox.onItem((item) => show(item));          // each notification once, live
//   await inbox.markRead(item.id);
//   const unread = await inbox.unreadCount();
//
// Items stream from GET /api/v1/inbox/stream (Server-Sent Events named "item"). Every item
// carries its notificationId; the ids already seen are kept in localStorage (the last 500), so a
// notification replayed after a reconnect or a reload, or seen in another tab, calls back once.
// The last event id is kept too, so a reloaded page resumes where it left off.
// The recipient is the one of the token: a short-lived recipient token that the page's backend
// mints with its API key (POST /api/v1/recipients/{id}/token) and hands to the page. The token goes
// as ?token= on the stream (EventSource sends no headers) and as a bearer token on the other calls.
// refreshToken (optional, async: resolves to a new token) is called a minute before the token
// expires and when an answer says it no longer holds; the stream then reopens with the new one.

export const DEFAULT_MAX_SEEN = 500;

const STREAM = '/api/v1/inbox/stream';
const INBOX = '/api/v1/inbox';
const REFRESH_BEFORE_MS = 60_000;
const RETRY_REFRESH_MS = 30_000;

/**
 * What a recipient token says: hrt_<key id>.<base64url of "recipient\nsender\nexpiry seconds">.<signature>.
 * Read here for the recipient and the expiry only; Herald checks the signature.
 */
export function readToken(token) {
  const payload = String(token).split('.')[1];
  if (!String(token).startsWith('hrt_') || !payload) {
    throw new Error('not a recipient token: mint one with POST /api/v1/recipients/{id}/token');
  }
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  const [recipientId, , expiry] = new TextDecoder().decode(bytes).split('\n');
  return { token, recipientId, expiresAt: Number(expiry) * 1000 };
}

/** A bounded, persisted set of notification ids, oldest dropped first. */
export class SeenIds {
  constructor(storage, key, max = DEFAULT_MAX_SEEN) {
    this.storage = storage;
    this.key = key;
    this.max = max;
    this.ids = this.load();
  }

  has(id) {
    return this.ids.includes(id);
  }

  /** Remembers the id; false when it was already seen (a repeat to ignore). */
  add(id) {
    this.ids = this.load(); // another tab may have added some
    if (this.ids.includes(id)) {
      return false;
    }
    this.ids.push(id);
    if (this.ids.length > this.max) {
      this.ids.splice(0, this.ids.length - this.max);
    }
    this.save();
    return true;
  }

  load() {
    if (!this.storage) {
      return this.ids ?? []; // no storage: remember for this page only
    }
    try {
      const stored = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(stored) ? stored.slice(-this.max) : [];
    } catch {
      return this.ids ?? []; // unreadable storage: remember for this page only
    }
  }

  save() {
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.ids));
    } catch {
      // storage full or disabled: the ids stay in memory
    }
  }
}

/**
 * Connects to a recipient's inbox. Options: token (required: a recipient token), refreshToken (an
 * async function resolving to a new token), baseUrl ('' = this origin), maxSeen (500), storage
 * (localStorage), and for tests EventSource, fetch, setTimeout, clearTimeout and now.
 */
export function connectInbox({
  token,
  refreshToken,
  baseUrl = '',
  maxSeen = DEFAULT_MAX_SEEN,
  storage = browserStorage(),
  EventSource = globalThis.EventSource,
  fetch = globalThis.fetch?.bind(globalThis),
  setTimeout = globalThis.setTimeout?.bind(globalThis),
  clearTimeout = globalThis.clearTimeout?.bind(globalThis),
  now = Date.now,
} = {}) {
  if (!token) {
    throw new Error('token is required: a recipient token from POST /api/v1/recipients/{id}/token');
  }
  let current = readToken(token);
  const prefix = `herald-inbox:${current.recipientId}:`;
  const seen = new SeenIds(storage, `${prefix}seen`, maxSeen);
  const callbacks = new Set();
  let source = null;
  let timer = null;
  let closed = false;

  function open() {
    const lastEventId = read(storage, `${prefix}last-event-id`);
    const resume = lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : '';
    source = new EventSource(`${baseUrl}${STREAM}?token=${encodeURIComponent(current.token)}${resume}`);
    source.addEventListener('item', (event) => {
      const item = JSON.parse(event.data);
      if (event.lastEventId) {
        write(storage, `${prefix}last-event-id`, event.lastEventId);
      }
      if (!seen.add(item.notificationId)) {
        return;
      }
      for (const callback of callbacks) {
        callback(item);
      }
    });
    // EventSource gives up (CLOSED) on an error answer such as 401: a new token, then a new stream
    source.addEventListener('error', () => {
      if (source.readyState === 2 && refreshToken && !closed) {
        renew();
      }
    });
  }

  function schedule() {
    if (refreshToken && setTimeout) {
      timer = setTimeout(renew, Math.max(0, current.expiresAt - now() - REFRESH_BEFORE_MS));
    }
  }

  async function renew() {
    clearTimeout?.(timer);
    try {
      current = readToken(await refreshToken());
    } catch {
      timer = setTimeout?.(renew, RETRY_REFRESH_MS);
      return false;
    }
    if (!closed) {
      source?.close();
      open();
      schedule();
    }
    return true;
  }

  async function call(method, path, retried = false) {
    const response = await fetch(`${baseUrl}${INBOX}${path}`, {
      method,
      headers: { Accept: 'application/json', Authorization: `Bearer ${current.token}` },
    });
    if (response.status === 401 && refreshToken && !retried && (await renew())) {
      return call(method, path, true);
    }
    const body = await response.json();
    if (!response.ok) {
      throw Object.assign(new Error(body.detail ?? `HTTP ${response.status}`), { problem: body });
    }
    return body;
  }

  open();
  schedule();
  return {
    /** The recipient of the token. */
    recipientId: current.recipientId,
    /** Calls back with each new item, once per notification; returns a function that unsubscribes. */
    onItem(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    /** Marks an item read; resolves to the item. */
    markRead(itemId) {
      return call('POST', `/${encodeURIComponent(itemId)}/read`);
    },
    /** Marks an item unread again; resolves to the item. */
    markUnread(itemId) {
      return call('POST', `/${encodeURIComponent(itemId)}/unread`);
    },
    /** Resolves to the number of unread items. */
    async unreadCount() {
      return (await call('GET', '/unread-count')).unread;
    },
    /** A page of the inbox, newest first: { items, nextBefore }. */
    list({ unreadOnly = false, before, limit = 20 } = {}) {
      const cursor = before == null ? '' : `&before=${encodeURIComponent(before)}`;
      return call('GET', `?unreadOnly=${unreadOnly}&limit=${limit}${cursor}`);
    },
    /** True when this notification has already been seen here. */
    seen(notificationId) {
      return seen.has(notificationId);
    },
    close() {
      closed = true;
      clearTimeout?.(timer);
      source.close();
      callbacks.clear();
    },
  };
}

/** localStorage, or undefined where the browser refuses it (then ids are kept for the page only). */
function browserStorage() {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function read(storage, key) {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    storage?.setItem(key, value);
  } catch {
    // storage full or disabled
  }
}
