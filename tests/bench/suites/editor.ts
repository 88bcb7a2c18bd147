/**
 * `npm run bench -- editor`: the proposal editor's autosave and PDF export, against a real web-host process
 * (its own core, SQLite with synchronous=FULL) reached over its WebSocket, as the renderer reaches it.
 *  - editor.autosave: 1,000 edits of a 5,000-word German letter, each saved as the editor saves it (the whole
 *    document as JSON and as text): keystroke → the core's answer, which comes after the row is committed
 *    (durable). The editor-side serialisation is timed apart (serialize_p95_ms). Then, in Chromium, 1,000 keys
 *    typed into that letter in the Tiptap editor with no pause: the durable row must hold every one
 *    (dropped_chars).
 *  - editor.pdf: a 3-page proposal (page count read from the PDF) through proposals.exportPdf, 20 runs.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium } from '@playwright/test';
import { WebSocket } from 'ws';
import { contract, type BottegaClient } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { workspaceFileName } from '../../../electron/core/core';
import { fromWebSocket } from '../../../electron/web-host/web-socket-transport';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { startWebHostProcess } from '../../e2e/web-host-process';
import type { BenchOptions } from '../run';
import { percentile, round } from '../stats';
import { createRandom } from '../../support/random';


const vocabulary = (
  'Sehr geehrte Damen und Herren ich habe Ihre Ausschreibung mit großem Interesse gelesen und möchte Ihnen gerne ' +
  'meine Erfahrung anbieten für Übersetzungen Prüfung Straßenbau Größe Qualität Zuverlässigkeit schnelle Lieferung ' +
  'Projekt Kunden Österreich München Köln Zürich Änderungen Rückmeldung Abstimmung Überarbeitung Gespräch Termin ' +
  'gemeinsam erfolgreich umsetzen weiß groß schön natürlich außerdem zunächst danach während Wochen Monate'
).split(' ');

/** A German letter of `words` words in paragraphs of about a hundred, deterministic. */
const writeLetter = (words: number, seed: number): string[] => {
  const random = createRandom(seed);
  const paragraphs: string[] = [];
  for (let left = words; left > 0; ) {
    const size = Math.min(left, 80 + Math.floor(random() * 40));
    const picked = Array.from({ length: size }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    paragraphs.push(`${picked.join(' ')}.`);
    left -= size;
  }
  return paragraphs;
};

/** What the editor sends on save: its document as JSON and its text, paragraphs split by a blank line. */
const toBody = (paragraphs: readonly string[]): { bodyJson: string; bodyText: string } => ({
  bodyJson: JSON.stringify({
    type: 'doc',
    content: paragraphs.map((text) => (text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] })),
  }),
  bodyText: paragraphs.join('\n\n'),
});

type Host = { url: string; dataDir: string; client: BottegaClient; close: () => Promise<void> };

/** web-host in its own process, and a contract client on its WebSocket (the renderer's path to the core). */
const startHost = async (): Promise<Host> => {
  const host = await startWebHostProcess(['--seed-demo', '--seed-count', '200']);
  const page = new URL(host.url);
  const socket = new WebSocket(`ws://${page.host}/rpc?token=${page.searchParams.get('token')}`, { origin: page.origin });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const client = createClient(contract, createBridge(contract, fromWebSocket(socket)));
  return {
    url: host.url,
    dataDir: host.dataDir,
    client,
    close: async () => {
      socket.close();
      await host.stop();
    },
  };
};

const readDurableText = (dataDir: string, id: string): string => {
  const db = new Database(path.join(dataDir, workspaceFileName), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT body_text FROM proposal_variants WHERE proposal_id = ? AND locale = 'de'").get(id) as { body_text: string }).body_text;
  } finally {
    db.close();
  }
};

const germanProjects = (dataDir: string): string[] => {
  const db = new Database(path.join(dataDir, workspaceFileName), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("SELECT id FROM projects WHERE language = 'de' ORDER BY id LIMIT 2").all() as { id: string }[]).map((row) => row.id);
  } finally {
    db.close();
  }
};

