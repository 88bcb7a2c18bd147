import { Hourglass } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import './attention.css';

/** The flag on a conversation whose client has waited over a day for the user's answer: an icon, its words for screen readers and on hover. */
export const AwaitingAnswer = ({ days }: { days: number | null }) => {
  const { t } = useTranslation('messages');
  if (days === null) return null;
  const label = t('awaitingAnswer', { count: days });
  return (
    <span className="awaiting-answer" data-testid="awaiting-answer" title={label}>
      <Hourglass size={14} aria-hidden="true" />
      <span className="nav-count-label">{label}</span>
    </span>
  );
};
