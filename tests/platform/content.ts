/**
 * Multilingual raw material for the seed generator and the live mode: postings written the way clients write
 * them (short, practical, sometimes a little rushed), conversations, cover letters and community posts.
 * Slots in braces are filled by the generator: {business} {city} {tech} {n} {pair} {product} {days} {name}.
 */
import type { projectCategories, storySectors } from '../../shared/platform/records';

/** Bottega's own categories: `other` stands for a marketplace's category it has no name for, never seeded here. */
export type Category = Exclude<(typeof projectCategories)[number], 'other'>;
type StorySector = (typeof storySectors)[number];
export type ContentLanguage = 'it' | 'en' | 'de' | 'fr' | 'es';
/** Categories the seeded freelancers work in; the rest exist so that the feed filter has something to leave out. */
export const mainCategories = ['web_development', 'design', 'translation', 'copywriting', 'seo', 'mobile_apps'] as const;
export type MainCategory = (typeof mainCategories)[number];
export const otherCategories = ['data_entry', 'video', 'accounting'] as const;

type Posting = { titles: readonly string[]; intros: readonly string[]; needs: readonly string[] };

export type LanguagePack = {
  postings: Record<MainCategory, Posting>;
  closers: readonly string[];
  businesses: readonly string[];
  products: readonly string[];
  clientLines: readonly string[];
  freelancerLines: readonly string[];
  coverLetters: readonly string[];
  generalSubjects: readonly string[];
};

const it: LanguagePack = {
  postings: {
    web_development: {
      titles: [
        'Sito web per {business}',
        'Rifacimento sito WordPress per {business} a {city}',
        'E-commerce WooCommerce per {product}',
        'Cerco sviluppatore {tech} per piccolo gestionale',
        'Sistemare sito lento e non responsive',
      ],
      intros: [
        'Ciao, siamo un {business} a {city} e ci serve un sito nuovo, quello attuale è fermo al 2015.',
        'Buongiorno, cerco uno sviluppatore serio per un progetto {tech}.',
        'Abbiamo un negozio online di {product} che va rifatto da zero, il vecchio tema non è più aggiornato.',
        'Salve a tutti, vi scrivo per un lavoro abbastanza urgente.',
      ],
      needs: [
        'Deve essere veloce e funzionare bene da cellulare.',
        'Servono circa {n} pagine più un blog.',
        'Integrazione con pagamenti (Stripe e PayPal) e spedizioni.',
        'Il sito deve essere in italiano e inglese, magari anche tedesco più avanti.',
        'Preferisco {tech}, ma sono aperto a proposte.',
        'Mandatemi link a lavori simili che avete fatto.',
        'Ci serve anche un modulo di prenotazione collegato a Google Calendar.',
      ],
    },
    design: {
      titles: [
        'Logo e immagine coordinata per {business}',
        'Grafica per etichette {product}',
        'Restyling logo + biglietti da visita',
        'Design UI in Figma per app di prenotazioni',
      ],
      intros: [
        'Sto aprendo un {business} a {city} e mi serve un logo che non sembri fatto con Canva.',
        'Cerchiamo un grafico creativo per rinnovare la nostra immagine.',
        'Produciamo {product} da tre generazioni e vogliamo un packaging più moderno.',
      ],
      needs: [
        'Vorrei vedere almeno 3 proposte diverse.',
        'Colori caldi, stile pulito, niente di troppo complicato.',
        'File finali in vettoriale (AI/SVG) e PDF per la stampa.',
        'Servono anche le grafiche per Instagram.',
        'Budget limitato ma possibilità di lavori futuri.',
      ],
    },
    translation: {
      titles: [
        'Traduzione sito web {pair} (circa {n} parole)',
        'Traduzione manuale tecnico {pair}',
        'Cerco traduttore madrelingua per schede prodotto {product}',
        'Revisione traduzione contratto {pair}',
      ],
      intros: [
        'Buongiorno, abbiamo bisogno di tradurre il nostro sito ({n} parole circa).',
        'Siamo un {business} e stiamo aprendo al mercato estero.',
        'Cerco traduttore professionista, NO traduzione automatica per favore.',
      ],
      needs: [
        'Solo madrelingua.',
        'I testi sono in Word, qualcuno in Excel.',
        'Consegna entro {days} giorni.',
        'Terminologia tecnica del settore, vi mando un glossario.',
        'Indicate il prezzo a parola.',
      ],
    },
    copywriting: {
      titles: [
        'Articoli blog per {business} ({n} al mese)',
        'Testi per il nuovo sito di {business}',
        'Descrizioni prodotto per shop di {product}',
        'Copywriter per newsletter settimanale',
      ],
      intros: [
        'Cerchiamo un copywriter che sappia scrivere in modo semplice e diretto.',
        'Abbiamo un {business} a {city} e il blog è fermo da mesi.',
        'Mi servono testi che vendano, non i soliti testi tutti uguali.',
      ],
      needs: [
        'Articoli da 800-1000 parole, ottimizzati SEO.',
        'Tono amichevole ma professionale.',
        'Argomenti già definiti, vi diamo noi la scaletta.',
        'Collaborazione continuativa se ci troviamo bene.',
      ],
    },
    seo: {
      titles: [
        'Posizionamento SEO per {business} a {city}',
        'Audit SEO sito e-commerce {product}',
        'Campagna Google Ads per {business}',
        'SEO locale e scheda Google Business',
      ],
      intros: [
        'Il nostro sito non compare su Google nemmeno cercando il nome.',
        'Abbiamo un e-commerce di {product} e il traffico organico è crollato.',
        'Cerco consulente SEO con esperienza dimostrabile.',
      ],
      needs: [
        'Vorremmo un report iniziale con le priorità.',
        'Analisi parole chiave e concorrenti.',
        'Ottimizzazione tecnica: velocità, sitemap, dati strutturati.',
        'Report mensile con i risultati.',
      ],
    },
    mobile_apps: {
      titles: [
        'App iOS e Android per {business}',
        'App di prenotazione per {business} in {tech}',
        'Aggiornare app esistente (Flutter) e pubblicarla sugli store',
        'MVP app per {product}',
      ],
      intros: [
        'Abbiamo un {business} e vogliamo un\'app per i clienti fedeli.',
        'Ho un\'idea per un\'app e cerco uno sviluppatore per un primo MVP.',
        'La nostra app è stata fatta da un freelance che ora non risponde più.',
      ],
      needs: [
        'Login, notifiche push e pagamenti in app.',
        'Preferibilmente {tech}.',
        'Pubblicazione su App Store e Google Play inclusa.',
        'Il backend esiste già (API REST).',
      ],
    },
  },
  closers: [
    'Grazie e buon lavoro!',
    'Scrivetemi pure per qualsiasi domanda.',
    'Astenersi perditempo, grazie.',
    'Indicate tempi e costi, grazie mille.',
    'Aspetto le vostre proposte.',
  ],
  businesses: [
    'ristorante',
    'agriturismo',
    'studio dentistico',
    'negozio di biciclette',
    'B&B',
    'studio di architettura',
    'palestra',
    'cantina',
    'pasticceria',
    'studio legale',
  ],
  products: ['vini', 'olio extravergine', 'ceramiche artigianali', 'borse in pelle', 'caffè', 'cosmetici naturali'],
  clientLines: [
    'Ciao, grazie per la proposta. Quando potresti iniziare?',
    'Ti ho mandato i file via mail, fammi sapere se si aprono.',
    'Perfetto, procediamo così.',
    'Ci sono novità? Il cliente mi sta chiedendo aggiornamenti.',
    'Il prezzo è un po\' alto per noi, si può fare qualcosa?',
    'Ho visto la bozza, molto bella! Solo il colore del titolo non mi convince.',
    'Possiamo sentirci domani mattina?',
    'Pagamento inviato, grazie ancora!',
  ],
  freelancerLines: [
    'Buongiorno! Posso iniziare già lunedì.',
    'Ricevuti, grazie. Si aprono senza problemi.',
    'Ecco la prima bozza, aspetto il tuo feedback.',
    'Certo, domani alle 10 va benissimo.',
    'Possiamo togliere il blog dalla prima fase e restare nel budget.',
    'Ho corretto il colore, dai un\'occhiata.',
    'Ho caricato tutto, ti mando il link.',
  ],
  coverLetters: [
    'Buongiorno,\n\nho letto con attenzione il progetto "{title}" e credo di poterla aiutare. Da oltre otto anni lavoro come freelance su progetti simili per piccole aziende italiane ed estere.\n\nPosso consegnare in {days} giorni, con due revisioni incluse. Nel mio portfolio trova alcuni lavori recenti.\n\nResto a disposizione per una breve chiamata.\n\nCordiali saluti',
    'Ciao {name},\n\nil tuo progetto mi interessa molto: ho già realizzato lavori quasi identici. Ti propongo di dividere il lavoro in milestone così vedi i progressi passo dopo passo.\n\nTempi: {days} giorni.\n\nA presto!',
    'Salve,\n\nsono uno sviluppatore e consulente con esperienza in {skill}. Le propongo un approccio semplice: analisi iniziale, prima consegna in una settimana, poi rifiniture insieme.\n\nGrazie per l\'attenzione.',
  ],
  generalSubjects: ['Collaborazione futura', 'Domanda sul tuo profilo', 'Preventivo', 'Nuovo progetto in arrivo'],
};

