import type { BottegaBridge } from '../../shared/contract';

declare global {
  // Global augmentation needs an interface: the preload puts the contract bridge on window in Electron.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    bottega?: BottegaBridge;
  }
}
