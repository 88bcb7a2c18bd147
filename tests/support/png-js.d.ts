/** png-js (pdfkit's PNG decoder) ships no types: what the seed test uses of it. */
declare module 'png-js' {
  export default class PNG {
    constructor(data: Uint8Array);
    readonly width: number;
    readonly height: number;
    /** RGBA pixels, four bytes each. */
    decode(done: (pixels: Uint8Array) => void): void;
  }
}
