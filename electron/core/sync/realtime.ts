import { createParser } from 'eventsource-parser';
import type { TokenSource } from './platform-client';
import { backoffDelay } from './retry-policy';

export type Realtime = { stop(): void };

/** The platform sends a heartbeat comment every 15 s: three missed in a row and the stream is taken for dead. */
export const defaultIdleTimeoutMs = 45_000;
/** An event (or a line) longer than this is no notification of ours: the stream is dropped instead of buffered. */
const maxEventChars = 64 * 1024;

/**
 * Listens to the platform's Server-Sent Events and calls onChanges when the feed has news; the pull does
 * the rest. Reconnects with backoff; a 401 refreshes the token once per connection attempt. A stream that
 * stays silent longer than idleTimeoutMs (no event, no heartbeat, not even headers: a half-open TCP
 * connection after a network change looks exactly like this) is dropped and opened again.
 */
export const startRealtime = (options: {
  baseUrl: string;
  tokens: TokenSource;
  onChanges: () => void;
  onConnection: (connected: boolean) => void;
  fetch?: typeof fetch;
  idleTimeoutMs?: number;
}): Realtime => {
  const doFetch = options.fetch ?? fetch;
  const idleTimeoutMs = options.idleTimeoutMs ?? defaultIdleTimeoutMs;
  let stopped = false;
  let controller: AbortController | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failures = 0;

  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(connect, backoffDelay(Math.min(failures++, 8)) + 250);
  };

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const connection = new AbortController();
    controller = connection;
    // The watchdog: re-armed by every byte that arrives; when it fires, the fetch or the read below fails.
    let watchdog = setTimeout(() => connection.abort(), idleTimeoutMs);
    const feedWatchdog = (): void => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => connection.abort(), idleTimeoutMs);
    };
    try {
      let response = await open(connection.signal);
      if (response.status === 401 && (await options.tokens.refresh()).kind === 'refreshed') response = await open(connection.signal);
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new Error(`events: HTTP ${response.status}`);
      }
      feedWatchdog();
      failures = 0;
      options.onConnection(true);
      // Whatever happened while we were away is in the feed: pull once on every (re)connect.
      options.onChanges();
      const parser = createParser({
        maxBufferSize: maxEventChars,
        onEvent: (event) => {
          // A flood of events costs one flag each: requestSync coalesces them into at most one pull more.
          if (event.event === 'changes') options.onChanges();
        },
        onError: (error) => {
          if (error.type === 'max-buffer-size-exceeded') connection.abort();
        },
      });
      const decoder = new TextDecoder();
      for await (const chunk of response.body) {
        feedWatchdog();
        parser.feed(decoder.decode(chunk, { stream: true }));
        if (connection.signal.aborted) break;
      }
    } catch {
      // Dropped, refused, silent too long or aborted: fall through to reconnect.
    } finally {
      clearTimeout(watchdog);
    }
    // A stream we broke off ourselves (break) still holds its socket until it is aborted.
    connection.abort();
    if (!stopped) {
      options.onConnection(false);
      schedule();
    }
  };

  const open = async (signal: AbortSignal): Promise<Response> => {
    const token = await options.tokens.getAccessToken();
    return doFetch(new URL('/v1/events', options.baseUrl), {
      headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      signal,
    });
  };

  void connect();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      controller?.abort();
    },
  };
};
