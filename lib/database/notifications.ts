import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/database-url";

/**
 * PostgreSQL notifications (LISTEN/NOTIFY) for this process: ONE listening connection, shared by
 * every subscriber (webhook deliveries woken at commit, API keys revoked in another process),
 * opened on the first subscription and reconnected when it breaks. A notification sent while the
 * connection was down is lost, so each subscriber hears when listening starts or stops and treats
 * a gap as "anything may have changed".
 */
export interface Subscriber {
  /** A notification on the channel, with its payload. */
  notified(payload: string): void;
  /** Listening started (true: what was missed must be caught up) or stopped (false). */
  listening?(live: boolean): void;
}

const RECONNECT_MS = 1000;

interface Listener {
  client: pg.Client | undefined;
  live: boolean;
  subscribers: Map<string, Set<Subscriber>>;
}

// On globalThis: the custom server and Next's bundles load this module apart, and one process
// needs one listening connection.
const globalForNotifications = globalThis as unknown as { axisfiNotifications?: Listener };
const listener = (globalForNotifications.axisfiNotifications ??= {
  client: undefined,
  live: false,
  subscribers: new Map(),
});

function tellAll(live: boolean): void {
  listener.live = live;
  for (const subscribers of listener.subscribers.values()) {
    for (const subscriber of subscribers) subscriber.listening?.(live);
  }
}

async function connect(): Promise<void> {
  if (listener.client || listener.subscribers.size === 0) return;
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: "axisfi-notifications" });
  listener.client = client;
  const reconnect = () => {
    if (listener.client !== client) return;
    listener.client = undefined;
    if (listener.live) tellAll(false);
    void client.end().catch(() => undefined);
    setTimeout(() => void connect(), RECONNECT_MS).unref();
  };
  client.on("error", reconnect);
  client.on("end", reconnect);
  client.on("notification", (message) => {
    for (const subscriber of listener.subscribers.get(message.channel) ?? [])
      subscriber.notified(message.payload ?? "");
  });
  try {
    await client.connect();
    // A process with nothing else to do may exit while listening.
    (client as pg.Client & { unref(): void }).unref();
    for (const channel of listener.subscribers.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    if (listener.client === client) tellAll(true);
  } catch {
    reconnect();
  }
}

/**
 * Hears `channel` until the returned function is called. `listening(true)` comes once the
 * connection listens (at once when it already does); subscribers that arrive while it is up
 * start listening on their channel too.
 */
export function subscribe(channel: string, subscriber: Subscriber): () => void {
  const known = listener.subscribers.get(channel);
  const subscribers = known ?? new Set<Subscriber>();
  subscribers.add(subscriber);
  listener.subscribers.set(channel, subscribers);
  if (!listener.client) void connect();
  else if (!known) {
    const client = listener.client;
    void client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).then(
      () => subscriber.listening?.(listener.live && listener.client === client),
      () => undefined,
    );
  } else if (listener.live) subscriber.listening?.(true);
  return () => {
    subscribers.delete(subscriber);
    if (subscribers.size === 0) listener.subscribers.delete(channel);
    if (listener.subscribers.size === 0 && listener.client) {
      const client = listener.client;
      listener.client = undefined;
      listener.live = false;
      void client.end().catch(() => undefined);
    }
  };
}
