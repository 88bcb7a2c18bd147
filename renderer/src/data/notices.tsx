import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Notice = { id: number; text: string };
type Notify = (text: string) => void;

const NoticeContext = createContext<{ notices: Notice[]; notify: Notify; dismiss: (id: number) => void } | null>(null);

let nextId = 0;

/** The app's one place for "that did not work" notices: every failed action lands here, in the user's language. */
export const NoticeProvider = ({ children }: { children: ReactNode }) => {
  const [notices, setNotices] = useState<Notice[]>([]);
  const notify = useCallback<Notify>((text) => {
    // The same failure twice (a retry that failed again) stays one notice, now the newest.
    setNotices((current) => [...current.filter((notice) => notice.text !== text), { id: ++nextId, text }].slice(-3));
  }, []);
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);
  const value = useMemo(() => ({ notices, notify, dismiss }), [notices, notify, dismiss]);
  return <NoticeContext.Provider value={value}>{children}</NoticeContext.Provider>;
};

const useNotices = () => {
  const notices = useContext(NoticeContext);
  if (!notices) throw new Error('notices need a NoticeProvider above them');
  return notices;
};

export const useNotify = (): Notify => useNotices().notify;

export const NoticeRegion = () => {
  const { t } = useTranslation('common');
  const { notices, dismiss } = useNotices();
  return (
    <div className="notice-region" aria-live="assertive" aria-label={t('notice.region')} data-testid="notice-region">
      {notices.map((notice) => (
        <div key={notice.id} className="banner banner-error" role="alert" data-testid="action-failure">
          <span>{notice.text}</span>
          <button type="button" onClick={() => dismiss(notice.id)}>
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
};
