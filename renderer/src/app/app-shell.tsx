import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavIcon } from './nav-icon';
import { sections, type Section } from './routes';

type Props = {
  section: Section;
  onNavigate: (section: Section) => void;
  banner?: ReactNode;
  /** Pinned under the navigation: the sync status. */
  footer?: ReactNode;
  children: ReactNode;
};

export const AppShell = ({ section, onNavigate, banner, footer, children }: Props) => {
  const { t } = useTranslation();
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