const en: LanguagePack = {
  postings: {
    web_development: {
      titles: [
        'Website for a {business} in {city}',
        'WordPress site redesign – need it done fast',
        'Shopify store for {product}',
        'Need {tech} developer for small internal tool',
        'Fix slow website + make it mobile friendly',
      ],
      intros: [
        'Hi, we run a {business} in {city} and our website is badly out of date.',
        'Looking for an experienced {tech} developer for an ongoing project.',
        'We sell {product} online and need the store rebuilt from scratch.',
        'Hello freelancers, I have a fairly urgent job.',
      ],
      needs: [
        'Must load fast and look good on phones.',
        'Around {n} pages plus a blog.',
        'Stripe and PayPal checkout, shipping rules for EU and UK.',
        'Site needs to be bilingual (English + Italian).',
        'Prefer {tech} but open to suggestions.',
        'Please include links to similar work.',
        'Booking form that syncs with Google Calendar.',
      ],
    },
    design: {
      titles: [
        'Logo + brand identity for new {business}',
        'Label design for {product}',
        'Figma UI for a booking app (8–10 screens)',
        'Pitch deck design, 15 slides',
      ],
      intros: [
        'I am opening a {business} in {city} and need a logo that does not look generic.',
        'We need a creative designer to refresh our brand.',
        'We make {product} and want packaging that stands out on the shelf.',
      ],
      needs: [
        'Show me at least 3 concepts.',
        'Clean, modern, warm colours.',
        'Final files in vector (AI/SVG) plus print-ready PDF.',
        'Social media templates would be a plus.',
        'Small budget now but more work later if it goes well.',
      ],
    },
    translation: {
      titles: [
        'Translate website {pair} (~{n} words)',
        'Technical manual translation {pair}',
        'Native speaker needed for product descriptions ({pair})',
        'Proofread contract translation {pair}',
      ],
      intros: [
        'We need our website translated, roughly {n} words.',
        'We are a {business} expanding into Europe.',
        'Looking for a professional translator – no machine translation please.',
      ],
      needs: [
        'Native speakers only.',
        'Files are Word and a couple of Excel sheets.',
        'Delivery within {days} days.',
        'Industry terminology, glossary provided.',
        'Quote your rate per word.',
      ],
    },
    copywriting: {
      titles: [
        'Blog writer for {business} ({n} posts/month)',
        'Website copy for a {business}',
        'Product descriptions for {product} shop',
        'Copywriter for weekly newsletter',
      ],
      intros: [
        'Looking for a copywriter who can write simply and clearly.',
        'We run a {business} in {city} and our blog has been dead for months.',
        'I need copy that actually sells, not generic filler.',
      ],
      needs: [
        '800–1000 words per article, SEO optimised.',
        'Friendly but professional tone.',
        'Topics and outlines provided by us.',
        'Long-term work for the right person.',
      ],
    },
    seo: {
      titles: [
        'SEO for {business} in {city}',
        'SEO audit for {product} e-commerce',
        'Google Ads campaign setup',
        'Local SEO + Google Business Profile',
      ],
      intros: [
        'Our site does not show up on Google even for our own name.',
        'We sell {product} online and organic traffic dropped by half.',
        'Looking for an SEO consultant with proven results.',
      ],
      needs: [
        'Initial report with priorities.',
        'Keyword and competitor research.',
        'Technical fixes: speed, sitemap, structured data.',
        'Monthly reporting.',
      ],
    },
    mobile_apps: {
      titles: [
        'iOS + Android app for {business}',
        'Booking app in {tech}',
        'Update existing Flutter app and publish to stores',
        'MVP app for {product} subscriptions',
      ],
      intros: [
        'We run a {business} and want a loyalty app for our customers.',
        'I have an app idea and need a developer for the first MVP.',
        'Our previous freelancer disappeared halfway through the app.',
      ],
      needs: [
        'Login, push notifications, in-app payments.',
        '{tech} preferred.',
        'App Store and Google Play submission included.',
        'Backend already exists (REST API).',
      ],
    },
  },
  closers: [
    'Thanks!',
    'Happy to answer questions.',
    'Please start your bid with the word "banana" so I know you read this.',
    'Send timeline and price, thanks.',
    'Looking forward to your proposals.',
  ],
  businesses: ['restaurant', 'dental clinic', 'bike shop', 'guest house', 'architecture studio', 'gym', 'bakery', 'law firm', 'yoga studio', 'coffee roastery'],
  products: ['wine', 'olive oil', 'handmade ceramics', 'leather bags', 'specialty coffee', 'natural cosmetics'],
  clientLines: [
    'Hi, thanks for your proposal. When could you start?',
    'I sent the files by email, let me know if they open.',
    'Great, let us go ahead.',
    'Any news? My boss is asking for an update.',
    'The price is a bit high for us, any flexibility?',
    'Saw the draft, looks great! Not sure about the heading colour though.',
    'Can we have a quick call tomorrow morning?',
    'Payment released, thanks again!',
  ],
  freelancerLines: [
    'Hi! I can start on Monday.',
    'Got them, thanks – all files open fine.',
    'Here is the first draft, looking forward to your feedback.',
    'Sure, 10am works for me.',
    'We could move the blog to phase two and stay within budget.',
    'Fixed the colour, have a look.',
    'Everything is uploaded, sending you the link now.',
  ],
  coverLetters: [
    'Hello,\n\nI read your project "{title}" carefully and I am confident I can help. I have been freelancing for eight years on very similar projects for small businesses across Europe.\n\nI can deliver in {days} days with two rounds of revisions included. You will find recent work in my portfolio.\n\nHappy to jump on a short call.\n\nBest regards',
    'Hi {name},\n\nthis is right up my street – I have built almost the same thing twice this year. I suggest splitting the work into milestones so you see progress every week.\n\nTimeline: {days} days.\n\nCheers!',
    'Hi,\n\nI am a developer and consultant specialising in {skill}. My approach: short discovery, first delivery within a week, then we polish together.\n\nThanks for considering my bid.',
  ],
  generalSubjects: ['Future collaboration', 'Question about your profile', 'Quote request', 'New project coming up'],
};

