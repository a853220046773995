// Herald in-app inbox client: a dependency-free ES module for the browser.
//
//   import { connectInbox } from '/herald-inbox.js';
//   const inbox = connectInbox({ recipientId: 'user-1' });
//   inbox.onItem((item) => show(item));          // each notification once, live
//   await inbox.markRead(item.id);
//   const unread = await inbox.unreadCount();
//
// Items stream from GET /api/v1/inbox/stream (Server-Sent Events named "item"). Every item
// carries its notificationId; the ids already seen are kept in localStorage (the last 500), so a
// notification replayed after a reconnect or a reload, or seen in another tab, calls back once.
// The last event id is kept too, so a reloaded page resumes where it left off.
// Until Herald has authentication, the inbox's owner is named by recipientId.

export const DEFAULT_MAX_SEEN = 500;

const STREAM = '/api/v1/inbox/stream';
const INBOX = '/api/v1/inbox';

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
 * Connects to a recipient's inbox. Options: recipientId (required), baseUrl ('' = this origin),
 * maxSeen (500), storage (localStorage), and for tests EventSource and fetch.
 */
export function connectInbox({
  recipientId,
  baseUrl = '',
  maxSeen = DEFAULT_MAX_SEEN,
  storage = browserStorage(),
  EventSource = globalThis.EventSource,
  fetch = globalThis.fetch?.bind(globalThis),
} = {}) {
  if (!recipientId) {
    throw new Error('recipientId is required');
  }
  const prefix = `herald-inbox:${recipientId}:`;
  const seen = new SeenIds(storage, `${prefix}seen`, maxSeen);
  const callbacks = new Set();
  const recipient = `recipientId=${encodeURIComponent(recipientId)}`;

  const lastEventId = read(storage, `${prefix}last-event-id`);
  const resume = lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : '';
  const source = new EventSource(`${baseUrl}${STREAM}?${recipient}${resume}`);
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

  async function call(method, path) {
    const response = await fetch(`${baseUrl}${INBOX}${path}`, {
      method,
      headers: { Accept: 'application/json' },
    });
    const body = await response.json();
    if (!response.ok) {
      throw Object.assign(new Error(body.detail ?? `HTTP ${response.status}`), { problem: body });
    }
    return body;
  }

  return {
    /** Calls back with each new item, once per notification; returns a function that unsubscribes. */
    onItem(callback) {
      callbacks.add(callback);
      return () => callbacks.delete(callback);
    },
    /** Marks an item read; resolves to the item. */
    markRead(itemId) {
      return call('POST', `/${encodeURIComponent(itemId)}/read?${recipient}`);
    },
    /** Marks an item unread again; resolves to the item. */
    markUnread(itemId) {
      return call('POST', `/${encodeURIComponent(itemId)}/unread?${recipient}`);
    },
    /** Resolves to the number of unread items. */
    async unreadCount() {
      return (await call('GET', `/unread-count?${recipient}`)).unread;
    },
    /** A page of the inbox, newest first: { items, nextBefore }. */
    list({ unreadOnly = false, before, limit = 20 } = {}) {
      const cursor = before == null ? '' : `&before=${encodeURIComponent(before)}`;
      return call('GET', `?${recipient}&unreadOnly=${unreadOnly}&limit=${limit}${cursor}`);
    },
    /** True when this notification has already been seen here. */
    seen(notificationId) {
      return seen.has(notificationId);
    },
    close() {
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
