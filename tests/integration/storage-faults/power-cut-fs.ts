import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { vi } from 'vitest';
import { fileSystem } from '../../../electron/core/storage/file-system';

/**
 * A small model of what a power cut leaves of one folder's files (after ALICE, "All File Systems Are Not Created
 * Equal"): the file operations the code makes through the fs seam are recorded while they really run; afterwards
 * the folder as the disk would hold it after a cut following any prefix of them is rebuilt elsewhere. Data written
 * but not flushed survives only in part (nothing, half, all but the last byte, or all: `torn` picks); a rename or a
 * new name whose folder was not flushed afterwards may or may not have happened (`renamesLost`).
 */
export type FsEvent =
  | { kind: 'create'; file: string }
  | { kind: 'write'; file: string; data: Buffer }
  | { kind: 'fsync'; file: string }
  | { kind: 'fsyncDir'; dir: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'unlink'; file: string };

export const recordFileSystem = (): { events: FsEvent[]; stop: () => void } => {
  const events: FsEvent[] = [];
  const isDir = (file: string): boolean => statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
  const open = fileSystem.open;
  const rename = fileSystem.rename;
  const rm = fileSystem.rm;
  const openSync = fileSystem.openSync;
  const writeSync = fileSystem.writeSync;
  const fsyncSync = fileSystem.fsyncSync;
  const renameSync = fileSystem.renameSync;
  const fds = new Map<number, string>();
  const spies = [
    vi.spyOn(fileSystem, 'open').mockImplementation(async (file, flags, mode) => {
      const handle = await open(file, flags, mode);
      if (flags.includes('w')) events.push({ kind: 'create', file });
      const writeFile = handle.writeFile.bind(handle);
      const sync = handle.sync.bind(handle);
      handle.writeFile = async (data, options) => {
        await writeFile(data, options);
        events.push({ kind: 'write', file, data: Buffer.from(data as string) });
      };
      handle.sync = async () => {
        await sync();
        events.push(isDir(file) ? { kind: 'fsyncDir', dir: file } : { kind: 'fsync', file });
      };
      return handle;
    }),
    vi.spyOn(fileSystem, 'rename').mockImplementation(async (from, to) => {
      await rename(from, to);
      events.push({ kind: 'rename', from, to });
    }),
    vi.spyOn(fileSystem, 'rm').mockImplementation(async (file) => {
      await rm(file);
      events.push({ kind: 'unlink', file });
    }),
    vi.spyOn(fileSystem, 'openSync').mockImplementation((file, flags, mode) => {
      const fd = openSync(file, flags, mode);
      fds.set(fd, file);
      if (flags.includes('w')) events.push({ kind: 'create', file });
      return fd;
    }),
    vi.spyOn(fileSystem, 'writeSync').mockImplementation((fd, bytes) => {
      const written = writeSync(fd, bytes);
      events.push({ kind: 'write', file: fds.get(fd)!, data: Buffer.from(bytes.subarray(0, written)) });
      return written;
    }),
    vi.spyOn(fileSystem, 'fsyncSync').mockImplementation((fd) => {
      fsyncSync(fd);
      const file = fds.get(fd)!;
      events.push(isDir(file) ? { kind: 'fsyncDir', dir: file } : { kind: 'fsync', file });
    }),
    vi.spyOn(fileSystem, 'renameSync').mockImplementation((from, to) => {
      renameSync(from, to);
      events.push({ kind: 'rename', from, to });
    }),
  ];
  return { events, stop: () => spies.forEach((spy) => spy.mockRestore()) };
};

export type Cut = { torn: 'none' | 'half' | 'all-but-one' | 'all'; renamesLost: boolean };
export const cuts: Cut[] = (['none', 'half', 'all-but-one', 'all'] as const).flatMap((torn) => [
  { torn, renamesLost: true },
  { torn, renamesLost: false },
]);

type Inode = { data: Buffer; durable: Buffer | null };

/**
 * Rebuilds `dir` (as it was before `events`, plus the first `count` of them) in `target` as a power cut would
 * leave it. Only files directly in `dir` are modelled.
 */
export const materializeAfterCut = (before: Map<string, Buffer>, events: FsEvent[], count: number, cut: Cut, dir: string, target: string): void => {
  const names = new Map<string, Inode>();
  for (const [name, data] of before) {
    const inode = { data, durable: data };
    names.set(name, inode);
  }
  let durableNames = new Map(names);
  const inDir = (file: string): string | null => (path.dirname(file) === dir ? path.basename(file) : null);
  for (const event of events.slice(0, count)) {
    switch (event.kind) {
      case 'create': {
        const name = inDir(event.file);
        if (name) names.set(name, { data: Buffer.alloc(0), durable: null });
        break;
      }
      case 'write': {
        const name = inDir(event.file);
        const inode = name ? names.get(name) : undefined;
        if (inode) inode.data = Buffer.concat([inode.data, event.data]);
        break;
      }
      case 'fsync': {
        const name = inDir(event.file);
        const inode = name ? names.get(name) : undefined;
        if (inode) inode.durable = inode.data;
        break;
      }
      case 'fsyncDir':
        if (event.dir === dir) durableNames = new Map(names);
        break;
      case 'rename': {
        const from = inDir(event.from);
        const to = inDir(event.to);
        const inode = from ? names.get(from) : undefined;
        if (from) names.delete(from);
        if (to && inode) names.set(to, inode);
        break;
      }
      case 'unlink': {
        const name = inDir(event.file);
        if (name) names.delete(name);
        break;
      }
    }
  }
  const survivingNames = cut.renamesLost ? durableNames : names;
  mkdirSync(target, { recursive: true });
  for (const [name, inode] of survivingNames) {
    let data = inode.durable ?? Buffer.alloc(0);
    if (inode.data !== inode.durable) {
      // Written since the last flush (appended to what was flushed): only part of it reached the disk.
      const keep = { none: data.length, half: Math.floor(inode.data.length / 2), 'all-but-one': Math.max(0, inode.data.length - 1), all: inode.data.length }[
        cut.torn
      ];
      data = inode.data.subarray(0, Math.max(keep, data.length));
    }
    writeFileSync(path.join(target, name), data);
  }
};

export const readFolder = (dir: string): Map<string, Buffer> =>
  new Map(
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [entry.name, readFileSync(path.join(dir, entry.name))]),
  );
