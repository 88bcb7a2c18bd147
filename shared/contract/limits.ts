import { maxUploadBytes } from '../platform/writes';

const mebibyte = 1024 * 1024;

/** Base64 of at most the platform's upload limit; a little slack so a too-big file gets the clear message. */
export const maxImageBase64Chars = Math.ceil((maxUploadBytes * 4) / 3) + 1024;

/** Largest JSON file import takes (images inlined): generous, still bounded. */
export const maxPortfolioJsonChars = 300 * mebibyte;

/** Room for a request frame's own fields (kind, id, channel, the input's other fields) around its largest string. */
const frameEnvelopeBytes = mebibyte;

/**
 * The largest frame a transport that caps its frames (web-host's WebSocket) must carry, derived from the
 * contract's largest inputs, so that every call the contract accepts gets through: an image is base64 (ASCII,
 * one byte a character); a JSON file's text is escaped once more inside the frame, which at most doubles ASCII
 * (`"` becomes `\"`, a line break `\n`). A frame still larger (text that escapes worse) is refused by the
 * sender with a `too_large` error before it goes out, never by closing the connection.
 */
export const maxRpcFrameBytes = 2 * Math.max(maxImageBase64Chars, maxPortfolioJsonChars) + frameEnvelopeBytes;

/** The message of the issue an input over one of these limits gets (the UI translates it). */
export const tooLargeIssue = 'too_large';
