// Loaded with `node --import` into a CLI process by test/integration/cli/stuck-pool.test.ts: on SIGUSR2 it opens
// each FIFO named in PB_TEST_BLOCK_FIFOS (':'-separated) without O_NONBLOCK, so every thread of libuv's pool
// waits for a writer that never comes: the state a blocking open() of outside files used to leave.
import { promises as fs } from 'node:fs';

const fifos = (process.env.PB_TEST_BLOCK_FIFOS ?? '').split(':').filter(Boolean);
process.on('SIGUSR2', () => {
  for (const fifo of fifos) fs.open(fifo, 'r').catch(() => undefined);
});