const de: LanguagePack = {
  postings: {
    web_development: {
      titles: [
        'Neue Website für {business} in {city}',
        'WordPress-Relaunch für {business}',
        'Onlineshop (Shopify/WooCommerce) für {product}',
        '{tech}-Entwickler für kleines internes Tool gesucht',
        'Website zu langsam – Optimierung gesucht',
      ],
      intros: [
        'Hallo, wir sind ein {business} in {city} und unsere Website ist völlig veraltet.',
        'Wir suchen einen erfahrenen {tech}-Entwickler (gerne langfristig).',
        'Wir verkaufen {product} online und brauchen einen neuen Shop.',
        'Guten Tag, es geht um einen recht dringenden Auftrag.',
      ],
      needs: [
        'Responsive und schnell, Google PageSpeed mindestens 90.',
        'Ca. {n} Seiten plus Blog.',
        'Zahlung per Stripe, PayPal und Rechnung.',
        'DSGVO-konform, Cookie-Banner, Impressum.',
        'Bevorzugt {tech}, aber offen für Vorschläge.',
        'Bitte Referenzen mitschicken.',
        'Mehrsprachig: Deutsch, Englisch, evtl. Italienisch.',
      ],
    },
    design: {
      titles: [
        'Logo und Corporate Design für {business}',
        'Etikett-Design für {product}',
        'UI-Design in Figma für Buchungs-App',
        'Flyer und Visitenkarten',
      ],
      intros: [
        'Ich eröffne ein {business} in {city} und brauche ein Logo mit Wiedererkennungswert.',
        'Wir suchen eine/n kreative/n Designer/in für unseren Markenauftritt.',
        'Wir stellen {product} her und möchten eine neue Verpackung.',
      ],
      needs: [
        'Mindestens drei Entwürfe.',
        'Klar, modern, nicht verspielt.',
        'Druckdaten als PDF/X und Vektor.',
        'Vorlagen für Social Media wären super.',
      ],
    },
    translation: {
      titles: [
        'Übersetzung Website {pair} (ca. {n} Wörter)',
        'Fachübersetzung Bedienungsanleitung {pair}',
        'Muttersprachler/in für Produkttexte gesucht ({pair})',
        'Lektorat einer Vertragsübersetzung {pair}',
      ],
      intros: [
        'Wir möchten unsere Website übersetzen lassen, ca. {n} Wörter.',
        'Wir sind ein {business} und expandieren nach Italien und Frankreich.',
        'Gesucht: professionelle Übersetzer, keine maschinelle Übersetzung.',
      ],
      needs: [
        'Nur Muttersprachler.',
        'Dateien in Word und Excel.',
        'Lieferung innerhalb von {days} Tagen.',
        'Glossar wird gestellt.',
        'Bitte Preis pro Wort angeben.',
      ],
    },
    copywriting: {
      titles: [
        'Blogartikel für {business} ({n} pro Monat)',
        'Texte für neue Website',
        'Produktbeschreibungen für {product}-Shop',
        'Texter/in für Newsletter',
      ],
      intros: [
        'Wir suchen jemanden, der verständlich und lebendig schreibt.',
        'Unser Blog liegt seit Monaten brach.',
        'Ich brauche Texte, die verkaufen – keine Floskeln.',
      ],
      needs: [
        '800–1000 Wörter pro Artikel, SEO-optimiert.',
        'Du-Ansprache, locker aber seriös.',
        'Themen und Gliederung geben wir vor.',
        'Langfristige Zusammenarbeit möglich.',
      ],
    },
    seo: {
      titles: ['SEO für {business} in {city}', 'SEO-Audit für Onlineshop', 'Google-Ads-Kampagne einrichten', 'Local SEO und Google-Unternehmensprofil'],
      intros: [
        'Unsere Seite ist bei Google kaum zu finden.',
        'Wir verkaufen {product} online und der organische Traffic ist eingebrochen.',
        'SEO-Berater/in mit nachweisbaren Erfolgen gesucht.',
      ],
      needs: ['Erstanalyse mit Prioritäten.', 'Keyword- und Wettbewerbsanalyse.', 'Technische Optimierung (Ladezeit, Sitemap).', 'Monatliches Reporting.'],
    },
    mobile_apps: {
      titles: ['App für iOS und Android für {business}', 'Buchungs-App in {tech}', 'Bestehende Flutter-App aktualisieren', 'MVP-App für {product}-Abo'],
      intros: [
        'Wir möchten eine Kunden-App für unser {business}.',
        'Ich habe eine App-Idee und suche Unterstützung für ein MVP.',
        'Unser bisheriger Entwickler ist nicht mehr erreichbar.',
      ],
      needs: ['Login, Push-Benachrichtigungen, In-App-Zahlungen.', 'Bevorzugt {tech}.', 'Veröffentlichung in den Stores inklusive.', 'Backend (REST-API) ist vorhanden.'],
    },
  },
  closers: ['Vielen Dank!', 'Bei Fragen gerne melden.', 'Bitte mit Zeitplan und Festpreis anbieten.', 'Wir freuen uns auf Ihre Angebote.'],
  businesses: ['Restaurant', 'Zahnarztpraxis', 'Fahrradladen', 'Hotel', 'Architekturbüro', 'Fitnessstudio', 'Bäckerei', 'Anwaltskanzlei', 'Weingut', 'Physiotherapiepraxis'],
  products: ['Wein', 'Olivenöl', 'Keramik', 'Ledertaschen', 'Kaffee', 'Naturkosmetik'],
  clientLines: [
    'Hallo, danke für das Angebot. Wann könnten Sie anfangen?',
    'Ich habe Ihnen die Dateien per Mail geschickt.',
    'Super, dann machen wir das so.',
    'Gibt es schon etwas Neues?',
    'Der Preis ist etwas hoch für uns, geht da noch was?',
    'Der Entwurf gefällt mir sehr gut, nur die Schrift ist mir zu klein.',
    'Können wir morgen kurz telefonieren?',
    'Zahlung ist raus, vielen Dank!',
  ],
  freelancerLines: [
    'Guten Tag! Ich kann am Montag starten.',
    'Danke, die Dateien sind angekommen.',
    'Anbei der erste Entwurf, ich freue mich auf Ihr Feedback.',
    'Gerne, morgen um 10 Uhr passt.',
    'Wir könnten den Blog in Phase zwei verschieben.',
    'Schrift ist angepasst, schauen Sie mal.',
  ],
  coverLetters: [
    'Guten Tag,\n\nich habe Ihr Projekt "{title}" gelesen und kann Sie gern unterstützen. Seit acht Jahren arbeite ich als Freelancer für kleine und mittlere Unternehmen in Deutschland, Österreich und der Schweiz.\n\nLieferung in {days} Tagen, zwei Korrekturschleifen inklusive.\n\nFür Rückfragen stehe ich gern telefonisch zur Verfügung.\n\nMit freundlichen Grüßen',
    'Hallo {name},\n\ngenau so ein Projekt habe ich dieses Jahr schon zweimal umgesetzt. Ich schlage eine Aufteilung in Meilensteine vor.\n\nDauer: {days} Tage.\n\nViele Grüße',
  ],
  generalSubjects: ['Zusammenarbeit', 'Frage zu Ihrem Profil', 'Angebot', 'Neues Projekt'],
};

