import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { MessageHit, MessageItem, ThreadSummary } from '../../../../shared/contract/messages';
import { useClient } from '../../app/client-context';
import { typingSaveTiming } from '../../components/save-scheduler';
import { useDebouncedSave } from '../../components/use-debounced-save';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';
import { createPagedWindow, type PagedWindow } from '../feed/project-window';

const useRerender = (): (() => void) => useReducer((count: number) => count + 1, 0)[1];

/** All conversations, newest first, paged as they scroll into view; refreshed by sync and local sends. */
export const useThreads = (accountIds: readonly string[] = []): { threads: PagedWindow<ThreadSummary>; failed: boolean } => {
  const client = useClient();
  // One window per filter's value (not per render's new array).
  const accountsKey = accountIds.join(',');
  const rerender = useRerender();
  const [failed, setFailed] = useState(false);
  const threads = useMemo(
    () =>
      createPagedWindow<ThreadSummary>(
        (offset, limit) => client.messages.listThreads({ offset, limit, accountIds: accountsKey === '' ? [] : accountsKey.split(',') }),
        () => {
          setFailed(false);
          rerender();
        },
        () => setFailed(true),
      ),
    [client, accountsKey, rerender],
  );
  useEffect(() => {
    threads.ensureRange(0, 0);
    // A pull, a local send, or a queued send accepted or refused (the core says so per write).
    return client.on('messagesChanged', () => threads.invalidate());
  }, [client, threads]);
  return { threads, failed };
};

/** One conversation: its header, its messages (paged: 10,000 stay smooth), read marking, sending and retrying. */
export const useConversation = (threadId: string | null) => {
  const client = useClient();
  const rerender = useRerender();
  const loaded = useCoreQuery(threadId === null ? null : ['messages.getThread', threadId], (core, [, id]) => core.messages.getThread({ id }), {
    invalidatedBy: ['messagesChanged'],
  });
  const thread = threadId === null || loaded.status === 'loading' ? undefined : (loaded.data ?? null);
  const messages = useMemo(
    () =>
      threadId
        ? createPagedWindow<MessageItem>(
            (offset, limit) => client.messages.listMessages({ threadId, offset, limit }),
            rerender,
            () => undefined,
          )
        : null,
    [client, threadId, rerender],
  );
  const markRead = useCoreAction((core, id: string) => core.messages.markThreadRead({ id })).run;
  const unread = thread ? thread.unreadCount > 0 : false;
  useEffect(() => {
    if (threadId && unread) void markRead(threadId);
  }, [threadId, unread, markRead]);
  useEffect(() => {
    if (!threadId || !messages) return;
    messages.ensureRange(0, 0);
    // A pending message turns sent (or failed) when the sync engine pushes it: the core says so for its thread.
    return client.on('messagesChanged', ({ threadId: changed }) => {
      if (changed === null || changed === threadId) messages.invalidate();
    });
  }, [client, threadId, messages]);

  const send = useCallback(
    async (body: string): Promise<boolean> => {
      if (!threadId) return false;
      await client.messages.sendMessage({ threadId, body });
      return true;
    },
    [client, threadId],
  );
  const retryAction = useCoreAction((core, id: string) => core.messages.retryMessage({ id })).run;
  const retry = useCallback((id: string) => void retryAction(id), [retryAction]);
  return { thread, messages, send, retry };
};

/**
 * The composer's text, saved to the workspace a moment after each keystroke (well within a second) and
 * flushed when the composer goes away, so a draft survives switching threads and closing the app.
 * Mount one per conversation (key it by thread): it starts from that thread's stored draft.
 */
export const useDraft = (threadId: string, initial: string) => {
  const [text, setText] = useState(initial);
  // A draft the workspace refused to keep is said (the disk is full, say), never dropped quietly.
  const saveDraft = useCoreAction((core, id: string, body: string) => core.messages.saveDraft({ threadId: id, body })).run;
  const save = useCallback((body: string) => void saveDraft(threadId, body), [saveDraft, threadId]);
  const { schedule, cancel } = useDebouncedSave(save, typingSaveTiming);

  const change = useCallback(
    (body: string) => {
      setText(body);
      schedule(body);
    },
    [schedule],
  );
  /** After sending: the core cleared the stored draft in the same write. */
  const clear = useCallback(() => {
    cancel();
    setText('');
  }, [cancel]);
  return { text, change, clear };
};

export const useMessageSearch = (text: string): MessageHit[] | null => {
  const client = useClient();
  const [found, setFound] = useState<{ text: string; hits: MessageHit[] } | null>(null);
  useEffect(() => {
    if (text.trim() === '') return;
    let live = true;
    const timer = setTimeout(() => {
      client.messages.searchMessages({ text, limit: 50 }).then(
        (hits) => live && setFound({ text, hits }),
        () => live && setFound({ text, hits: [] }),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, text]);
  return text.trim() !== '' && found?.text === text ? found.hits : null;
};

export const useLocateMessage = (messageId: string | null): { threadId: string; index: number } | null =>
  useCoreQuery(messageId === null ? null : ['messages.locateMessage', messageId], (core, [, id]) => core.messages.locateMessage({ id }), {
    invalidatedBy: [],
  }).data ?? null;
