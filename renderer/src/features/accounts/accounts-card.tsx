import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MoreHorizontal, Plus } from 'lucide-react';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { AccountSyncStatus, SyncStatus } from '../../../../shared/contract/sync';
import type { AccountId, PlatformId } from '../../../../shared/domain/accounts';
import { platformIds } from '../../../../shared/domain/accounts';
import { formatRelativeTime } from '../../../../shared/i18n/format';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Button, IconButton } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Menu } from '../../ui/menu';
import { NumberField } from '../../ui/number-field';
import { SegmentedControl } from '../../ui/segmented-control';
import { showToast } from '../../ui/toast';
import { useSyncProblemText } from '../sync/use-sync-problem-text';
import { CredentialsForm, type CredentialsInput } from './credentials-form';
import { PlatformName } from './platform-badge';
import { RemoveAccountDialog } from './remove-account-dialog';
import { useAccounts, useSignInMethods } from './use-accounts';
import './accounts.css';

type LegacySignIn = (email: string, password: string) => Promise<{ ok: true } | { ok: false; reason: 'invalid_credentials' | 'unreachable' | 'refused' | 'unconfigured' }>;

type Props = {
  status: SyncStatus | null;
  now: Date;
  /** The reference platform this app was started with (the single-account sign-in, kept for a first account). */
  onSignIn: LegacySignIn;
  onSyncNow: () => void;
};

type Open = { kind: 'add' } | { kind: 'signIn' | 'rename' | 'remove' | 'followUp'; account: AccountView } | null;

const stateOf = (account: AccountView, live: AccountSyncStatus | undefined): { key: string; tone: BadgeTone } => {
  if (account.state === 'paused') return { key: 'paused', tone: 'warning' };
  if (!account.capabilities) return { key: 'unsupported', tone: 'neutral' };
  if (!live || live.connection === 'signed_out') return { key: 'signedOut', tone: 'danger' };
  if (live.phase === 'syncing') return { key: 'syncing', tone: 'info' };
  if (live.connection === 'offline') return { key: 'offline', tone: 'warning' };
  if (live.lastError) return { key: 'problem', tone: 'warning' };
  return { key: 'online', tone: 'success' };
};

/** The first account of a workspace started with a reference platform: sign in right here. */
const QuickSignIn = ({ onSignIn }: { onSignIn: LegacySignIn }) => {
  const { t } = useTranslation('sync');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await onSignIn(email, password).catch(() => ({ ok: false, reason: 'unreachable' }) as const);
    setBusy(false);
    setPassword('');
    setError(result.ok ? null : t(`signInError.${result.reason}`));
  };
  return (
    <form className="stacked-form" onSubmit={(event) => void submit(event)}>
      <p className="field-hint">{t('accounts.quickSignIn')}</p>
      <label className="field">
        <span className="field-label">{t('account.email')}</span>
        <input type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">{t('account.password')}</span>
        <input type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {t('actions.signIn')}
        </button>
      </div>
    </form>
  );
};

type RowProps = {
  account: AccountView;
  /** The workspace's follow-up days (0: never), for an account without its own; null until read. */
  workspaceDays: number | null;
  live: AccountSyncStatus | undefined;
  now: Date;
  onOpen: (open: Open) => void;
  onPause: (account: AccountView) => void;
  onSignOut: (account: AccountView) => void;
};

/** When this account's proposals become follow-up reminders: its own days, or the workspace's. */
const FollowUpLine = ({ account, workspaceDays }: { account: AccountView; workspaceDays: number | null }) => {
  const { t } = useTranslation('shell');
  const text =
    account.followUpDays !== null
      ? t('followUp.account.own', { count: account.followUpDays })
      : workspaceDays === null
        ? null
        : workspaceDays === 0
          ? t('followUp.account.workspaceNever')
          : t('followUp.account.workspace', { count: workspaceDays });
  return text === null ? null : (
    <p className="account-detail" data-testid="account-follow-up">
      {text}
    </p>
  );
};

