import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui/badge';
import { NavIcon } from './nav-icon';
import { sections, type Section } from './routes';

type Props = {
  section: Section;
  onNavigate: (section: Section) => void;
  banner?: ReactNode;
  /** Pinned under the navigation: the sync status. */
  footer?: ReactNode;
  /** A count beside a section's name (unread messages). */
  counts?: Partial<Record<Section, number>>;
  children: ReactNode;
};

export const AppShell = ({ section, onNavigate, banner, footer, counts, children }: Props) => {
  const { t, i18n } = useTranslation();
  return (
    <div className="app-shell">
      <nav className="sidebar" aria-label={t('nav.label')}>
        <div className="brand">
          <span className="brand-name">{t('appName')}</span>
          <span className="brand-tagline">{t('tagline')}</span>
        </div>
        <ul>
          {sections.map((item) => (
            <li key={item}>
              <a
                href={`#/${item}`}
                data-testid={`nav-${item}`}
                aria-current={item === section ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onNavigate(item);
                }}
              >
                <NavIcon section={item} />
                <span>{t(`nav.${item}`)}</span>
                {(counts?.[item] ?? 0) > 0 && (
                  <span className="nav-count" data-testid={`nav-count-${item}`} title={t('nav.unread', { count: counts?.[item] })}>
                    <Badge tone="accent">
                      <span aria-hidden="true">{new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(counts?.[item] ?? 0)}</span>
                    </Badge>
                    <span className="nav-count-label">{t('nav.unread', { count: counts?.[item] })}</span>
                  </span>
                )}
              </a>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">{footer}</div>
      </nav>
      <main className="content">
        {banner}
        {children}
      </main>
    </div>
  );
};
