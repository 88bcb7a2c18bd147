import { useEffect, useState } from 'react';
import type { Completeness, ImageDownloadProgress, PortfolioItemView, PortfolioPreview, ProfileView } from '../../../../shared/contract/portfolio';
import { tooLargeIssue } from '../../../../shared/contract/limits';
import { useClient } from '../../app/client-context';
import { downloadFile, fromBase64 } from '../../components/download-file';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery, type CoreQueryResult } from '../../data/use-core-query';

/** What the portfolio views read: one keyed query each, read again when the portfolio changes. */
const usePortfolioData = <T>(query: CoreQueryResult<T>): { data: T | null; loaded: boolean; failed: boolean; reload: () => void } => ({
  data: query.data ?? null,
  loaded: query.data !== undefined,
  failed: query.status === 'failed',
  reload: query.refetch,
});

const portfolioEvents = ['portfolioChanged'] as const;

export const usePortfolioItems = () =>
  usePortfolioData<PortfolioItemView[]>(useCoreQuery(['portfolio.listItems'], (client) => client.portfolio.listItems({}), { invalidatedBy: portfolioEvents }));

export const useCompleteness = () =>
  usePortfolioData<Completeness>(useCoreQuery(['portfolio.getCompleteness'], (client) => client.portfolio.getCompleteness({}), { invalidatedBy: portfolioEvents }));

export const usePreview = (locale: string) =>
  usePortfolioData<PortfolioPreview>(
    useCoreQuery(['portfolio.preview', locale], (client, [, tag]) => client.portfolio.preview({ locale: tag }), { invalidatedBy: portfolioEvents }),
  );

export const useProfile = () =>
  usePortfolioData<ProfileView | null>(useCoreQuery(['portfolio.getProfile'], (client) => client.portfolio.getProfile({}), { invalidatedBy: portfolioEvents }));

/** What the portfolio views ask of the core; each says a refusal in the notice region. */
export const usePortfolioTransfer = () => ({
  /** Its refusals have their own words (too large, not a portfolio file), said by the caller. */
  importJson: useClient().portfolio.importJson,
  exportPdf: useCoreAction(async (client, locale: string) => {
    const { base64, fileName } = await client.portfolio.exportPdf({ locale });
    downloadFile(fileName, [fromBase64(base64)], 'application/pdf');
  }),
  exportJson: useCoreAction(async (client) => {
    const { json } = await client.portfolio.exportJson({});
    downloadFile('portfolio.json', [json], 'application/json');
  }),
});

/**
 * The editors' own writes: they say a refusal next to what was typed (saved / failed, the image's problem), so
 * they are the contract's calls as they are, reached through this hook rather than by the components.
 */
export const usePortfolioWrites = () => {
  const { portfolio } = useClient();
  return { saveItem: portfolio.saveItem, deleteItem: portfolio.deleteItem, saveProfile: portfolio.saveProfile, importImage: portfolio.importImage };
};

/** `null` asks again for every image that failed. */
export const useRetryImageDownload = () => useCoreAction((client, hash: string | null) => client.portfolio.retryImageDownload({ hash })).run;
export const useRetryItem = () => useCoreAction((client, id: string) => client.portfolio.retryItem({ id })).run;
export const useRetryProfile = () => useCoreAction((client) => client.portfolio.retryProfile({})).run;
export const useReorderItems = () => useCoreAction((client, ids: string[]) => client.portfolio.reorderItems({ ids })).run;

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

/** An image as a list or the preview can show it: drawn, on its way from the platform, or failed there. */
export type ShownImage =
  | { kind: 'loading' }
  | { kind: 'ready'; url: string }
  | { kind: 'downloading' }
  | { kind: 'failed'; problem: string; reason: string | null }
  | { kind: 'missing' };

// Images never change under a hash: one fetch (and one thumbnail) per hash for the life of the window. Only
// drawn images are kept; one still on its way is asked again when the portfolio or the downloads change.
const imageCache = new Map<string, Promise<ShownImage>>();

/**
 * A thumbnail of an image, as a data: URL made from what the core sends: the renderer never loads anything
 * remote, an image only the platform holds is downloaded by the core and shows its state meanwhile.
 */
export const useImage = (hash: string, max = 240): ShownImage => {
  const client = useClient();
  const [shown, setShown] = useState<{ hash: string; image: ShownImage } | null>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const again = (): void => setTick((count) => count + 1);
    const stopChanged = client.on('portfolioChanged', again);
    const stopDownloads = client.on('imageDownloadsChanged', again);
    return () => {
      stopChanged();
      stopDownloads();
    };
  }, [client]);
  useEffect(() => {
    let live = true;
    const key = `${hash}:${max}`;
    let pending = imageCache.get(key);
    if (!pending) {
      pending = client.portfolio.getImage({ hash }).then(
        async (image): Promise<ShownImage> => {
          switch (image.state) {
            case 'local':
              return { kind: 'ready', url: await makeThumbnail(image.dataUrl, max) };
            case 'failed':
              return { kind: 'failed', problem: image.problem, reason: image.reason };
            default:
              return { kind: image.state };
          }
        },
        (): ShownImage => ({ kind: 'missing' }),
      );
      imageCache.set(key, pending);
    }
    void pending.then((image) => {
      if (image.kind !== 'ready') imageCache.delete(key);
      if (live) setShown({ hash, image });
    });
    return () => {
      live = false;
    };
  }, [client, hash, max, tick]);
  return shown?.hash === hash ? shown.image : { kind: 'loading' };
};

/** Progress of the core's download of images only the platform holds. */
export const useImageDownloads = (): ImageDownloadProgress | null => {
  const client = useClient();
  const [progress, setProgress] = useState<ImageDownloadProgress | null>(null);
  useEffect(() => {
    let live = true;
    client.portfolio.getImageDownloads({}).then(
      (value) => live && setProgress(value),
      () => undefined,
    );
    const stop = client.on('imageDownloadsChanged', (value) => setProgress(value));
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  return progress;
};

/**
 * A square picture (an avatar): the middle of the image, at most `size` pixels a side, drawn locally and
 * encoded as PNG; null when the browser cannot draw the file.
 */
export const cropSquare = (file: Blob, size = 400): Promise<Uint8Array | null> =>
  new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const image = new Image();
    const done = (value: Uint8Array | null): void => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    image.onload = () => {
      const side = Math.min(image.naturalWidth, image.naturalHeight);
      const context = side > 0 ? document.createElement('canvas').getContext('2d') : null;
      if (!context) return done(null);
      const target = Math.min(size, side);
      context.canvas.width = target;
      context.canvas.height = target;
      context.drawImage(image, (image.naturalWidth - side) / 2, (image.naturalHeight - side) / 2, side, side, 0, 0, target, target);
      context.canvas.toBlob((blob) => {
        if (!blob) return done(null);
        void blob.arrayBuffer().then((buffer) => done(new Uint8Array(buffer)), () => done(null));
      }, 'image/png');
    };
    image.onerror = () => done(null);
    image.src = url;
  });

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

/** The call was over a size limit: the contract's (an issue saying so) or the connection's (`too_large`). */
export const isTooLarge = (error: unknown): boolean => {
  const refused = error as { code?: unknown; issues?: { message?: unknown }[] } | null;
  return refused?.code === 'too_large' || (refused?.issues ?? []).some((issue) => issue.message === tooLargeIssue);
};