const runAutosave = async (host: Host, projectId: string, emit: BenchOptions['emit']): Promise<void> => {
  const { client } = host;
  const { id } = await client.proposals.createDraft({ projectId, locale: 'de' });
  const paragraphs = writeLetter(5_000, 1);
  await client.proposals.saveVariant({ id, locale: 'de', ...toBody(paragraphs) });

  // A writer types somewhere, then moves on: the cursor jumps to another paragraph every 50 keys.
  const random = createRandom(2);
  const keys = 'abcdefghijklmnopqrstuvwxyzäöüß ,.';
  let paragraph = 0;
  const saves: number[] = [];
  const serialize: number[] = [];
  let bytes = 0;
  for (let edit = 0; edit < 1_000; edit++) {
    if (edit % 50 === 0) paragraph = Math.floor(random() * paragraphs.length);
    const text = paragraphs[paragraph]!;
    const at = Math.floor(random() * (text.length + 1));
    const started = performance.now();
    paragraphs[paragraph] = text.slice(0, at) + keys[Math.floor(random() * keys.length)] + text.slice(at);
    const body = toBody(paragraphs);
    const serialized = performance.now();
    await client.proposals.saveVariant({ id, locale: 'de', ...body });
    saves.push(performance.now() - serialized);
    serialize.push(serialized - started);
    bytes += body.bodyJson.length + body.bodyText.length;
  }
  const durable = readDurableText(host.dataDir, id) === toBody(paragraphs).bodyText;
  const revisions = (await client.proposals.listRevisions({ id, locale: 'de' })).length;

  const input = await typeInChromium(host, id, paragraphs);
  emit({
    bench: 'editor.autosave',
    p50_ms: round(percentile(saves, 50)),
    p95_ms: round(percentile(saves, 95)),
    max_ms: round(Math.max(...saves)),
    serialize_p95_ms: round(percentile(serialize, 95)),
    edits: saves.length,
    words: 5_000,
    kb_per_save: round(bytes / saves.length / 1024, 1),
    revisions,
    durable_equals_last_edit: durable,
    goal_ms: 50,
    ...input,
  });
};

/** 1,000 keys into the Tiptap editor holding the 5,000-word letter, no pause; then the durable row against them. */
const typeInChromium = async (host: Host, id: string, paragraphs: string[]): Promise<Record<string, number | boolean>> => {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${host.url}#/proposals/${id}`);
    const letter = page.getByTestId('cover-letter');
    await letter.waitFor();
    await letter.click();
    await page.keyboard.press('ControlOrMeta+End');
    const typed = Array.from({ length: 1_000 }, (_, index) => 'Grüße aus Köln, schöne Straße. '[index % 31]!).join('');
    const started = performance.now();
    for (const char of typed) await page.keyboard.type(char);
    const typingMs = performance.now() - started;
    await page.getByTestId('autosave').filter({ hasText: 'All changes saved' }).waitFor();
    const expected = toBody([...paragraphs.slice(0, -1), paragraphs.at(-1)! + typed]).bodyText;
    const saved = readDurableText(host.dataDir, id);
    // Characters missing from the saved letter (typed ones lost anywhere), or the whole count if it is garbled.
    const dropped = saved === expected ? 0 : expected.startsWith(saved) ? expected.length - saved.length : typed.length;
    return { typed_chars: typed.length, dropped_chars: dropped, ui_ms_per_key: round(typingMs / typed.length) };
  } finally {
    await browser.close();
  }
};

/** Pages of a PDF, from its page tree's count. */
const countPages = (pdf: Buffer): number => {
  const counts = [...pdf.toString('latin1').matchAll(/\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/g)].map((match) => Number(match[1]));
  return counts.length > 0 ? Math.max(...counts) : 0;
};

const runPdf = async (host: Host, projectId: string, emit: BenchOptions['emit']): Promise<void> => {
  const { client } = host;
  const { id } = await client.proposals.createDraft({ projectId, locale: 'de' });
  await client.proposals.saveTerms({
    id,
    kind: 'fixed',
    amountMinor: 480_000,
    periodDays: 30,
    milestones: [
      { title: 'Konzept und Abstimmung', amountMinor: 120_000, dueInDays: 7 },
      { title: 'Übersetzung und Prüfung', amountMinor: 240_000, dueInDays: 21 },
      { title: 'Abnahme', amountMinor: 120_000, dueInDays: 30 },
    ],
  });
  const render = async (words: number): Promise<{ pdf: Buffer; pages: number }> => {
    await client.proposals.saveVariant({ id, locale: 'de', ...toBody(writeLetter(words, 3)) });
    const pdf = Buffer.from((await client.proposals.exportPdf({ id, locale: 'de' })).base64, 'base64');
    return { pdf, pages: countPages(pdf) };
  };
  // The longest letter that still fits on three pages: a full third page, not a line on it.
  let low = 200;
  let high = 3_000;
  while (high - low > 20) {
    const middle = Math.floor((low + high) / 2);
    if ((await render(middle)).pages <= 3) low = middle;
    else high = middle;
  }
  const { pdf, pages } = await render(low);
  if (pages !== 3) throw new Error(`expected a 3-page proposal, got ${pages} pages`);
  const times: number[] = [];
  for (let run = 0; run < 20; run++) {
    const started = performance.now();
    await client.proposals.exportPdf({ id, locale: 'de' });
    times.push(performance.now() - started);
  }
  emit({
    bench: 'editor.pdf',
    ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    pages,
    words: low,
    kb: round(pdf.length / 1024, 1),
    runs: times.length,
    goal_ms: 500,
  });
};

export const runBench = async ({ emit }: BenchOptions): Promise<void> => {
  const host = await startHost();
  try {
    const [autosaveProject, pdfProject] = germanProjects(host.dataDir);
    if (!autosaveProject || !pdfProject) throw new Error('the demo workspace has no German projects');
    await runAutosave(host, autosaveProject, emit);
    await runPdf(host, pdfProject, emit);
  } finally {
    await host.close();
  }
};
