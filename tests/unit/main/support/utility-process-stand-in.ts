import { EventEmitter } from 'node:events';

/** The utility processes main forked, newest last: messages the core posts arrive as their 'message' events. */
export const forkedChildren: EventEmitter[] = [];

/** The part of 'electron' that core-process.ts uses, for `vi.mock('electron', () => import(this file).then(m => m.electronStandIn))`. */
export const electronStandIn = {
  utilityProcess: {
    fork: () => {
      const child = Object.assign(new EventEmitter(), { postMessage: () => undefined, kill: () => true });
      forkedChildren.push(child);
      return child;
    },
  },
  MessageChannelMain: class {},
};
