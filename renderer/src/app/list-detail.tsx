import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaneId } from '../../../shared/contract/settings';
import { usePaneSize } from '../features/settings/pane-sizes';
import { SplitView } from '../ui/split-view';

type ListDetailProps = {
  /** The screen: names the split and the stored pane size (`ui.pane.<screen>`). */
  screen: Exclude<PaneId, 'feed'>;
  /** What the list pane holds: its search, filters and the list. */
  list: ReactNode;
  detail: ReactNode;
  /** The open record's least width; an editor needs more than a conversation. */
  detailMinWidth?: number;
  className?: string;
};

/**
 * Clients, messages and proposals: the list beside its open record, the split as the user last left it. The feed
 * draws its own (its list takes the whole width while nothing is open).
 */
export const ListDetail = ({ screen, list, detail, detailMinWidth = 280, className }: ListDetailProps) => {
  const { t } = useTranslation('ui');
  const paneSize = usePaneSize(screen);
  return (
    <SplitView
      id={screen}
      className={className}
      {...paneSize}
      defaultListPercent={30}
      listMinWidth={220}
      detailMinWidth={detailMinWidth}
      separatorLabel={t('split.resize')}
      list={<aside className="list-pane">{list}</aside>}
      detail={detail}
    />
  );
};

type ListSearchProps = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (text: string) => void;
  /** For the list's keyboard: `/` focuses it. */
  inputRef?: RefObject<HTMLInputElement | null>;
  testId?: string;
};

/** The search field above a list. */
export const ListSearch = ({ label, placeholder, value, onChange, inputRef, testId }: ListSearchProps) => (
  <input
    ref={inputRef}
    type="search"
    className="search-input wide"
    data-testid={testId}
    aria-label={label}
    placeholder={placeholder}
    value={value}
    onChange={(event) => onChange(event.target.value)}
  />
);

/** The detail pane while nothing is open: what to do ("Pick a conversation"). */
export const NothingOpen = ({ text }: { text: string }) => (
  <div className="conversation empty-state">
    <p className="muted">{text}</p>
  </div>
);
