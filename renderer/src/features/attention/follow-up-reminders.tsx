import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../../shared/contract/attention';
import { matchLocale } from '../../../../shared/i18n/locales';
import { useRouteParams } from '../../app/routes';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';
import { Button } from '../../ui/button';
import { showToast } from '../../ui/toast';
import './attention.css';

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
    <section className="follow-ups" aria-labelledby="follow-ups-title" data-testid="follow-ups">
      <h2 id="follow-ups-title">{t('followUp.title')}</h2>
      <ul>
        {followUps.map((followUp) => (
          <li key={followUp.proposalId} data-testid="follow-up">
            <bdi className="follow-up-project">{followUp.projectTitle ?? t('followUp.untitled', { id: followUp.projectId })}</bdi>
            <span className="follow-up-flag">{t('followUp.waiting', { count: followUp.days })}</span>
            {followUp.threadId ? (
              <Button variant="secondary" size="small" isDisabled={start.pending} onPress={() => void write(followUp)}>
                {t('followUp.write')}
              </Button>
            ) : (
              <span className="muted small">{t('followUp.noThread')}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
