import { MemoryStore } from './memory-store';
import { storeContract } from './store-contract';

storeContract('memory', async ({ limits }) => {
  let now = 1_800_000_000;
  const store = new MemoryStore({ clock: { nowSeconds: () => now }, limits });
  // One process: a second "instance" is the same object.
  return { store, peer: store, elapse: async (s) => void (now += s), close: async () => {} };
});