const AccountRow = ({ account, workspaceDays, live, now, onOpen, onPause, onSignOut }: RowProps) => {
  const { t, i18n } = useTranslation('sync');
  const { t: tShell } = useTranslation('shell');
  const problemText = useSyncProblemText();
  const state = stateOf(account, live);
  const signedIn = live !== undefined && live.connection !== 'signed_out';
  const actions = [
    { id: 'rename', label: t('accounts.actions.rename') },
    { id: 'followUp', label: tShell('followUp.account.action') },
    { id: 'pause', label: account.state === 'paused' ? t('accounts.actions.resume') : t('accounts.actions.pause'), disabled: !account.capabilities },
    signedIn ? { id: 'signOut', label: t('accounts.actions.signOut') } : { id: 'signIn', label: t('accounts.actions.signIn'), disabled: !account.capabilities },
    { id: 'remove', label: t('accounts.actions.remove'), danger: true },
  ];
  const counts = live ? (['pending', 'failed', 'conflicts'] as const).filter((key) => live[key] > 0) : [];
  return (
    <li className="account-row" data-testid="account-row" data-account-id={account.id}>
      <div className="account-row-main">
        <div className="account-row-title">
          <PlatformName platform={account.platform} />
          <strong className="account-label" data-testid="account-label">
            {account.label}
          </strong>
          <Badge tone={state.tone} className="account-state">
            <span data-testid="account-state">{t(`accounts.state.${state.key}`)}</span>
          </Badge>
        </div>
        <p className="account-detail">
          {[
            !signedIn ? t('accounts.notSignedIn') : live?.email ? t('account.signedInAs', { email: live.email }) : null,
            live?.lastSyncAt ? t('accounts.lastSync', { when: formatRelativeTime(live.lastSyncAt, now, i18n.language) }) : null,
          ]
            .filter((part) => part !== null)
            .join(' · ')}
        </p>
        {account.baseUrl && <p className="account-detail account-url">{account.baseUrl}</p>}
        <FollowUpLine account={account} workspaceDays={workspaceDays} />
        {live?.savedSignInLost && <p className="form-error">{t('accounts.signInLost')}</p>}
        {live?.lastError && account.state === 'active' && (
          <p className="account-problem" data-testid="account-problem">
            {t('account.lastError', { reason: problemText(live.lastError) })}
          </p>
        )}
        {counts.length > 0 && (
          <p className="account-detail" data-testid="account-writes">
            {counts.map((key) => t(`accounts.writes.${key}`, { count: live?.[key] ?? 0 })).join(' · ')}
          </p>
        )}
      </div>
      <div className="account-row-actions">
        {!signedIn && account.capabilities && account.state === 'active' && (
          <Button size="small" variant="secondary" onPress={() => onOpen({ kind: 'signIn', account })}>
            {t('accounts.actions.signIn')}
          </Button>
        )}
        <Menu
          label={t('accounts.actions.menu', { account: account.label })}
          trigger={<IconButton label={t('accounts.actions.menu', { account: account.label })} icon={<MoreHorizontal size={18} aria-hidden="true" />} data-testid="account-menu" />}
          actions={actions}
          onAction={(id) => {
            if (id === 'pause') onPause(account);
            // Signing out is done at once (its records stay, nothing is lost); removing asks first.
            else if (id === 'signOut') onSignOut(account);
            else if (id === 'rename' || id === 'signIn' || id === 'remove' || id === 'followUp') onOpen({ kind: id, account });
          }}
        />
      </div>
    </li>
  );
};

const RenameDialog = ({ account, onClose }: { account: AccountView; onClose: () => void }) => {
  const { t } = useTranslation('sync');
  const [label, setLabel] = useState(account.label);
  const rename = useCoreAction((client, value: string) => client.accounts.renameAccount({ id: account.id, label: value }));
  const trimmed = label.trim();
  const save = async () => {
    if (trimmed === '' || trimmed === account.label) return onClose();
    const result = await rename.run(trimmed);
    if (result.ok) onClose();
  };
  return (
    <Dialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('accounts.rename.title')}
      size="small"
      testId="rename-account-dialog"
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            {t('accounts.cancel')}
          </Button>
          <Button variant="primary" onPress={() => void save()} isDisabled={trimmed === '' || rename.pending} data-testid="rename-save">
            {t('accounts.rename.save')}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span className="field-label">{t('accounts.form.label')}</span>
          <input type="text" maxLength={80} value={label} onChange={(event) => setLabel(event.target.value)} autoFocus data-testid="rename-input" />
          <span className="field-hint">{t('accounts.rename.hint')}</span>
        </label>
      </form>
    </Dialog>
  );
};

