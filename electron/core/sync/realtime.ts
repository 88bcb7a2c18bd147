import { createParser } from 'eventsource-parser';
import type { TokenSource } from './platform-client';
import { backoffDelay } from './retry-policy';

export type Realtime = { stop(): void };

/**
 * Listens to the platform's Server-Sent Events and calls onChanges when the feed has news; the pull does
 * the rest. Reconnects with backoff; a 401 refreshes the token once per connection attempt.
 */
export const startRealtime = (options: {
  baseUrl: string;
  tokens: TokenSource;
  onChanges: () => void;
  onConnection: (connected: boolean) => void;
  fetch?: typeof fetch;
}): Realtime => {
  const doFetch = options.fetch ?? fetch;
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
    controller = new AbortController();
    try {
      let response = await open(controller.signal);
      if (response.status === 401 && (await options.tokens.refresh())) response = await open(controller.signal);
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new Error(`events: HTTP ${response.status}`);
      }
      failures = 0;
      options.onConnection(true);
      // Whatever happened while we were away is in the feed: pull once on every (re)connect.
      options.onChanges();
      const parser = createParser({
        onEvent: (event) => {
          if (event.event === 'changes') options.onChanges();
        },
      });
      const decoder = new TextDecoder();
      for await (const chunk of response.body) parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // Dropped, refused or aborted: fall through to reconnect.
    }
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
