import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button as AriaButton } from 'react-aria-components';
import { ChevronRight, MessageSquareReply } from 'lucide-react';
import type { FollowUp } from '../../../../shared/contract/attention';
import { matchLocale } from '../../../../shared/i18n/locales';
import { useRouteParams } from '../../app/routes';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';
import { Badge } from '../../ui/badge';
import { IconButton } from '../../ui/button';
import { showToast } from '../../ui/toast';
import './attention.css';

const openKey = 'bottega.followUps.open';
const readOpen = (): boolean => {
  try {
    return localStorage.getItem(openKey) === '1';
  } catch {
    return false;
  }
};

/**
 * Submitted proposals whose client has not answered for the set days. "Write a follow-up" puts the follow-up
 * template, in the project's language, as the draft of the project's conversation and opens it.
 */
export const FollowUpReminders = () => {
  const { t, i18n } = useTranslation('shell');
  const [, go] = useRouteParams();
  const followUps = useCoreQuery(['attention.listFollowUps'], (client) => client.attention.listFollowUps(), {
    // An account's own follow-up days changed: accountsChanged.
    invalidatedBy: ['proposalsChanged', 'messagesChanged', 'attentionPreferencesChanged', 'accountsChanged'],
  }).data;
  const start = useCoreAction((client, proposalId: string, body: string) => client.attention.startFollowUp({ proposalId, body }));
  // Folded by default (a line with the count), so the proposals list keeps its room at 800 px; the choice is kept.
  const [open, setOpen] = useState(readOpen);
  const toggle = (next: boolean): void => {
    setOpen(next);
    try {
      localStorage.setItem(openKey, next ? '1' : '0');
    } catch {
      // Storage refused (private mode, quota): the panel still folds, only for this window.
    }
  };
  if (!followUps || followUps.length === 0) return null;

  const write = async (followUp: FollowUp): Promise<void> => {
    // The project's language where the app speaks it; English otherwise.
    const language = matchLocale(followUp.language ? [followUp.language] : []);
    const project = followUp.projectTitle ?? t('followUp.untitled', { id: followUp.projectId });
    const body = i18n.getFixedT(language, 'shell')('followUp.template', { project });
    const result = await start.run(followUp.proposalId, body);
    if (!result.ok || !result.value) return;
    // The user's own draft there wins over the template: say so where the conversation opens.
    if (result.value.draftKept) showToast({ title: t('followUp.draftKept') });
    go('messages', result.value.threadId);
  };

  return (
    <section className={`follow-ups${open ? ' is-open' : ''}`} aria-labelledby="follow-ups-title" data-testid="follow-ups">
      <h2 id="follow-ups-title" className="follow-ups-heading">
        <AriaButton className="follow-ups-toggle" aria-expanded={open} aria-controls="follow-ups-list" onPress={() => toggle(!open)} data-testid="follow-ups-toggle">
          <ChevronRight className="follow-ups-chevron" size={16} aria-hidden="true" />
          <span className="follow-ups-title">{t('followUp.title')}</span>
          <Badge tone="warning">{new Intl.NumberFormat(i18n.language).format(followUps.length)}</Badge>
        </AriaButton>
      </h2>
      {open && (
        <ul id="follow-ups-list">
          {followUps.map((followUp) => {
            const project = followUp.projectTitle ?? t('followUp.untitled', { id: followUp.projectId });
            return (
              <li key={followUp.proposalId} data-testid="follow-up">
                <span className="follow-up-text">
                  <bdi className="follow-up-project" title={project}>
                    {project}
                  </bdi>
                  <span className="follow-up-flag">{t('followUp.waiting', { count: followUp.days })}</span>
                  {!followUp.threadId && <span className="muted small follow-up-nothread">{t('followUp.noThread')}</span>}
                </span>
                {followUp.threadId && (
                  <IconButton
                    label={t('followUp.write')}
                    icon={<MessageSquareReply size={16} aria-hidden="true" />}
                    isDisabled={start.pending}
                    onPress={() => void write(followUp)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
};
