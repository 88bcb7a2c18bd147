/**
 * Removes what looks like a secret from text bound for a log or a report: tokens, Authorization
 * headers, passwords, keys, credentials in URLs, e-mail addresses, long opaque strings. One rule set
 * for every writer (the core's log in any host, main's electron-log, the problem report); it errs on
 * the side of removing too much.
 */

const secretNames = String.raw`(?:access[_-]?token|refresh[_-]?token|id[_-]?token|token|secret|client[_-]?secret|password|passwd|pwd|api[_-]?key|apikey|authorization|cookie|set-cookie|session(?:[_-]?id)?|signature|sig|code|private[_-]?key|credentials?)`;

const rules: ReadonlyArray<readonly [RegExp, string]> = [
  // PEM blocks (private keys, certificates).
  [/-----BEGIN [A-Z ]+-----[\s\S]*?-----END [A-Z ]+-----/g, '[redacted key]'],
  // Authorization headers and bearer tokens.
  [/\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  // JSON Web Tokens anywhere.
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[redacted jwt]'],
  // Credentials in URLs: scheme://user:pass@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]*@/gi, '$1[redacted]@'],
  // "name": "value" in JSON.
  [new RegExp(String.raw`("${secretNames}"\s*:\s*)"(?:[^"\\]|\\.)*"`, 'gi'), '$1"[redacted]"'],
  // name=value and name: value (query strings, headers, env dumps).
  [new RegExp(String.raw`\b(${secretNames})(\s*[=:]\s*)(?!\[redacted)[^\s&;,"']+`, 'gi'), '$1$2[redacted]'],
  // E-mail addresses.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  // Long opaque strings: hex or base64(url) of 32+ characters are keys, hashes or tokens more often than not.
  [/\b[A-Fa-f0-9]{32,}\b/g, '[redacted]'],
  [/(?<![A-Za-z0-9/+_-])[A-Za-z0-9+/_-]{40,}={0,2}(?![A-Za-z0-9/+_-])/g, '[redacted]'],
];

export const redactSecrets = (text: string): string => {
  let redacted = text;
  for (const [pattern, replacement] of rules) redacted = redacted.replace(pattern, replacement);
  return redacted;
};
