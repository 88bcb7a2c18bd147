import { useCallback, useEffect, useState } from 'react';
import type { Completeness, PortfolioItemView, PortfolioPreview, ProfileView } from '../../../../shared/contract/portfolio';
import { useClient } from '../../app/client-context';

/** Loads something from the portfolio contract and reloads it whenever the portfolio changes. */
const usePortfolioData = <T>(load: () => Promise<T>): { data: T | null; loaded: boolean; failed: boolean; reload: () => void } => {
  const client = useClient();
  const [state, setState] = useState<{ data: T | null; loaded: boolean; failed: boolean }>({ data: null, loaded: false, failed: false });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((count) => count + 1), []);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data, loaded: true, failed: false }),
      () => live && setState((previous) => ({ ...previous, failed: true })),
    );
    return () => {
      live = false;
    };
  }, [load, tick]);
  useEffect(() => client.on('portfolioChanged', reload), [client, reload]);
  return { ...state, reload };
};

export const usePortfolioItems = () => {
  const client = useClient();
  return usePortfolioData<PortfolioItemView[]>(useCallback(() => client.portfolio.listItems({}), [client]));
};

export const useCompleteness = () => {
  const client = useClient();
  return usePortfolioData<Completeness>(useCallback(() => client.portfolio.getCompleteness({}), [client]));
};

export const usePreview = (locale: string) => {
  const client = useClient();
  return usePortfolioData<PortfolioPreview>(useCallback(() => client.portfolio.preview({ locale }), [client, locale]));
};

export const useProfile = () => {
  const client = useClient();
  return usePortfolioData<ProfileView | null>(useCallback(() => client.portfolio.getProfile({}), [client]));
};

/**
 * A small copy drawn locally on a canvas (at most `max` pixels a side), so lists hold thumbnails, not
 * full photos; an image the browser cannot draw keeps its original.
 */
const makeThumbnail = (dataUrl: string, max = 240): Promise<string> =>
  new Promise((resolve) => {
    const image = new Image();
    image.onload = () => {
      const scale = Math.min(1, max / Math.max(image.naturalWidth, image.naturalHeight, 1));
      const context = scale < 1 ? document.createElement('canvas').getContext('2d') : null;
      if (!context) return resolve(dataUrl);
      context.canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
      context.canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
      context.drawImage(image, 0, 0, context.canvas.width, context.canvas.height);
      resolve(context.canvas.toDataURL('image/webp', 0.85));
    };
    image.onerror = () => resolve(dataUrl);
    image.src = dataUrl;
  });

// Images never change under a hash: one fetch (and one thumbnail) per hash for the life of the window.
const imageCache = new Map<string, Promise<string | null>>();

/** A thumbnail of an image the workspace holds, as a data: URL (null while loading or when only the platform has it). */
export const useImage = (hash: string): string | null => {
  const client = useClient();
  const [url, setUrl] = useState<{ hash: string; url: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    let pending = imageCache.get(hash);
    if (!pending) {
      pending = client.portfolio.getImage({ hash }).then((image) => (image ? makeThumbnail(image.dataUrl) : null), () => null);
      imageCache.set(hash, pending);
    }
    void pending.then((dataUrl) => live && setUrl({ hash, url: dataUrl }));
    return () => {
      live = false;
    };
  }, [client, hash]);
  return url?.hash === hash ? url.url : null;
};

/** Bytes to base64 in slices, so a 10 MiB image does not overflow the argument list. */
export const toBase64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
};

/** The reason code the core gives for a refused image (see imageProblems), if that is what the error is. */
export const readImageProblem = (error: unknown): string | null => {
  const issues = (error as { issues?: { message?: unknown }[] } | null)?.issues;
  const message = issues?.[0]?.message;
  return typeof message === 'string' && message.startsWith('image_') ? message : null;
};

/** Hands a file to the browser's (or Electron's) download: nothing leaves the machine. */
export const downloadFile = (fileName: string, parts: BlobPart[], type: string): void => {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

export const fromBase64 = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
