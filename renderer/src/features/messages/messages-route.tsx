import { useRef, useState } from 'react';
import { RpcError } from '../../../../shared/rpc/errors';
import { useTranslation } from 'react-i18next';
import { ListDetail, ListSearch, NothingOpen } from '../../app/list-detail';
import { useRouteParams } from '../../app/routes';
import { useListKeyboard } from '../../app/use-list-keyboard';
import { MissingRecord } from '../../components/missing-record';
import { Conversation, type SendProblem } from './conversation';
import { MessageHits, ThreadList } from './thread-list';
import { useConversation, useDraft, useLocateMessage, useMessageSearch, useThreads } from './use-messages';
import { AccountFilter } from '../accounts/account-filter';
import { useAccountChoices } from '../accounts/use-accounts';

type ComposerProps = {
  threadId: string;
  initialDraft: string;
  children: (draft: { text: string; change: (text: string) => void; send: () => void; problem: SendProblem | null }) => React.ReactNode;
  onSend: (body: string) => Promise<boolean>;
};

const toSendProblem = (error: unknown): SendProblem =>
  error instanceof RpcError && error.code === 'transport_closed' ? { kind: 'engine_down' } : { kind: 'failed' };

/** Keyed by thread: each conversation starts from its own stored draft. */
const DraftScope = ({ threadId, initialDraft, onSend, children }: ComposerProps) => {
  const draft = useDraft(threadId, initialDraft);
  const [problem, setProblem] = useState<SendProblem | null>(null);
  return children({
    text: draft.text,
    change: (text) => {
      setProblem(null);
      draft.change(text);
    },
    problem,
    send: () => {
      const body = draft.text;
      if (body.trim() === '') {
        setProblem({ kind: 'empty' });
        return;
      }
      setProblem(null);
      draft.clear();
      // Not sent: the text comes back, and the composer says why.
      void onSend(body).catch((error: unknown) => {
        draft.change(body);
        setProblem(toSendProblem(error));
      });
    },
  });
};

export const MessagesRoute = ({ now }: { now: Date }) => {
  const { t } = useTranslation('messages');
  const [params, go] = useRouteParams();
  const openId = params[0] ?? null;
  const focusId = params[1] ?? null;
  const [searchText, setSearchText] = useState('');
  const [selected, setSelected] = useState(0);
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const accounts = useAccountChoices();
  const searchRef = useRef<HTMLInputElement>(null);
  const { threads, failed } = useThreads(accountIds);
  const hits = useMessageSearch(searchText);
  const located = useLocateMessage(focusId);
  const { thread, messages, send, retry } = useConversation(openId);

  const openIndex = (index: number): void => {
    const item = threads.getItem(index);
    if (item) go('messages', item.id);
  };
  // As in the feed: with a conversation open, j/k move the cursor and it follows; Enter opens; Escape clears the
  // search first, then closes the conversation.
  const moveCursor = (index: number): void => {
    setSelected(index);
    if (openId !== null) openIndex(index);
  };
  useListKeyboard({
    count: searchText ? 0 : (threads.total ?? 0),
    index: selected,
    onMove: moveCursor,
    onOpen: openIndex,
    onEscape: () => (searchText ? setSearchText('') : go('messages')),
    searchRef,
  });

  return (
    <section className="screen messages" aria-labelledby="messages-title">
      <header className="screen-header">
        <h1 id="messages-title">{t('title')}</h1>
        <div className="toolbar">
          <AccountFilter accounts={accounts} value={accountIds} onChange={setAccountIds} />
        </div>
      </header>
      <ListDetail
        screen="messages"
        list={
          <>
            <ListSearch
              inputRef={searchRef}
              testId="message-search"
              label={t('search.label')}
              placeholder={t('search.placeholder')}
              value={searchText}
              onChange={setSearchText}
            />
            {failed ? (
              <p className="form-error" role="alert">
                {t('error')}
              </p>
            ) : searchText.trim() ? (
              <MessageHits hits={hits} now={now} onOpen={(hit) => go('messages', hit.threadId, hit.messageId)} />
            ) : (
              <ThreadList threads={threads} openId={openId} selectedIndex={selected} now={now} onOpen={(index) => {
                setSelected(index);
                openIndex(index);
              }} />
            )}
          </>
        }
        detail={
          openId && thread && messages ? (
            <DraftScope key={thread.id} threadId={thread.id} initialDraft={thread.draft} onSend={send}>
              {(draft) => (
                <Conversation
                  thread={thread}
                  messages={messages}
                  now={now}
                  focusId={focusId}
                  focusIndex={located && located.threadId === thread.id ? located.index : null}
                  draft={draft.text}
                  onDraftChange={draft.change}
                  onSend={draft.send}
                  sendProblem={draft.problem}
                  onRetry={retry}
                  onOpenClient={(id) => go('clients', id)}
                />
              )}
            </DraftScope>
          ) : openId && thread === null ? (
            <MissingRecord className="conversation" title={t('missing')} back="messages" onBack={() => go('messages')} />
          ) : (
            <NothingOpen text={t('pick')} />
          )
        }
      />
    </section>
  );
};
