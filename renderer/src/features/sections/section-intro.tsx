import { useTranslation } from 'react-i18next';

type Props = { section: 'clients' | 'messages' | 'proposals' | 'portfolio' };

/** What a section will hold, said plainly, until its feature lands. */
export const SectionIntro = ({ section }: Props) => {
  const { t } = useTranslation();
  return (
    <section className="screen" aria-labelledby={`${section}-title`}>
      <header className="screen-header">
        <h1 id={`${section}-title`}>{t(`sections.${section}.title`)}</h1>
      </header>
      <div className="empty-state">
        <p>{t(`sections.${section}.body`)}</p>
        <p className="muted">{t('sections.comingSoon')}</p>
      </div>
    </section>
  );
};
