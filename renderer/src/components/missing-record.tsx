import { SearchX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';

export type MissingBack = 'feed' | 'clients' | 'messages' | 'proposals' | 'portfolio' | 'stories' | 'forum';

type Props = {
  /** What is missing, said in the user's language ("This story is no longer in your workspace."). */
  title: string;
  /** Which list the way back leads to: its label. */
  back: MissingBack;
  onBack: () => void;
  className?: string;
};

/**
 * What an address to a record that is not (or no longer) in the workspace shows: it says so and leads back to
 * the list, instead of an empty pane (an old link, a record removed on the platform, a typo in the hash).
 */
export const MissingRecord = ({ title, back, onBack, className }: Props) => {
  const { t } = useTranslation();
  return (
    <div className={['missing-record', className].filter(Boolean).join(' ')} data-testid="missing-record" role="status">
      <EmptyState
        icon={<SearchX size={20} />}
        title={title}
        action={
          <Button onPress={onBack} data-testid="missing-back">
            {t(`missing.back.${back}`)}
          </Button>
        }
      >
        {t('missing.body')}
      </EmptyState>
    </div>
  );
};
