import { Download } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button';
import { SegmentedControl } from '../../ui/segmented-control';
import { smallSampleBelow, type FigureTable } from './insights-model';

type View = 'chart' | 'table';

type TableProps = { table: FigureTable; caption: string; testId?: string };

/** A figure's numbers as a table: the first column names the row; a row on a small sample is marked. */
export const FigureDataTable = ({ table, caption, testId }: TableProps) => {
  const { t } = useTranslation('insights');
  return (
    <div className="insights-table-wrap">
      <table className="insights-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.id} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} data-small={row.small || undefined}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={table.columns[index]!.id} scope="row">
                    {cell.text}
                    {row.small && (
                      <span className="small-mark" title={t('sample.small')}>
                        <span aria-hidden="true"> *</span>
                        <span className="visually-hidden">{` (${t('sample.small')})`}</span>
                      </span>
                    )}
                  </th>
                ) : (
                  <td key={table.columns[index]!.id} className={table.columns[index]!.numeric ? 'numeric' : undefined}>
                    {cell.text}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

type Props = {
  /** Used in test ids and the export's file name: 'funnel', 'win-rates'… */
  id: string;
  title: string;
  /** What the figure counts, said once under the title. */
  note?: string;
  /** The sample the whole figure rests on, said in words ("120 proposals"). */
  sample: string;
  /** The whole figure rests on a small sample. */
  small: boolean;
  /** Some rows rest on a small sample (marked *). */
  someSmall?: boolean;
  empty: boolean;
  controls?: ReactNode;
  chart: ReactNode;
  table: FigureTable;
  onExport: (id: string, table: FigureTable) => void;
};

/** One figure: its title, sample and flags, the chart or its table (the user's choice), and the CSV export beside it. */
export const FigureCard = ({ id, title, note, sample, small, someSmall = false, empty, controls, chart, table, onExport }: Props) => {
  const { t } = useTranslation('insights');
  const [view, setView] = useState<View>('chart');
  const headingId = `insights-${id}-title`;
  return (
    <section className="insights-card" aria-labelledby={headingId} data-testid={`insights-${id}`}>
      <header className="insights-card-header">
        <div className="insights-card-heading">
          <h2 id={headingId}>{title}</h2>
          <p className="insights-sample" data-testid={`insights-${id}-sample`}>
            {sample}
            {small && !empty && (
              <span className="sample-flag" data-testid={`insights-${id}-small`}>
                {t('sample.small')}
              </span>
            )}
          </p>
        </div>
        <div className="insights-card-actions">
          <SegmentedControl
            label={t('view.label')}
            segments={[
              { id: 'chart', label: t('view.chart') },
              { id: 'table', label: t('view.table') },
            ]}
            value={view}
            onChange={setView}
            testId={`insights-${id}-view`}
          />
          <Button size="small" icon={<Download size={16} aria-hidden="true" />} onPress={() => onExport(id, table)} isDisabled={empty} data-testid={`insights-${id}-export`}>
            {t('exportCsv')}
          </Button>
        </div>
      </header>
      {note && <p className="insights-note">{note}</p>}
      {controls}
      {empty ? (
        <p className="insights-empty">{t('empty')}</p>
      ) : view === 'chart' ? (
        chart
      ) : (
        <FigureDataTable table={table} caption={title} testId={`insights-${id}-table`} />
      )}
      {!empty && someSmall && <p className="insights-legend">{t('sample.legend', { count: smallSampleBelow })}</p>}
    </section>
  );
};
