import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../shared/contract/accounts';
import { downloadFile } from '../../components/download-file';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { showToast } from '../../ui/toast';

/**
 * Removing asks first and says what goes (what this account brought, and its changes not yet sent) and what
 * stays (other accounts, everything only on this computer, everything on the platform). The user's own unsent
 * drafts for its projects would go too: the dialog offers them as a file first.
 */
export const RemoveAccountDialog = ({ account, onClose }: { account: AccountView; onClose: () => void }) => {
  const { t } = useTranslation('sync');
  const drafts = useCoreQuery(['accounts.exportAccountDrafts', account.id], (client, [, id]) => client.accounts.exportAccountDrafts({ id }), {
    invalidatedBy: ['proposalsChanged'],
  });
  const remove = useCoreAction((client) => client.accounts.removeAccount({ id: account.id }));
  const [exported, setExported] = useState(false);
  const draftCount = drafts.data?.length ?? 0;
  const platform = t(`platform.${account.platform}`);
  const pending = account.sync ? account.sync.pending + account.sync.failed + account.sync.conflicts : 0;

  const exportDrafts = () => {
    if (!drafts.data) return;
    const day = new Date().toISOString().slice(0, 10);
    downloadFile(
      t('accounts.remove.fileName', { account: account.label, day }),
      [JSON.stringify({ account: { label: account.label, platform: account.platform, baseUrl: account.baseUrl }, exportedAt: new Date().toISOString(), drafts: drafts.data }, null, 2)],
      'application/json',
    );
    setExported(true);
  };

  const confirm = async () => {
    const result = await remove.run();
    if (!result.ok) return;
    const records = Object.values(result.value.records).reduce((sum, count) => sum + count, 0);
    showToast({ title: t('accounts.remove.done', { account: account.label }), description: t('accounts.remove.doneCount', { count: records }), tone: 'success' });
    onClose();
  };

  return (
    <Dialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('accounts.remove.title', { account: account.label })}
      role="alertdialog"
      size="small"
      testId="remove-account-dialog"
      footer={
        <>
          <Button variant="secondary" onPress={onClose} autoFocus data-testid="remove-cancel">
            {t('accounts.cancel')}
          </Button>
          <Button variant="danger" onPress={() => void confirm()} isDisabled={remove.pending || drafts.status === 'loading'} data-testid="remove-confirm">
            {draftCount > 0 && !exported ? t('accounts.remove.confirmWithoutExport') : t('accounts.remove.confirm')}
          </Button>
        </>
      }
    >
      <div className="accounts-remove">
        <p>{t('accounts.remove.what', { platform })}</p>
        {pending > 0 && <p className="form-error">{t('accounts.remove.pending', { count: pending })}</p>}
        <p>{t('accounts.remove.stays', { platform })}</p>
        {draftCount > 0 && (
          <div className="accounts-drafts" data-testid="remove-drafts">
            <p>{t('accounts.remove.drafts', { count: draftCount })}</p>
            <Button variant={exported ? 'quiet' : 'primary'} size="small" onPress={exportDrafts} data-testid="export-drafts">
              {exported ? t('accounts.remove.exportedAgain') : t('accounts.remove.export')}
            </Button>
            {exported && (
              <p className="field-hint" role="status">
                {t('accounts.remove.exported')}
              </p>
            )}
          </div>
        )}
      </div>
    </Dialog>
  );
};
