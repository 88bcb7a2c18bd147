import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileEditor } from './profile-editor';
import { DownloadBanner } from './download-banner';
import { ItemsTab } from './items-tab';
import { LanguagesTab } from './languages-tab';
import { PreviewTab } from './preview-tab';
import './portfolio.css';

const tabs = ['items', 'languages', 'profile', 'preview'] as const;
type Tab = (typeof tabs)[number];

export const PortfolioRoute = () => {
  const { t } = useTranslation('portfolio');
  const [tab, setTab] = useState<Tab>('items');
  return (
    <section className="screen" aria-labelledby="portfolio-title">
      <header className="screen-header">
        <h1 id="portfolio-title">{t('title')}</h1>
        <div className="pf-tabs" role="tablist">
          {tabs.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={`pf-lang${tab === name ? ' selected' : ''}`} onClick={() => setTab(name)}>
              {t(`tabs.${name}`)}
            </button>
          ))}
        </div>
      </header>
      <div className="pane-scroller">
        <DownloadBanner />
        {tab === 'items' && <ItemsTab />}
        {tab === 'languages' && <LanguagesTab />}
        {tab === 'profile' && <ProfileEditor />}
        {tab === 'preview' && <PreviewTab />}
      </div>
    </section>
  );
};