const fr: LanguagePack = {
  postings: {
    web_development: {
      titles: [
        'Site web pour {business} à {city}',
        'Refonte site WordPress',
        'Boutique en ligne pour {product}',
        'Développeur {tech} pour outil interne',
        'Site trop lent, besoin d\'optimisation',
      ],
      intros: [
        'Bonjour, nous sommes un {business} à {city} et notre site date de 2014.',
        'Nous cherchons un développeur {tech} expérimenté.',
        'Nous vendons des {product} en ligne et il faut refaire la boutique.',
        'Bonjour à tous, mission assez urgente.',
      ],
      needs: [
        'Le site doit être rapide et adapté au mobile.',
        'Environ {n} pages et un blog.',
        'Paiement CB, PayPal, et gestion des frais de port.',
        'Site en français et anglais.',
        '{tech} de préférence.',
        'Merci de joindre des exemples de réalisations.',
      ],
    },
    design: {
      titles: ['Logo et charte graphique pour {business}', 'Étiquettes pour {product}', 'Maquettes Figma pour application', 'Flyers et cartes de visite'],
      intros: [
        'J\'ouvre un {business} à {city} et j\'ai besoin d\'un logo original.',
        'Nous cherchons un graphiste pour moderniser notre image.',
        'Nous produisons des {product} et voulons un nouvel emballage.',
      ],
      needs: ['Au moins trois propositions.', 'Style épuré et chaleureux.', 'Fichiers vectoriels et PDF pour l\'imprimeur.', 'Déclinaisons pour les réseaux sociaux.'],
    },
    translation: {
      titles: ['Traduction site internet {pair} (~{n} mots)', 'Traduction notice technique {pair}', 'Traducteur natif pour fiches produits ({pair})', 'Relecture traduction juridique {pair}'],
      intros: ['Nous devons traduire notre site, environ {n} mots.', 'Nous sommes un {business} qui se développe à l\'international.', 'Traducteur professionnel uniquement, pas de traduction automatique.'],
      needs: ['Langue maternelle obligatoire.', 'Fichiers Word et Excel.', 'Livraison sous {days} jours.', 'Glossaire fourni.', 'Merci d\'indiquer votre tarif au mot.'],
    },
    copywriting: {
      titles: ['Rédacteur web pour {business} ({n} articles/mois)', 'Textes pour nouveau site', 'Fiches produits pour boutique de {product}', 'Rédaction newsletter hebdomadaire'],
      intros: ['Nous cherchons un rédacteur qui écrit simplement et clairement.', 'Notre blog est à l\'abandon depuis des mois.', 'J\'ai besoin de textes qui vendent.'],
      needs: ['Articles de 800 à 1000 mots, optimisés SEO.', 'Ton chaleureux mais professionnel.', 'Sujets fournis.', 'Collaboration sur la durée possible.'],
    },
    seo: {
      titles: ['Référencement naturel pour {business}', 'Audit SEO boutique en ligne', 'Campagne Google Ads', 'SEO local et fiche Google'],
      intros: ['Notre site est invisible sur Google.', 'Nous vendons des {product} et le trafic a chuté.', 'Consultant SEO avec références recherché.'],
      needs: ['Audit initial avec priorités.', 'Recherche de mots-clés.', 'Optimisation technique.', 'Rapport mensuel.'],
    },
    mobile_apps: {
      titles: ['Application iOS et Android pour {business}', 'Application de réservation en {tech}', 'Mise à jour application Flutter existante', 'MVP pour abonnement {product}'],
      intros: ['Nous voulons une application de fidélité pour nos clients.', 'J\'ai une idée d\'application et cherche un développeur pour un MVP.', 'Notre ancien prestataire ne répond plus.'],
      needs: ['Connexion, notifications push, paiement intégré.', '{tech} de préférence.', 'Publication sur les stores incluse.', 'API REST déjà en place.'],
    },
  },
  closers: ['Merci !', 'N\'hésitez pas si vous avez des questions.', 'Merci d\'indiquer délai et prix.', 'Au plaisir de vous lire.'],
  businesses: ['restaurant', 'cabinet dentaire', 'magasin de vélos', 'chambre d\'hôtes', 'cabinet d\'architectes', 'salle de sport', 'boulangerie', 'cabinet d\'avocats', 'domaine viticole'],
  products: ['vins', 'huile d\'olive', 'céramiques', 'sacs en cuir', 'cafés de spécialité', 'cosmétiques bio'],
  clientLines: [
    'Bonjour, merci pour votre proposition. Quand pouvez-vous commencer ?',
    'Je vous ai envoyé les fichiers par e-mail.',
    'Parfait, on part là-dessus.',
    'Des nouvelles ?',
    'Le prix est un peu élevé pour nous, une marge de manœuvre ?',
    'La maquette est très réussie, seule la couleur du titre me gêne.',
    'On peut s\'appeler demain matin ?',
    'Paiement effectué, merci encore !',
  ],
  freelancerLines: [
    'Bonjour ! Je peux commencer lundi.',
    'Bien reçu, merci.',
    'Voici une première version, j\'attends vos retours.',
    'Avec plaisir, demain 10h me convient.',
    'On peut reporter le blog à une seconde phase.',
    'Couleur corrigée, vous pouvez regarder.',
  ],
  coverLetters: [
    'Bonjour,\n\nj\'ai lu attentivement votre projet « {title} » et je peux vous aider. Je travaille en freelance depuis huit ans sur des missions similaires.\n\nLivraison en {days} jours, deux séries de corrections comprises.\n\nJe reste disponible pour un court échange.\n\nCordialement',
    'Bonjour {name},\n\nj\'ai réalisé deux projets presque identiques cette année. Je propose de découper le travail en jalons.\n\nDélai : {days} jours.\n\nBien à vous',
  ],
  generalSubjects: ['Collaboration future', 'Question sur votre profil', 'Demande de devis', 'Nouveau projet'],
};

const es: LanguagePack = {
  postings: {
    web_development: {
      titles: ['Página web para {business} en {city}', 'Rediseño web en WordPress', 'Tienda online para {product}', 'Desarrollador {tech} para herramienta interna', 'Web lenta, necesito optimizarla'],
      intros: [
        'Hola, tenemos un {business} en {city} y nuestra web está muy anticuada.',
        'Buscamos un desarrollador {tech} con experiencia.',
        'Vendemos {product} online y hay que rehacer la tienda.',
        'Buenas, es un trabajo bastante urgente.',
      ],
      needs: ['Que cargue rápido y se vea bien en el móvil.', 'Unas {n} páginas más blog.', 'Pago con tarjeta, PayPal y Bizum.', 'Web en español e inglés.', 'Preferiblemente {tech}.', 'Enviad ejemplos de trabajos parecidos.'],
    },
    design: {
      titles: ['Logo e identidad visual para {business}', 'Diseño de etiquetas para {product}', 'Diseño UI en Figma para app', 'Folletos y tarjetas de visita'],
      intros: ['Voy a abrir un {business} en {city} y necesito un logo original.', 'Buscamos diseñador creativo para renovar nuestra imagen.', 'Producimos {product} y queremos un packaging nuevo.'],
      needs: ['Mínimo tres propuestas.', 'Estilo limpio y cálido.', 'Archivos vectoriales y PDF para imprenta.', 'Plantillas para redes sociales.'],
    },
    translation: {
      titles: ['Traducción web {pair} (~{n} palabras)', 'Traducción manual técnico {pair}', 'Traductor nativo para fichas de producto ({pair})', 'Revisión traducción de contrato {pair}'],
      intros: ['Necesitamos traducir nuestra web, unas {n} palabras.', 'Somos un {business} y empezamos a vender en Europa.', 'Solo traductores profesionales, nada de traducción automática.'],
      needs: ['Solo nativos.', 'Archivos en Word y Excel.', 'Entrega en {days} días.', 'Os pasamos un glosario.', 'Indicad precio por palabra.'],
    },
    copywriting: {
      titles: ['Redactor para blog de {business} ({n} artículos/mes)', 'Textos para la web nueva', 'Descripciones de producto para tienda de {product}', 'Copywriter para newsletter'],
      intros: ['Buscamos un redactor que escriba claro y cercano.', 'El blog lleva meses parado.', 'Necesito textos que vendan.'],
      needs: ['Artículos de 800-1000 palabras optimizados para SEO.', 'Tono cercano pero profesional.', 'Temas definidos por nosotros.', 'Colaboración a largo plazo.'],
    },
    seo: {
      titles: ['Posicionamiento SEO para {business}', 'Auditoría SEO tienda online', 'Campaña de Google Ads', 'SEO local y ficha de Google'],
      intros: ['Nuestra web no aparece en Google.', 'Vendemos {product} online y el tráfico ha caído.', 'Busco consultor SEO con resultados demostrables.'],
      needs: ['Informe inicial con prioridades.', 'Estudio de palabras clave.', 'Optimización técnica.', 'Informe mensual.'],
    },
    mobile_apps: {
      titles: ['App iOS y Android para {business}', 'App de reservas en {tech}', 'Actualizar app Flutter existente', 'MVP de app para {product}'],
      intros: ['Queremos una app de fidelización para nuestros clientes.', 'Tengo una idea de app y busco desarrollador para un MVP.', 'El freelance anterior desapareció.'],
      needs: ['Login, notificaciones push y pagos.', 'Preferiblemente {tech}.', 'Publicación en las tiendas incluida.', 'El backend ya existe (API REST).'],
    },
  },
  closers: ['¡Gracias!', 'Cualquier duda me escribís.', 'Indicad plazo y precio, por favor.', 'Espero vuestras propuestas.'],
  businesses: ['restaurante', 'clínica dental', 'tienda de bicis', 'casa rural', 'estudio de arquitectura', 'gimnasio', 'panadería', 'despacho de abogados', 'bodega'],
  products: ['vinos', 'aceite de oliva', 'cerámica artesanal', 'bolsos de piel', 'café de especialidad', 'cosmética natural'],
  clientLines: [
    'Hola, gracias por la propuesta. ¿Cuándo podrías empezar?',
    'Te he mandado los archivos por correo.',
    'Perfecto, adelante.',
    '¿Alguna novedad?',
    'El precio se nos va un poco, ¿hay margen?',
    'He visto el borrador, ¡muy bonito! Solo cambiaría el color del título.',
    '¿Podemos hablar mañana por la mañana?',
    'Pago enviado, ¡gracias de nuevo!',
  ],
  freelancerLines: ['¡Hola! Puedo empezar el lunes.', 'Recibidos, gracias.', 'Aquí tienes el primer borrador.', 'Claro, mañana a las 10 me va bien.', 'Podemos dejar el blog para una segunda fase.', 'Color cambiado, échale un vistazo.'],
  coverLetters: [
    'Hola,\n\nhe leído con atención el proyecto «{title}» y creo que puedo ayudarle. Llevo ocho años trabajando como freelance en proyectos muy parecidos.\n\nPuedo entregar en {days} días, con dos rondas de cambios incluidas.\n\nQuedo a su disposición para una llamada breve.\n\nUn saludo',
    'Hola {name},\n\neste año he hecho dos proyectos casi idénticos. Propongo dividir el trabajo en hitos.\n\nPlazo: {days} días.\n\n¡Saludos!',
  ],
  generalSubjects: ['Colaboración futura', 'Pregunta sobre tu perfil', 'Presupuesto', 'Nuevo proyecto'],
};

