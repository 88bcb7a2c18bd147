import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { communityTabs, type CommunityTab } from './use-community';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';
import { Select } from '../../ui/select';
import { nameLanguage, sortByLabel } from '../../ui/display-names';

// The filter's "every language" choice: not a language tag, so it cannot clash with one.
const allLanguages = '*';
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
        <Select
          inline
          label={t('filters.language')}
          testId="community-language"
          value={language ?? allLanguages}
          options={[
            { id: allLanguages, label: t('filters.allLanguages') },
            ...sortByLabel(languages.map((tag) => ({ id: tag, label: nameLanguage(tag, i18n.language) })), i18n.language),
          ]}
          onChange={(picked) => onLanguageChange(picked === allLanguages ? null : picked)}
        />
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
