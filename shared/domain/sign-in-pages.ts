/**
 * Which sign-in pages Bottega may open in the system browser (OAuth's authorization endpoint): Freelancer.com's
 * accounts sites over https, or a page on this computer (the Freelancer.com fixture in tests and the demo). The
 * core builds only these, and Electron's main process checks again before `shell.openExternal`.
 */
export const signInPageOrigins = ['https://accounts.freelancer.com', 'https://accounts.freelancer-sandbox.com'] as const;

const isLoopbackHost = (hostname: string): boolean => hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);

export const isAllowedSignInPage = (text: string): boolean => {
  if (typeof text !== 'string' || text.length > 4096) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  if (url.protocol === 'https:') return (signInPageOrigins as readonly string[]).includes(url.origin);
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
};
