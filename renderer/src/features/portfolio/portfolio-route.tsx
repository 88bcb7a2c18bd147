import { useTranslation } from 'react-i18next';
import { useRouteParams } from '../../app/routes';
import { ProfileEditor } from './profile-editor';
import { DownloadBanner } from './download-banner';
import { ItemsTab, type OpenItem } from './items-tab';
import { LanguagesTab } from './languages-tab';
import { PreviewTab } from './preview-tab';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';
import './portfolio.css';

const tabs = ['items', 'languages', 'profile', 'preview'] as const;
type Tab = (typeof tabs)[number];

/** The address of an item in the editor: `#/portfolio/items/<id>`, or `#/portfolio/items/new` for a new one. */

/**
 * `#/portfolio/<tab>` and `#/portfolio/items/<id | new>`: the tab and the item in the editor live in the hash, so
 * reload, back / forward and a link land on them.
 */
const readRoute = (params: readonly string[]): { tab: Tab; open: OpenItem } => {
  const tab = tabs.find((name) => name === params[0]) ?? 'items';
  const target = tab === 'items' ? params[1] : undefined;
  return { tab, open: target === undefined ? null : target === 'new' ? 'new' : { id: target } };
};

export const PortfolioRoute = () => {
  const { t } = useTranslation('portfolio');
  const [params, go] = useRouteParams();
  const { tab, open } = readRoute(params);
  return (
    <section className="screen" aria-labelledby="portfolio-title">
      <header className="screen-header">
        <h1 id="portfolio-title">{t('title')}</h1>
      </header>
      <Tabs className="screen-tabs" selectedKey={tab} onSelectionChange={(next) => go('portfolio', next)} keys={tabs}>
        <TabList label={t('title')}>
          {tabs.map((name) => (
            <Tab key={name} id={name} testId={`portfolio-tab-${name}`}>
              {t(`tabs.${name}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel key={tab} id={tab} className="pane-scroller">
          <DownloadBanner />
          {tab === 'items' && <ItemsTab open={open} onOpen={(next) => (next === null ? go('portfolio', 'items') : go('portfolio', 'items', next === 'new' ? 'new' : next.id))} />}
          {tab === 'languages' && <LanguagesTab />}
          {tab === 'profile' && <ProfileEditor />}
          {tab === 'preview' && <PreviewTab />}
        </TabPanel>
      </Tabs>
    </section>
  );
};
