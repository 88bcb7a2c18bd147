import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxPortfolioJsonChars } from '../../../../shared/contract/limits';
import { nameLanguage } from '../../ui/display-names';
import { isTooLarge, usePortfolioTransfer } from './use-portfolio';

export const TransferBar = ({ locale }: { locale: string }) => {
  const { t, i18n } = useTranslation('portfolio');
  const transfer = usePortfolioTransfer();
  const [message, setMessage] = useState<string | null>(null);
  const importJson = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const result = await transfer.importJson({ json: await file.text() });
      setMessage(t('transfer.imported', { count: result.items }));
    } catch (error) {
      setMessage(
        isTooLarge(error)
          ? t('transfer.importTooLarge', { name: file.name, limit: Math.floor(maxPortfolioJsonChars / 1024 / 1024) })
          : t('transfer.importFailed', { name: file.name }),
      );
    }
  };
  return (
    <div className="toolbar">
      <button type="button" onClick={() => void transfer.exportPdf.run(locale)} disabled={transfer.exportPdf.pending} data-testid="download-pdf">
        {t('transfer.pdf', { locale: nameLanguage(locale, i18n.language) })}
      </button>
      <button type="button" className="secondary" onClick={() => void transfer.exportJson.run()} disabled={transfer.exportJson.pending}>
        {t('transfer.exportJson')}
      </button>
      <label className="pf-pick">
        {t('transfer.importJson')}
        <input type="file" accept="application/json,.json" onChange={(event) => void importJson(event.target.files?.[0])} />
      </label>
      {message && <span role="status">{message}</span>}
    </div>
  );
};
