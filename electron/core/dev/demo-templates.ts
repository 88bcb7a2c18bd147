import type { WritableDB } from '../db/database';
import { listTemplates, writeTemplate } from '../db/repositories/proposals-repository';

type DemoTemplate = { kind: 'template' | 'snippet'; name: string; paragraphs: readonly string[] };

/**
 * The demo workspace's library: a cover letter and two snippets in each of the five languages, with merge fields
 * ({client.name}, {project.title}, {my.name}, {my.rate}) as a freelancer would keep them. German uses "Sie".
 */
export const demoTemplates: Readonly<Record<'en' | 'it' | 'de' | 'fr' | 'es', readonly DemoTemplate[]>> = {
  en: [
    {
      kind: 'template',
      name: 'Cover letter – small business website',
      paragraphs: [
        'Hello {client.name},',
        'I read your posting "{project.title}" and I would be glad to take it on. For ten years I have built fast, easy-to-update websites for shops, practices and wineries, in several languages.',
        'I would start with a short call to agree on pages and priorities, then share a first version within a week so you can see it early and steer it.',
        'My rate is {my.rate}; the fixed price and the milestones are in this proposal.',
        'Best regards,\n{my.name}',
      ],
    },
    { kind: 'snippet', name: 'Availability', paragraphs: ['I can start this week and reply to messages within a working day.'] },
    { kind: 'snippet', name: 'Revisions included', paragraphs: ['Two rounds of revisions are included; further changes are billed by the hour.'] },
  ],
  it: [
    {
      kind: 'template',
      name: 'Lettera di presentazione – sito per piccole imprese',
      paragraphs: [
        'Buongiorno {client.name},',
        'ho letto il suo annuncio "{project.title}" e mi farebbe piacere occuparmene. Da dieci anni realizzo siti veloci e facili da aggiornare per negozi, studi professionali e cantine, anche in più lingue.',
        'Partirei da una breve telefonata per definire pagine e priorità, poi le mostrerei una prima versione entro una settimana.',
        'La mia tariffa è {my.rate}; prezzo fisso e milestone sono indicati nella proposta.',
        'Cordiali saluti,\n{my.name}',
      ],
    },
    { kind: 'snippet', name: 'Disponibilità', paragraphs: ['Posso iniziare questa settimana e rispondo ai messaggi entro un giorno lavorativo.'] },
    { kind: 'snippet', name: 'Revisioni incluse', paragraphs: ['Sono incluse due revisioni; ulteriori modifiche sono fatturate a ore.'] },
  ],
  de: [
    {
      kind: 'template',
      name: 'Anschreiben – Website für kleine Unternehmen',
      paragraphs: [
        'Guten Tag {client.name},',
        'ich habe Ihre Ausschreibung „{project.title}“ gelesen und übernehme den Auftrag gern. Seit zehn Jahren baue ich schnelle, leicht zu pflegende Websites für Läden, Praxen und Weingüter, auch mehrsprachig.',
        'Ich würde mit einem kurzen Telefonat zu Seiten und Prioritäten beginnen und Ihnen innerhalb einer Woche eine erste Version zeigen.',
        'Mein Stundensatz beträgt {my.rate}; Festpreis und Meilensteine finden Sie in diesem Angebot.',
        'Mit freundlichen Grüßen\n{my.name}',
      ],
    },
    { kind: 'snippet', name: 'Verfügbarkeit', paragraphs: ['Ich kann diese Woche beginnen und beantworte Nachrichten innerhalb eines Werktags.'] },
    { kind: 'snippet', name: 'Korrekturschleifen', paragraphs: ['Zwei Korrekturschleifen sind enthalten; weitere Änderungen rechne ich nach Aufwand ab.'] },
  ],
  fr: [
    {
      kind: 'template',
      name: 'Lettre de motivation – site pour petite entreprise',
      paragraphs: [
        'Bonjour {client.name},',
        'j’ai lu votre annonce « {project.title} » et je serais ravie de m’en charger. Depuis dix ans, je réalise des sites rapides et faciles à mettre à jour pour des boutiques, des cabinets et des domaines viticoles, en plusieurs langues.',
        'Je commencerais par un court appel pour définir les pages et les priorités, puis je vous montrerais une première version sous une semaine.',
        'Mon tarif est de {my.rate} ; le prix forfaitaire et les étapes figurent dans cette proposition.',
        'Bien cordialement,\n{my.name}',
      ],
    },
    { kind: 'snippet', name: 'Disponibilité', paragraphs: ['Je peux commencer cette semaine et je réponds aux messages sous un jour ouvré.'] },
    { kind: 'snippet', name: 'Révisions incluses', paragraphs: ['Deux séries de corrections sont incluses ; les modifications supplémentaires sont facturées à l’heure.'] },
  ],
  es: [
    {
      kind: 'template',
      name: 'Carta de presentación – web para pequeñas empresas',
      paragraphs: [
        'Hola, {client.name}:',
        'he leído su anuncio «{project.title}» y me encantaría encargarme. Desde hace diez años hago webs rápidas y fáciles de actualizar para tiendas, despachos y bodegas, también en varios idiomas.',
        'Empezaría con una breve llamada para acordar páginas y prioridades, y le enseñaría una primera versión en una semana.',
        'Mi tarifa es {my.rate}; el precio cerrado y los hitos están en esta propuesta.',
        'Un saludo,\n{my.name}',
      ],
    },
    { kind: 'snippet', name: 'Disponibilidad', paragraphs: ['Puedo empezar esta semana y respondo a los mensajes en un día laborable.'] },
    { kind: 'snippet', name: 'Revisiones incluidas', paragraphs: ['Incluye dos rondas de revisiones; los cambios adicionales se facturan por horas.'] },
  ],
};

/** A paragraph per entry, a line break where the text has one (the editor's document as JSON text). */
const documentOf = (paragraphs: readonly string[]): string =>
  JSON.stringify({
    type: 'doc',
    content: paragraphs.map((paragraph) => ({
      type: 'paragraph',
      content: paragraph.split('\n').flatMap((line, index) => [...(index > 0 ? [{ type: 'hardBreak' }] : []), { type: 'text', text: line }]),
    })),
  });

/** The demo templates as the library keeps them (what `proposals.saveTemplate` takes, without an id). */
export const demoTemplateItems = (): { kind: 'template' | 'snippet'; locale: string; name: string; bodyJson: string }[] =>
  Object.entries(demoTemplates).flatMap(([locale, templates]) =>
    templates.map((template) => ({ kind: template.kind, locale, name: template.name, bodyJson: documentOf(template.paragraphs) })),
  );

/** Puts the demo templates into a library that has none (a new demo workspace); returns how many it wrote. */
export const seedDemoTemplatesIfEmpty = (db: WritableDB, now = new Date()): number => {
  if (listTemplates(db, null).length > 0) return 0;
  let written = 0;
  db.transaction(() => {
    for (const template of demoTemplateItems()) {
      written += 1;
      writeTemplate(db, { id: `tpl_demo_${written}`, ...template }, now);
    }
  }).immediate();
  return written;
};
