import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProfileEditor } from './profile-editor';
import { DownloadBanner } from './download-banner';
import { ItemsTab } from './items-tab';
import { LanguagesTab } from './languages-tab';
import { PreviewTab } from './preview-tab';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';
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
      </header>
      <Tabs className="screen-tabs" selectedKey={tab} onSelectionChange={setTab} keys={tabs}>
        <TabList label={t('title')}>
          {tabs.map((name) => (
            <Tab key={name} id={name} testId={`portfolio-tab-${name}`}>
              {t(`tabs.${name}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel key={tab} id={tab} className="pane-scroller">
          <DownloadBanner />
          {tab === 'items' && <ItemsTab />}
          {tab === 'languages' && <LanguagesTab />}
          {tab === 'profile' && <ProfileEditor />}
          {tab === 'preview' && <PreviewTab />}
        </TabPanel>
      </Tabs>
    </section>
  );
};
