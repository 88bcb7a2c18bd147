/** Judging Electronegativity's findings (it exits 0 whatever it finds, so the verdict is ours). */

export type Finding = { check: string; severity: string; confidence: string; file: string; location: string; sample: string };

/** An issue as Electronegativity's runner returns it. */
export type RawIssue = {
  id: string;
  file: string;
  location?: { line?: number; column?: number };
  severity: { name: string };
  confidence: { name: string };
  sample?: string;
};

export const toFinding = (issue: RawIssue): Finding => ({
  check: issue.id,
  severity: issue.severity.name.toUpperCase(),
  confidence: issue.confidence.name.toUpperCase(),
  file: issue.file,
  location: `${issue.location?.line ?? 0}:${issue.location?.column ?? 0}`,
  sample: issue.sample ?? '',
});

const blocking = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/**
 * PRELOAD_JS_CHECK fires for every app that has a preload: a standing reminder to review it. Ours
 * exposes exactly the contract (tests/unit/main/preload-surface.test.ts), which answers it.
 */
export const acknowledgedChecks = new Set(['PRELOAD_JS_CHECK']);

export const blockingFindings = (findings: readonly Finding[]): Finding[] =>
  findings.filter((finding) => blocking.has(finding.severity) && !acknowledgedChecks.has(finding.check));

/**
 * The `eng-disable` annotations allowed in the sources, each reviewed: the URL handed to
 * shell.openExternal has passed isSafeExternalUrl (http, https, mailto; no credentials, no control
 * characters) on the line before. A new annotation anywhere fails the run until it is reviewed here.
 */
export const reviewedSuppressions: ReadonlyArray<{ file: string; check: string }> = [
  { file: 'electron/main/security.ts', check: 'OPEN_EXTERNAL_JS_CHECK' },
  { file: 'electron/main/native/crash-reporting.ts', check: 'OPEN_EXTERNAL_JS_CHECK' },
  // The OAuth sign-in page in the user's browser (#14): only Freelancer's accounts sites over https or loopback,
  // checked by isAllowedSignInPage in the core and again in main right before the call.
  { file: 'electron/main/index.ts', check: 'OPEN_EXTERNAL_JS_CHECK' },
];

export const findSuppressions = (file: string, text: string): Array<{ file: string; check: string }> =>
  [...text.matchAll(/eng-disable[ \t]+([A-Z0-9_ \t]+)/g)].flatMap((match) =>
    (match[1] ?? '').trim().split(/\s+/).filter((check) => /^[A-Z0-9_]+$/.test(check)).map((check) => ({ file, check })),
  );
