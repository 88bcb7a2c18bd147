/**
 * The seeded freelancer's profile text and portfolio on the fixture (issue #14: "profile and portfolio where the
 * API has them"). Shapes: `tagline`, `profile_description` (with its projection) on the user as third-party
 * clients of the API read it (cushydigit/go-freelancer-sdk `reqres/types.go` User); portfolio items as the SDK's
 * `tests/test_users.py` FakeGetPortfoliosGetResponse (`files [{id, filename, description}]`, `articles`,
 * `user_id`, `description`) plus `id` and `title`, which clients of the live API read (*3p*). In Italian, the
 * account's primary language, with one item in English: Freelancer keeps one text per field, no translations.
 */
export const selfProfile = {
  tagline: 'Siti WordPress veloci e traduzioni IT ⇄ EN',
  description:
    'Sviluppatrice WordPress e traduttrice a Bologna. Dal 2016 costruisco negozi WooCommerce, temi su misura e siti multilingue per ' +
    'piccole imprese in Italia e in Germania.\n\nLavoro in italiano e in inglese; consegno in tempo e spiego ogni scelta.',
  // A path on the platform's CDN, as the API gives it: kept in raw, not fetched (the UI shows no remote image).
  avatar: '/ppic/1000001/logo/bottega-demo.jpg',
} as const;

export const selfPortfolio = [
  {
    id: 7_001,
    title: 'Negozio online per un frantoio umbro',
    description: 'WooCommerce con spedizioni per zona, pagamenti con carta e PayPal, schede prodotto in italiano e tedesco.',
    files: [{ id: 70_011, filename: 'frantoio-home.jpg', description: 'La pagina iniziale' }],
    articles: [],
  },
  {
    id: 7_002,
    title: 'Tema su misura per uno studio di architettura',
    description: 'Tema a blocchi senza page builder, gallerie leggere, punteggio Lighthouse sopra 95 su mobile.',
    files: [
      { id: 70_021, filename: 'studio-progetti.png', description: 'Elenco dei progetti' },
      { id: 70_022, filename: 'studio-mobile.png', description: 'Su telefono' },
    ],
    articles: [],
  },
  {
    id: 7_003,
    title: 'Website translation for a Bologna food tour',
    description: 'Italian to English localisation of 40 pages, menus and booking e-mails, with SEO titles for each tour.',
    files: [],
    articles: [],
  },
] as const;
