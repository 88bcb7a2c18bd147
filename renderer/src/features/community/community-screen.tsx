import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { communityTabs, type CommunityTab } from './use-community';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';
import './community.css';

type Props = {
  tab: CommunityTab;
  onTabChange: (tab: CommunityTab) => void;
  language: string | null;
  languages: readonly string[];
  onLanguageChange: (language: string | null) => void;
  unreadTopics: number;
  children: ReactNode;
};

/** The community's frame: tabs, and one language filter that applies to stories, map, forum and events alike. */
export const CommunityScreen = ({ tab, onTabChange, language, languages, onLanguageChange, unreadTopics, children }: Props) => {
  const { t, i18n } = useTranslation('community');
  return (
    <section className="screen community" aria-labelledby="community-title">
      <header className="screen-header">
        <div>
          <h1 id="community-title">{t('title')}</h1>
          <p className="muted">{t('subtitle')}</p>
        </div>
        <label className="inline-field">
          <span>{t('filters.language')}</span>
          <select value={language ?? ''} data-testid="community-language" onChange={(event) => onLanguageChange(event.target.value || null)}>
            <option value="">{t('filters.allLanguages')}</option>
            {languages.map((tag) => (
              <option key={tag} value={tag}>
                {formatLanguageName(tag, i18n.language)}
              </option>
            ))}
          </select>
        </label>
      </header>
      <Tabs className="screen-tabs" selectedKey={tab} onSelectionChange={onTabChange} keys={communityTabs}>
        <TabList label={t('tabsLabel')}>
          {communityTabs.map((item) => (
            <Tab key={item} id={item} testId={`community-tab-${item}`}>
              {t(`tabs.${item}`)}
              {item === 'forum' && unreadTopics > 0 && <span className="unread-badge">{unreadTopics}</span>}
            </Tab>
          ))}
        </TabList>
        <TabPanel key={tab} id={tab} className="community-body">
          {children}
        </TabPanel>
      </Tabs>
    </section>
  );
};
