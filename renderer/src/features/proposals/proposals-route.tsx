import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposalListStatuses } from '../../../../shared/contract/proposals';
import { ListDetail, ListSearch, NothingOpen } from '../../app/list-detail';
import { useRouteParams } from '../../app/routes';
import { MissingRecord } from '../../components/missing-record';
import { FollowUpReminders } from '../attention/follow-up-reminders';
import { ProposalEditor } from './proposal-editor';
import { ProposalList } from './proposal-list';
import { TemplateLibrary } from './template-library';
import { useProposal, useProposalList, useProposalCalls } from './use-proposals';
import { AccountFilter } from '../accounts/account-filter';
import { useAccountChoices } from '../accounts/use-accounts';
import { Select } from '../../ui/select';

// The status filter's "every status" choice.
const allStatuses = '*';

type ListStatus = (typeof proposalListStatuses)[number];

/** `#/proposals`, `#/proposals/<id>`, and `#/proposals/new/<projectId>/<lang>` from the feed's "Write a proposal". */
export const ProposalsRoute = () => {
  const { t } = useTranslation('proposals');
  const calls = useProposalCalls();
  const [params, go] = useRouteParams();
  const creating = params[0] === 'new' ? { projectId: params[1] ?? '', locale: params[2] ?? 'en' } : null;
  const inLibrary = params[0] === 'library';
  const openId = creating || inLibrary ? null : (params[0] ?? null);
  const [searchText, setSearchText] = useState('');
  const [status, setStatus] = useState<ListStatus | null>(null);
  const [accountIds, setAccountIds] = useState<string[]>([]);
  const accounts = useAccountChoices();
  const items = useProposalList(searchText, status, accountIds);
  const { proposal, reload } = useProposal(openId);
  const [failed, setFailed] = useState(false);
  // Back from the library goes to the proposal it was opened from.
  const [lastOpen, setLastOpen] = useState<string | null>(null);
  if (openId && openId !== lastOpen) setLastOpen(openId);

  useEffect(() => {
    if (!creating) return;
    let live = true;
    calls.createDraft(creating).then(
      ({ id }) => live && go('proposals', id),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
    // The draft is made once per address; `creating` is derived from it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [calls, go, creating?.projectId, creating?.locale]);

  return (
    <section className="screen proposals" aria-labelledby="proposals-title">
      <header className="screen-header">
        <div>
          <h1 id="proposals-title">{t('title')}</h1>
        </div>
        {!inLibrary && (
          <div className="toolbar">
            <AccountFilter accounts={accounts} value={accountIds} onChange={setAccountIds} />
            <button type="button" className="secondary small" data-testid="open-library" onClick={() => go('proposals', 'library')}>
              {t('library.open')}
            </button>
          </div>
        )}
      </header>
      {inLibrary ? (
        <TemplateLibrary onBack={() => (lastOpen ? go('proposals', lastOpen) : go('proposals'))} />
      ) : (
      <ListDetail
        screen="proposals"
        className={openId ? 'has-open' : undefined}
        detailMinWidth={360}
        list={
          <>
            <FollowUpReminders />
            <ListSearch label={t('search')} placeholder={t('search')} value={searchText} onChange={setSearchText} />
            <Select
              hideLabel
              label={t('filterStatus')}
              testId="proposal-status-filter"
              value={status ?? allStatuses}
              options={[{ id: allStatuses, label: t('allStatuses') }, ...proposalListStatuses.map((value) => ({ id: value, label: t(`status.${value}`) }))]}
              onChange={(picked) => setStatus(proposalListStatuses.find((value) => value === picked) ?? null)}
            />
            {items && <ProposalList items={items} openId={openId} onOpen={(id) => go('proposals', id)} />}
          </>
        }
        detail={
          failed ? (
            <p className="form-error" role="alert">
              {t('createFailed')}
            </p>
          ) : proposal ? (
            <div className="open-pane">
              {/* Below ~1100 px the list gives its room to the open proposal; this is the way back to it. */}
              <button type="button" className="link-button narrow-only" data-testid="back-to-proposals" onClick={() => go('proposals')}>
                ← {t('library.back')}
              </button>
              <ProposalEditor key={proposal.id} proposal={proposal} onChanged={reload} />
            </div>
          ) : openId && proposal === null ? (
            <MissingRecord className="conversation" title={t('missing')} back="proposals" onBack={() => go('proposals')} />
          ) : (
            <NothingOpen text={t('pick')} />
          )
        }
      />
      )}
    </section>
  );
};