export const languagePacks: Record<ContentLanguage, LanguagePack> = { it, en, de, fr, es };

/** Postings outside the main categories (the seeded freelancers do not work in these). */
export const otherPostings: Record<(typeof otherCategories)[number], Record<'en' | 'it' | 'de', readonly string[]>> = {
  data_entry: {
    en: ['Data entry: copy {n} product records into Excel', 'Clean up CRM contacts spreadsheet'],
    it: ['Inserimento dati: {n} schede prodotto in Excel', 'Sistemare database contatti'],
    de: ['Dateneingabe: {n} Produkte in Excel übertragen', 'CRM-Kontakte bereinigen'],
  },
  video: {
    en: ['Edit promo video for {business} (60 seconds)', 'YouTube editor needed, 4 videos a month'],
    it: ['Montaggio video promozionale per {business}', 'Video editor per canale YouTube'],
    de: ['Imagefilm schneiden für {business}', 'Videocutter für YouTube-Kanal gesucht'],
  },
  accounting: {
    en: ['Bookkeeping for small {business}', 'Year-end accounts, sole trader'],
    it: ['Contabilità ordinaria per {business}', 'Dichiarazione redditi forfettario'],
    de: ['Buchhaltung für kleines {business}', 'Jahresabschluss Einzelunternehmen'],
  },
};

/** Postings in languages the seeded freelancers do not read, so the language filter is visible. */
export const foreignPostings: readonly { language: string; category: (typeof mainCategories)[number]; title: string; description: string }[] = [
  { language: 'pt', category: 'web_development', title: 'Criação de site para restaurante em Lisboa', description: 'Precisamos de um site simples, rápido e bonito, com menu e reservas online.' },
  { language: 'pt', category: 'translation', title: 'Tradução de catálogo para português do Brasil', description: 'Catálogo de 40 páginas, arquivo em InDesign.' },
  { language: 'nl', category: 'web_development', title: 'Webshop bouwen voor fietsenwinkel', description: 'Wij zoeken een ervaren developer voor een nieuwe webshop in WooCommerce.' },
  { language: 'nl', category: 'design', title: 'Logo ontwerp voor koffiebar', description: 'Nieuw logo en huisstijl, strak en modern.' },
  { language: 'pl', category: 'web_development', title: 'Strona internetowa dla gabinetu stomatologicznego', description: 'Prosta strona w WordPressie, 6 podstron, formularz kontaktowy.' },
];

export const skillsByCategory: Record<Category, readonly string[]> = {
  web_development: ['wordpress', 'php', 'react', 'javascript', 'typescript', 'node.js', 'laravel', 'woocommerce', 'shopify', 'html', 'css', 'vue'],
  design: ['logo-design', 'graphic-design', 'figma', 'ui-design', 'illustrator', 'photoshop', 'branding'],
  translation: ['translation', 'proofreading', 'localization', 'it-en-translation', 'en-it-translation', 'de-it-translation', 'fr-it-translation', 'es-it-translation'],
  copywriting: ['copywriting', 'content-writing', 'blog-writing', 'product-descriptions', 'ghostwriting'],
  seo: ['seo', 'google-ads', 'keyword-research', 'link-building', 'google-analytics', 'local-seo'],
  mobile_apps: ['flutter', 'react-native', 'ios', 'android', 'swift', 'kotlin'],
  data_entry: ['data-entry', 'excel'],
  video: ['video-editing', 'premiere-pro', 'after-effects', 'motion-graphics'],
  accounting: ['bookkeeping', 'accounting', 'tax'],
};

export const techByCategory: Partial<Record<Category, readonly string[]>> = {
  web_development: ['WordPress', 'React', 'Laravel', 'Next.js', 'Vue', 'PHP', 'Node.js'],
  mobile_apps: ['Flutter', 'React Native', 'Swift', 'Kotlin'],
};

export const languagePairs: readonly string[] = ['IT>EN', 'EN>IT', 'DE>IT', 'IT>DE', 'FR>IT', 'IT>FR', 'ES>IT', 'EN>DE', 'EN>FR', 'EN>ES', 'DE>EN'];

/** Who posts projects: country, the language they write in, currency, cities, names. */
export type CountryProfile = {
  country: string;
  languages: readonly string[];
  currency: string;
  /** How many units of this currency a euro roughly buys, for realistic budgets. */
  perEuro: number;
  cities: readonly string[];
  first: readonly string[];
  last: readonly string[];
  companySuffix: readonly string[];
  weight: number;
};