/** The account's own follow-up days (1–60), or back to the workspace's setting. */
const FollowUpDialog = ({ account, workspaceDays, onClose }: { account: AccountView; workspaceDays: number | null; onClose: () => void }) => {
  const { t } = useTranslation('shell');
  const [days, setDays] = useState<number>(account.followUpDays ?? (workspaceDays !== null && workspaceDays > 0 ? workspaceDays : 3));
  // The field commits what is typed on Enter just before the form's submit, in the same event: the submit reads
  // the value committed, not the render's.
  const latest = useRef(days);
  const change = (value: number) => {
    latest.current = value;
    setDays(value);
  };
  const save = useCoreAction((client, value: number | null) => client.accounts.setFollowUpDays({ id: account.id, days: value }));
  const valid = Number.isInteger(days) && days >= 1 && days <= 60;
  const run = async (value: number | null) => {
    const result = await save.run(value);
    if (!result.ok) return;
    showToast({ title: t('followUp.account.saved', { account: account.label }), tone: 'success' });
    onClose();
  };
  return (
    <Dialog
      isOpen
      onOpenChange={(open) => !open && onClose()}
      title={t('followUp.account.title', { account: account.label })}
      size="small"
      testId="follow-up-days-dialog"
      footer={
        <>
          <Button variant="secondary" onPress={onClose}>
            {t('followUp.account.cancel')}
          </Button>
          <Button variant="primary" onPress={() => void run(days)} isDisabled={!valid || save.pending} data-testid="follow-up-days-save">
            {t('followUp.account.save')}
          </Button>
        </>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const value = latest.current;
          if (Number.isInteger(value) && value >= 1 && value <= 60) void run(value);
        }}
      >
        <NumberField
          label={t('followUp.account.days')}
          value={days}
          onChange={change}
          minValue={1}
          maxValue={60}
          formatOptions={{ style: 'unit', unit: 'day', unitDisplay: 'long' }}
          description={t('followUp.account.hint')}
          errorMessage={t('followUp.account.empty')}
          decrementLabel={t('followUp.account.fewer')}
          incrementLabel={t('followUp.account.more')}
          testId="follow-up-days"
          autoFocus
        />
        {/* In the body, not the footer: beside Cancel and Save it pushed them onto a line of their own at 800 px. */}
        {account.followUpDays !== null && (
          <div className="follow-up-days-reset">
            <Button size="small" variant="quiet" onPress={() => void run(null)} isDisabled={save.pending} data-testid="follow-up-days-reset">
              {t('followUp.account.useWorkspace')}
            </Button>
          </div>
        )}
      </form>
    </Dialog>
  );
};

const AddDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation('sync');
  const [platform, setPlatform] = useState<PlatformId>('freelancer');
  const methods = useSignInMethods();
  const add = useCoreAction((client, input: CredentialsInput) =>
    client.accounts.addAccount({
      platform: input.platform,
      credentials: input.credentials,
      ...(input.baseUrl ? { baseUrl: input.baseUrl } : {}),
      ...(input.label ? { label: input.label } : {}),
    }),
  );
  return (
    <Dialog isOpen onOpenChange={(open) => !open && onClose()} title={t('accounts.add.title')} testId="add-account-dialog">
      <div className="stacked-form">
        <SegmentedControl
          label={t('accounts.add.platform')}
          testId="add-platform"
          value={platform}
          onChange={setPlatform}
          segments={platformIds.map((id) => ({ id, label: t(`platform.${id}`) }))}
        />
        <p className="field-hint">
          {t(platform === 'freelancer' && !methods(platform).includes('oauth_pkce') ? 'accounts.add.about_freelancer_token' : `accounts.add.about_${platform}`)}
        </p>
        <CredentialsForm
          key={platform}
          platform={platform}
          mode="add"
          submitLabel={t('accounts.add.submit')}
          onCancel={onClose}
          {...(platform === 'freelancer'
            ? {
                browser: {
                  available: methods(platform).includes('oauth_pkce'),
                  onSignedIn: (result) => {
                    showToast({ title: t('accounts.add.done', { account: result.account.label }), tone: 'success' });
                    onClose();
                  },
                },
              }
            : {})}
          onSubmit={async (input) => {
            const result = await add.run(input);
            if (!result.ok) return null;
            if (result.value.ok) {
              showToast({ title: t('accounts.add.done', { account: result.value.account.label }), tone: 'success' });
              onClose();
            }
            return result.value;
          }}
        />
      </div>
    </Dialog>
  );
};

