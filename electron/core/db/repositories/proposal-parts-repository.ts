import type { AnswerItem } from '../../../../shared/contract/proposals';
import { platformFeePercent, type ProjectQuestion } from '../../../../shared/domain/proposal';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { touchProposal } from './proposals-repository';
import type { AccountId } from '../../../../shared/domain/accounts';
import { readFirstAccountValue } from './sync-state-repository';

/** The parts of a proposal beside letter and terms: the project's questions, the answers, the linked portfolio items. */
export type ProposalParts = { questions: ProjectQuestion[]; answers: AnswerItem[]; portfolioItemIds: string[] };

const parseArray = (json: string | null): unknown[] => {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

// Answers are kept in the platform's shape ({question_id, text}), whether the platform sent them or the user wrote them.
const toAnswers = (json: string): AnswerItem[] =>
  parseArray(json)
    .filter(isRecord)
    .map((answer) => ({ questionId: String(answer.question_id ?? answer.questionId ?? ''), text: String(answer.text ?? '') }))
    .filter((answer) => answer.questionId !== '');

/** The project's questions come from its platform record as stored (`raw`): older records have none. */
const toQuestions = (json: string | null): ProjectQuestion[] =>
  parseArray(json)
    .filter(isRecord)
    .filter((question) => typeof question.id === 'string' && typeof question.text === 'string')
    .map((question) => ({ id: String(question.id), text: String(question.text) }));

export const readProposalParts = (db: ReadableDB, id: string): ProposalParts => {
  const row = prepare(
    db,
    `SELECT pr.answers, pr.portfolio_item_ids AS itemIds, json_extract(p.raw, '$.questions') AS questions
     FROM proposals pr LEFT JOIN projects p ON p.id = pr.project_id WHERE pr.id = ?`,
  ).get(id) as { answers: string; itemIds: string; questions: string | null } | undefined;
  if (!row) return { questions: [], answers: [], portfolioItemIds: [] };
  return {
    questions: toQuestions(row.questions),
    answers: toAnswers(row.answers),
    portfolioItemIds: parseArray(row.itemIds).filter((value): value is string => typeof value === 'string'),
  };
};

export const writeAnswers = (db: WritableDB, id: string, answers: readonly AnswerItem[], now: Date): void => {
  const stored = answers.map((answer) => ({ question_id: answer.questionId, text: answer.text }));
  prepare(db, 'UPDATE proposals SET answers = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(stored), now.toISOString(), id);
  touchProposal(db, id, now);
};

export const writeLinkedItems = (db: WritableDB, id: string, itemIds: readonly string[], now: Date): void => {
  prepare(db, 'UPDATE proposals SET portfolio_item_ids = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(itemIds), now.toISOString(), id);
  touchProposal(db, id, now);
};

/** Which of these portfolio items the workspace still holds (a linked item may have been deleted since). */
export const filterExistingItems = (db: ReadableDB, itemIds: readonly string[]): string[] => {
  const known = new Set((prepare(db, 'SELECT id FROM portfolio_items').all() as { id: string }[]).map((row) => row.id));
  return itemIds.filter((itemId) => known.has(itemId));
};

/**
 * The platform's fee on proposals as the account last reported it (without an account, the first account's that
 * did); the default until a sync has read its terms.
 */
export const readPlatformFee = (db: ReadableDB, accountId: AccountId | null = null): { percent: number; source: 'platform' | 'default' } => {
  const reported = Number(readFirstAccountValue(db, 'platform_fee_percent', accountId) ?? Number.NaN);
  return Number.isFinite(reported) && reported >= 0 && reported <= 100
    ? { percent: reported, source: 'platform' }
    : { percent: platformFeePercent, source: 'default' };
};