export const countryProfiles: readonly CountryProfile[] = [
  { country: 'IT', languages: ['it', 'en'], currency: 'EUR', perEuro: 1, cities: ['Milano', 'Roma', 'Bologna', 'Torino', 'Napoli', 'Firenze', 'Bari', 'Verona'], first: ['Giulia', 'Marco', 'Francesca', 'Luca', 'Chiara', 'Alessandro', 'Sara', 'Davide'], last: ['Rossi', 'Bianchi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'], companySuffix: ['S.r.l.', 'S.n.c.', 'S.p.A.'], weight: 22 },
  { country: 'DE', languages: ['de', 'en'], currency: 'EUR', perEuro: 1, cities: ['Berlin', 'München', 'Hamburg', 'Köln', 'Frankfurt', 'Leipzig'], first: ['Anna', 'Lukas', 'Sophie', 'Jonas', 'Lena', 'Felix', 'Katrin', 'Stefan'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann'], companySuffix: ['GmbH', 'UG', 'GmbH & Co. KG'], weight: 14 },
  { country: 'AT', languages: ['de'], currency: 'EUR', perEuro: 1, cities: ['Wien', 'Graz', 'Salzburg', 'Innsbruck'], first: ['Maximilian', 'Johanna', 'Tobias', 'Magdalena'], last: ['Gruber', 'Huber', 'Bauer', 'Wimmer'], companySuffix: ['GmbH', 'e.U.'], weight: 4 },
  { country: 'CH', languages: ['de', 'fr', 'it', 'en'], currency: 'CHF', perEuro: 0.95, cities: ['Zürich', 'Genève', 'Lugano', 'Basel', 'Bern'], first: ['Nicole', 'Reto', 'Céline', 'Marco', 'Andrea'], last: ['Meier', 'Keller', 'Favre', 'Bernasconi', 'Brunner'], companySuffix: ['AG', 'GmbH', 'SA', 'Sagl'], weight: 5 },
  { country: 'FR', languages: ['fr', 'en'], currency: 'EUR', perEuro: 1, cities: ['Paris', 'Lyon', 'Marseille', 'Bordeaux', 'Nantes', 'Lille'], first: ['Camille', 'Julien', 'Manon', 'Nicolas', 'Léa', 'Thomas', 'Chloé'], last: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre', 'Girard'], companySuffix: ['SARL', 'SAS', 'EURL'], weight: 11 },
  { country: 'BE', languages: ['fr', 'en'], currency: 'EUR', perEuro: 1, cities: ['Bruxelles', 'Liège', 'Namur'], first: ['Elise', 'Maxime', 'Louise', 'Arnaud'], last: ['Peeters', 'Janssens', 'Lambert', 'Dupont'], companySuffix: ['SRL', 'SA'], weight: 3 },
  { country: 'ES', languages: ['es', 'en'], currency: 'EUR', perEuro: 1, cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Málaga'], first: ['Lucía', 'Javier', 'Marta', 'Pablo', 'Carmen', 'Sergio'], last: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Ruiz'], companySuffix: ['S.L.', 'S.A.'], weight: 10 },
  { country: 'MX', languages: ['es'], currency: 'MXN', perEuro: 20, cities: ['Ciudad de México', 'Guadalajara', 'Monterrey', 'Puebla'], first: ['Valeria', 'Diego', 'Ximena', 'Alejandro'], last: ['Hernández', 'González', 'Ramírez', 'Torres'], companySuffix: ['S.A. de C.V.'], weight: 4 },
  { country: 'AR', languages: ['es'], currency: 'USD', perEuro: 1.08, cities: ['Buenos Aires', 'Córdoba', 'Rosario'], first: ['Martina', 'Santiago', 'Agustina', 'Matías'], last: ['Gómez', 'Díaz', 'Pérez', 'Romero'], companySuffix: ['S.R.L.', 'S.A.'], weight: 2 },
  { country: 'GB', languages: ['en'], currency: 'GBP', perEuro: 0.85, cities: ['London', 'Manchester', 'Bristol', 'Edinburgh', 'Leeds'], first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Emily'], last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans'], companySuffix: ['Ltd', 'LLP'], weight: 9 },
  { country: 'IE', languages: ['en'], currency: 'EUR', perEuro: 1, cities: ['Dublin', 'Cork', 'Galway'], first: ['Aoife', 'Conor', 'Niamh', 'Seán'], last: ['Murphy', 'Kelly', 'O\'Brien', 'Walsh'], companySuffix: ['Ltd', 'DAC'], weight: 2 },
  { country: 'US', languages: ['en'], currency: 'USD', perEuro: 1.08, cities: ['New York', 'Austin', 'San Francisco', 'Chicago', 'Miami', 'Seattle'], first: ['Emma', 'Michael', 'Olivia', 'James', 'Ava', 'Daniel'], last: ['Johnson', 'Williams', 'Miller', 'Davis', 'Anderson', 'Clark'], companySuffix: ['LLC', 'Inc.'], weight: 9 },
  { country: 'CA', languages: ['en', 'fr'], currency: 'CAD', perEuro: 1.5, cities: ['Toronto', 'Montréal', 'Vancouver'], first: ['Liam', 'Chloe', 'Noah', 'Florence'], last: ['Tremblay', 'Roy', 'Campbell', 'Gagnon'], companySuffix: ['Inc.', 'Ltd.'], weight: 3 },
  { country: 'AU', languages: ['en'], currency: 'AUD', perEuro: 1.65, cities: ['Sydney', 'Melbourne', 'Brisbane'], first: ['Jack', 'Charlotte', 'William', 'Mia'], last: ['Thompson', 'White', 'Martin', 'Lee'], companySuffix: ['Pty Ltd'], weight: 2 },
  { country: 'NL', languages: ['en', 'nl'], currency: 'EUR', perEuro: 1, cities: ['Amsterdam', 'Rotterdam', 'Utrecht'], first: ['Daan', 'Sanne', 'Bram', 'Fleur'], last: ['de Vries', 'Jansen', 'Bakker', 'Visser'], companySuffix: ['B.V.'], weight: 3 },
  { country: 'PT', languages: ['en', 'pt'], currency: 'EUR', perEuro: 1, cities: ['Lisboa', 'Porto'], first: ['Inês', 'João', 'Beatriz', 'Tiago'], last: ['Silva', 'Santos', 'Ferreira', 'Costa'], companySuffix: ['Lda.'], weight: 2 },
  { country: 'PL', languages: ['en', 'pl'], currency: 'PLN', perEuro: 4.3, cities: ['Warszawa', 'Kraków', 'Wrocław'], first: ['Zofia', 'Jakub', 'Aleksandra', 'Kacper'], last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik'], companySuffix: ['sp. z o.o.'], weight: 2 },
  { country: 'SE', languages: ['en'], currency: 'SEK', perEuro: 11.5, cities: ['Stockholm', 'Göteborg', 'Malmö'], first: ['Elsa', 'Erik', 'Ebba', 'Oscar'], last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson'], companySuffix: ['AB'], weight: 2 },
];

/** Budget ranges in euros per category: [min, max] for fixed projects, hourly rates for hourly ones. */
export const budgetRanges: Record<Category, { fixed: readonly [number, number]; hourly: readonly [number, number] }> = {
  web_development: { fixed: [300, 8000], hourly: [20, 70] },
  design: { fixed: [100, 2500], hourly: [20, 55] },
  translation: { fixed: [50, 1800], hourly: [18, 45] },
  copywriting: { fixed: [50, 1200], hourly: [18, 50] },
  seo: { fixed: [200, 3000], hourly: [25, 70] },
  mobile_apps: { fixed: [1500, 25000], hourly: [30, 90] },
  data_entry: { fixed: [30, 500], hourly: [8, 18] },
  video: { fixed: [100, 2000], hourly: [20, 50] },
  accounting: { fixed: [150, 2500], hourly: [25, 60] },
};

/** `author`: the story speaks of a woman or a man (Traduttrice, camarera, Webdesignerin), so its author's name agrees. */
type StoryTemplate = { profession: string; sector: StorySector; tools: readonly string[]; title: string; body: string; tags: readonly string[]; author?: 'woman' | 'man' };

/** The women's first names of `countryProfiles` (the rest are men's or either), for a story told in the feminine. */
export const womenFirstNames: ReadonlySet<string> = new Set([
  'Giulia', 'Francesca', 'Chiara', 'Sara', 'Anna', 'Sophie', 'Lena', 'Katrin', 'Johanna', 'Magdalena', 'Nicole', 'Céline', 'Manon', 'Léa',
  'Chloé', 'Elise', 'Louise', 'Lucía', 'Marta', 'Carmen', 'Valeria', 'Ximena', 'Martina', 'Agustina', 'Amelia', 'Isla', 'Emily', 'Aoife', 'Niamh',
  'Emma', 'Olivia', 'Ava', 'Chloe', 'Florence', 'Charlotte', 'Mia', 'Sanne', 'Fleur', 'Inês', 'Beatriz', 'Zofia', 'Aleksandra', 'Elsa', 'Ebba',
]);

/** Community success stories, wwworkers-style: people who made a living from the web. */
export const stories: Record<ContentLanguage, readonly StoryTemplate[]> = {
  it: [
    { author: 'man', profession: 'Viticoltore digitale', sector: 'food_and_farming', tools: ['Shopify', 'Mailchimp', 'Instagram'], title: 'Ho lasciato la banca per fare il vino e venderlo online', body: 'Dopo quindici anni allo sportello sono tornato nella vigna di famiglia vicino a {city}. Il sito e la newsletter ci hanno portato clienti in tutta Europa: oggi il 40% delle bottiglie parte con un corriere.', tags: ['vino', 'e-commerce', 'reinvenzione'] },
    { author: 'woman', profession: 'Social media manager', sector: 'marketing', tools: ['Meta Business Suite', 'Canva', 'Later'], title: 'Da commessa a social media manager per tre cantine', body: 'Tre anni fa lavoravo in un negozio di scarpe a {city}. Ho iniziato gestendo la pagina di un amico che fa vino, poi sono arrivati altri due produttori. Oggi lavoro da casa, organizzo il mio tempo e ho clienti anche in Germania. Il consiglio che do a tutti: iniziate da chi conoscete e chiedete sempre una recensione.', tags: ['social', 'vino', 'remoto'] },
    { author: 'woman', profession: 'Traduttrice tecnica', sector: 'translation', tools: ['Trados Studio', 'DeepL', 'Xbench'], title: 'Traduco manuali di macchine agricole dal mio paese di 800 abitanti', body: 'Vivo in un paese dell\'Appennino e lavoro per aziende di mezza Europa. La connessione in fibra è arrivata solo nel 2022, prima usavo una chiavetta 4G appoggiata alla finestra. Specializzarsi paga: dopo due anni di manuali tecnici le agenzie mi cercano per nome.', tags: ['traduzione', 'borghi', 'specializzazione'] },
    { author: 'man', profession: 'Sviluppatore WordPress', sector: 'software', tools: ['WordPress', 'WooCommerce', 'Git'], title: 'Il mio primo cliente trovato online e come è cambiato tutto', body: 'Ho fatto il primo sito per un B&B a {city} per 300 euro. Oggi ho un piccolo team e manteniamo più di cento siti. Quello che ho imparato: contratti chiari, acconto sempre, e mai lavorare senza backup.', tags: ['wordpress', 'freelance', 'crescita'] },
  ],
  en: [
    { profession: 'No-code automation consultant', sector: 'consulting', tools: ['Zapier', 'Airtable', 'Make'], title: 'I automate small businesses so they can stop copying and pasting', body: 'I used to be an office manager in {city}. Now I connect forms, spreadsheets and invoices for bakeries, gyms and architects. Most projects take a week.', tags: ['automation', 'no-code', 'new-professions'] },
    { profession: 'Podcast editor', sector: 'media', tools: ['Reaper', 'Auphonic', 'Descript'], title: 'A profession that did not exist when I was at school', body: 'I edit eight podcasts a week from a small flat in {city}. Clients find me through the community forum and word of mouth. Tip: publish your rates, it filters out the time-wasters.', tags: ['podcast', 'audio', 'new-professions'] },
    { profession: 'Shopify developer', sector: 'commerce', tools: ['Shopify', 'Liquid', 'Klaviyo'], title: 'How I replaced my salary with three retainer clients', body: 'The trick was not more clients, it was fewer and better ones. I offer a monthly care plan: updates, small changes, a report. It took a year, but now my income is predictable and I choose my projects.', tags: ['shopify', 'retainers', 'pricing'] },
    { profession: 'UX writer', sector: 'writing', tools: ['Figma', 'Notion', 'Hemingway'], title: 'From call centre to UX writer in 18 months', body: 'I spent six years answering complaints. It turns out that is great training for writing interface text that does not make people angry. I took two online courses, rewrote the error messages of three open-source apps for free, and used them as my portfolio.', tags: ['ux', 'career-change', 'writing'] },
  ],
  de: [
    { author: 'woman', profession: 'Online-Tischlerin', sector: 'crafts', tools: ['Etsy', 'SketchUp', 'Lightroom'], title: 'Die Familienwerkstatt verkauft jetzt in ganz Europa', body: 'Die Tischlerei meines Vaters in {city} stand kurz vor dem Aus. Mit einem Online-Shop und guten Fotos verkaufen wir Einzelstücke bis nach Schweden.', tags: ['handwerk', 'familienbetrieb', 'onlineshop'] },
    { author: 'woman', profession: 'Webdesignerin', sector: 'design', tools: ['Figma', 'Webflow', 'Affinity Designer'], title: 'Vom Bürojob zur selbstständigen Webdesignerin', body: 'Nach zehn Jahren im Büro habe ich abends Webdesign gelernt. Der erste Auftrag kam über eine Plattform, der zweite über eine Empfehlung. Heute arbeite ich für Handwerksbetriebe in ganz Bayern – und wann ich will.', tags: ['webdesign', 'selbstständig', 'quereinstieg'] },
    { author: 'man', profession: 'SEO-Berater', sector: 'consulting', tools: ['Search Console', 'Screaming Frog', 'Looker Studio'], title: 'Warum ich nur noch lokale Unternehmen berate', body: 'Spezialisierung war meine beste Entscheidung. Zahnärzte, Bäckereien, Physiotherapeuten in {city}: Sie brauchen alle dasselbe, und ich weiß genau, was funktioniert.', tags: ['seo', 'lokal', 'nische'] },
  ],
  fr: [
    { profession: 'Guide de voyage en ligne', sector: 'tourism', tools: ['Airbnb Experiences', 'Zoom', 'WordPress'], title: 'Je fais visiter ma ville à des gens qui ne sont jamais venus', body: 'Visites guidées en direct de {city}, vendues en ligne : une idée née pendant le confinement qui est devenue mon métier.', tags: ['tourisme', 'nouveaux-métiers', 'vidéo'] },
    { author: 'woman', profession: 'Rédactrice web', sector: 'writing', tools: ['Google Docs', 'Semrush', 'Antidote'], title: 'J\'ai quitté Paris pour écrire depuis la Bretagne', body: 'Je rédige des fiches produits et des articles pour des boutiques en ligne. Le télétravail m\'a permis de vivre près de la mer sans perdre mes clients. Mon conseil : soignez votre profil et répondez vite.', tags: ['rédaction', 'télétravail', 'reconversion'] },
    { profession: 'Motion designer', sector: 'media', tools: ['After Effects', 'Cinema 4D', 'Frame.io'], title: 'Un métier né avec les réseaux sociaux', body: 'Il y a cinq ans, personne ne savait ce qu\'était le motion design. Aujourd\'hui je travaille pour des marques à {city} et à Montréal, depuis mon salon.', tags: ['motion', 'vidéo', 'nouveaux-métiers'] },
  ],
  es: [
    { author: 'woman', profession: 'Profesora de idiomas online', sector: 'education', tools: ['Zoom', 'Miro', 'Anki'], title: 'Enseño español a alumnos de veinte países desde {city}', body: 'Dejé la academia para dar clases por videollamada. Lo difícil fue aprender a venderme; lo bonito, los alumnos.', tags: ['educación', 'idiomas', 'remoto'] },
    { author: 'woman', profession: 'Community manager', sector: 'marketing', tools: ['Metricool', 'Canva', 'CapCut'], title: 'De camarera a community manager en Valencia', body: 'Empecé llevando las redes del bar donde trabajaba. Hoy gestiono doce cuentas y doy talleres. Lo más importante: constancia y medir los resultados.', tags: ['redes', 'reinvención', 'remoto'] },
    { author: 'man', profession: 'Desarrollador de apps', sector: 'software', tools: ['Flutter', 'Firebase', 'Android Studio'], title: 'Mi primera app publicada y lo que aprendí', body: 'La hice para una clínica veterinaria de {city}. Tardé el doble de lo previsto, pero el cliente me ha recomendado a otros cuatro. Presupuestad siempre un margen para imprevistos.', tags: ['apps', 'flutter', 'primer-cliente'] },
  ],
};

type TopicTemplate = { category: 'getting_started' | 'clients' | 'pricing' | 'tools' | 'taxes' | 'new_professions' | 'off_topic'; title: string };

export const forumTopics: Record<ContentLanguage, readonly TopicTemplate[]> = {
  it: [
    { category: 'pricing', title: 'Quanto chiedete per un sito WordPress base?' },
    { category: 'taxes', title: 'Regime forfettario e clienti esteri: come fatturate?' },
    { category: 'clients', title: 'Cliente che non paga da tre mesi, consigli?' },
    { category: 'getting_started', title: 'Primo progetto: meglio prezzo basso o puntare sulla qualità?' },
    { category: 'tools', title: 'Che software usate per i preventivi?' },
  ],
  en: [
    { category: 'pricing', title: 'Hourly or fixed price for ongoing maintenance?' },
    { category: 'clients', title: 'How do you handle scope creep politely?' },
    { category: 'tools', title: 'Best time tracking tool in 2026?' },
    { category: 'new_professions', title: 'Anyone here doing AI prompt editing as a job?' },
    { category: 'off_topic', title: 'Coworking or home office?' },
  ],
  de: [
    { category: 'taxes', title: 'Kleinunternehmerregelung und Kunden im Ausland' },
    { category: 'pricing', title: 'Stundensatz als Übersetzer – was ist realistisch?' },
    { category: 'getting_started', title: 'Wie habt ihr eure ersten Kunden gefunden?' },
  ],
  fr: [
    { category: 'taxes', title: 'Micro-entreprise et clients hors UE : la TVA ?' },
    { category: 'clients', title: 'Acompte de 30 % : vos clients acceptent ?' },
    { category: 'tools', title: 'Quel outil pour les devis et factures ?' },
  ],
  es: [
    { category: 'taxes', title: 'Autónomo con clientes en Alemania, ¿cómo facturáis?' },
    { category: 'pricing', title: '¿Cuánto cobráis por un logo?' },
    { category: 'getting_started', title: 'Consejos para el primer perfil en la plataforma' },
  ],
};

export const forumReplies: Record<ContentLanguage, readonly string[]> = {
  it: ['Io chiedo sempre un acconto del 30%, da quando lo faccio niente più problemi.', 'Dipende molto dal cliente, ma sotto i 600 euro non scendo.', 'Concordo, la specializzazione fa la differenza.', 'Provate a mandare un sollecito formale, di solito funziona.', 'Io uso un semplice foglio di calcolo, niente di più.'],
  en: ['I always ask for a 30% deposit, no more problems since.', 'Fixed price for defined work, hourly for anything open-ended.', 'Write it into the contract: two rounds of revisions, then hourly.', 'Home office, but I go to a coworking twice a week to see humans.', 'Toggl has been fine for me for years.'],
  de: ['Ich verlange immer 30 % Anzahlung.', 'Frag am besten einen Steuerberater, das ist je nach Land verschieden.', 'Die ersten Kunden kamen bei mir über Empfehlungen.', 'Unter 50 Euro pro Stunde würde ich nicht gehen.'],
  fr: ['Je demande toujours un acompte de 30 %.', 'Autoliquidation pour les clients UE, sinon pas de TVA.', 'La plupart acceptent si c\'est écrit dès le devis.'],
  es: ['Yo pido siempre un 30 % por adelantado.', 'Inversión del sujeto pasivo, lo pone en la factura.', 'Depende del cliente, pero menos de 300 euros no.'],
};

/** Regions (as members name them) per country, for the stories' `region`. */
export const regionsByCountry: Readonly<Record<string, readonly string[]>> = {
  IT: ['Toscana', 'Lombardia', 'Emilia-Romagna', 'Puglia', 'Piemonte', 'Sicilia'],
  DE: ['Bayern', 'Berlin', 'Nordrhein-Westfalen', 'Hamburg', 'Sachsen'],
  AT: ['Wien', 'Tirol', 'Steiermark'],
  CH: ['Zürich', 'Bern', 'Ticino', 'Genève'],
  FR: ['Bretagne', 'Occitanie', 'Île-de-France', 'Auvergne-Rhône-Alpes'],
  BE: ['Wallonie', 'Bruxelles-Capitale'],
  ES: ['Andalucía', 'Cataluña', 'Comunitat Valenciana', 'Madrid', 'Galicia'],
  MX: ['Jalisco', 'Oaxaca', 'Ciudad de México'],
  AR: ['Buenos Aires', 'Mendoza', 'Córdoba'],
  GB: ['Scotland', 'Wales', 'Yorkshire', 'Cornwall'],
  IE: ['Munster', 'Connacht', 'Leinster'],
  US: ['California', 'Texas', 'Vermont', 'Oregon'],
  CA: ['Québec', 'Ontario', 'British Columbia'],
  AU: ['Victoria', 'Queensland', 'Tasmania'],
};

type EventTemplate = {
  title: string;
  description: string;
  format: 'in_person' | 'online' | 'hybrid';
  venue: string | null;
  hours: number;
};

/** Community events: meetups, workshops and webinars, in each content language. */
export const eventTemplates: Record<ContentLanguage, readonly EventTemplate[]> = {
  it: [
    { title: 'Aperitivo wwworkers a {city}', description: 'Due chiacchiere tra chi lavora con il web: porta i tuoi biglietti da visita e le tue domande.', format: 'in_person', venue: 'Caffè Letterario', hours: 3 },
    { title: 'Webinar: fatturare a clienti esteri', description: 'Un commercialista risponde alle domande su forfettario, reverse charge e clienti extra UE.', format: 'online', venue: null, hours: 2 },
  ],
  en: [
    { title: 'Remote workers meetup in {city}', description: 'An evening for people who work through the web: short talks, then drinks.', format: 'hybrid', venue: 'The Hub Coworking', hours: 3 },
    { title: 'Workshop: pricing your first retainer', description: 'Bring a real offer you are about to send; we rework it together.', format: 'online', venue: null, hours: 2 },
  ],
  de: [
    { title: 'Freelancer-Stammtisch {city}', description: 'Austausch über Kunden, Preise und Steuern. Neue Gesichter sind willkommen.', format: 'in_person', venue: 'Coworking Space Altstadt', hours: 3 },
  ],
  fr: [
    { title: 'Rencontre des métiers du web à {city}', description: 'Tables rondes sur les nouveaux métiers et la reconversion, suivies d’un apéritif.', format: 'hybrid', venue: 'La Cantine numérique', hours: 4 },
  ],
  es: [
    { title: 'Taller: tu primer perfil en la plataforma', description: 'Revisamos perfiles en directo y compartimos lo que mejor funciona.', format: 'online', venue: null, hours: 2 },
  ],
};

/** Questions a client asks every bidder, in the posting's language (a project asks one to three). */
export const projectQuestions: Record<ContentLanguage, readonly string[]> = {
  it: [
    'Hai già realizzato un progetto simile? Puoi descriverlo?',
    'Quando potresti iniziare?',
    'Come preferisci organizzare le revisioni?',
    'Il prezzo include la manutenzione dopo la consegna?',
  ],
  en: [
    'Have you done a similar project before? Please describe it.',
    'When could you start?',
    'How do you handle revisions?',
    'Does your price include support after delivery?',
  ],
  de: [
    'Haben Sie schon ein ähnliches Projekt umgesetzt? Bitte kurz beschreiben.',
    'Wann könnten Sie beginnen?',
    'Wie gehen Sie mit Änderungswünschen um?',
    'Ist die Betreuung nach der Übergabe im Preis enthalten?',
  ],
  fr: [
    'Avez-vous déjà réalisé un projet similaire ? Décrivez-le brièvement.',
    'Quand pourriez-vous commencer ?',
    'Comment gérez-vous les demandes de modification ?',
    'Le prix comprend-il le suivi après la livraison ?',
  ],
  es: [
    '¿Has hecho un proyecto parecido? Descríbelo brevemente.',
    '¿Cuándo podrías empezar?',
    '¿Cómo gestionas las revisiones?',
    '¿El precio incluye soporte después de la entrega?',
  ],
};