const SignInDialog = ({ account, onClose }: { account: AccountView; onClose: () => void }) => {
  const { t } = useTranslation('sync');
  const signIn = useCoreAction((client, input: CredentialsInput) => client.accounts.signInAccount({ id: account.id, credentials: input.credentials }));
  return (
    <Dialog isOpen onOpenChange={(open) => !open && onClose()} title={t('accounts.signIn.title', { account: account.label })} testId="sign-in-account-dialog">
      <CredentialsForm
        platform={account.platform}
        mode="signIn"
        submitLabel={t('actions.signIn')}
        onCancel={onClose}
        {...(account.platform === 'freelancer' ? { browser: { available: account.signInMethods.includes('oauth_pkce'), accountId: account.id, onSignedIn: onClose } } : {})}
        onSubmit={async (input) => {
          const result = await signIn.run(input);
          if (!result.ok) return null;
          if (result.value.ok) onClose();
          return result.value;
        }}
      />
    </Dialog>
  );
};

/**
 * Settings → Accounts: every platform account of this workspace, each with its own sync status and problems;
 * add, rename, pause or resume, sign in or out, remove.
 */
export const AccountsCard = ({ status, now, onSignIn, onSyncNow }: Props) => {
  const { t } = useTranslation('sync');
  const { accounts } = useAccounts();
  const workspaceDays =
    useCoreQuery(['attention.getPreferences'], (client) => client.attention.getPreferences(), { invalidatedBy: ['attentionPreferencesChanged'] }).data?.attention
      .followUpDays ?? null;
  const [open, setOpen] = useState<Open>(null);
  const setState = useCoreAction((client, id: AccountId, state: 'active' | 'paused') => client.accounts.setAccountState({ id, state }));
  const signOut = useCoreAction((client, id: AccountId) => client.accounts.signOutAccount({ id }));
  if (!status || !accounts) return null;
  const liveOf = (id: AccountId) => status.accounts.find((candidate) => candidate.id === id);
  const quickSignIn = accounts.length === 0 && status.connection === 'signed_out';
  const close = () => setOpen(null);
  return (
    <div className="card accounts-card" data-testid="account-card">
      <div className="accounts-header">
        <h2>{t('accounts.title')}</h2>
        <div className="button-row">
          {accounts.some((account) => account.state === 'active' && liveOf(account.id)?.connection === 'online') && (
            <Button size="small" variant="quiet" onPress={onSyncNow}>
              {t('actions.syncNow')}
            </Button>
          )}
          <Button size="small" variant="secondary" icon={<Plus size={16} aria-hidden="true" />} onPress={() => setOpen({ kind: 'add' })} data-testid="add-account">
            {t('accounts.add.open')}
          </Button>
        </div>
      </div>
      {accounts.length === 0 && !quickSignIn && <p className="muted">{t('accounts.none')}</p>}
      {quickSignIn && <QuickSignIn onSignIn={onSignIn} />}
      {accounts.length > 0 && (
        <ul className="account-list" aria-label={t('accounts.title')}>
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              workspaceDays={workspaceDays}
              live={liveOf(account.id)}
              now={now}
              onOpen={setOpen}
              onSignOut={(target) => void signOut.run(target.id)}
              onPause={(target) => void setState.run(target.id, target.state === 'paused' ? 'active' : 'paused')}
            />
          ))}
        </ul>
      )}
      {accounts.length > 0 && <p className="field-hint">{t('account.signOutKeepsData')}</p>}
      {open?.kind === 'add' && <AddDialog onClose={close} />}
      {open?.kind === 'signIn' && <SignInDialog account={open.account} onClose={close} />}
      {open?.kind === 'rename' && <RenameDialog account={open.account} onClose={close} />}
      {open?.kind === 'remove' && <RemoveAccountDialog account={open.account} onClose={close} />}
      {open?.kind === 'followUp' && <FollowUpDialog account={open.account} workspaceDays={workspaceDays} onClose={close} />}
    </div>
  );
};
