// Run as a child process by locks.test.ts: waits for the shared start time, then tries to take
// one device's lease through its own connection and prints whether it won.
import { openDatabase } from '../../src/store/database.js';
import { DeviceLocks } from '../../src/store/locks.js';

const [file, owner, startAt] = process.argv.slice(2) as [string, string, string];
const locks = new DeviceLocks(openDatabase(file));
while (Date.now() < Number(startAt)) {
  /* spin: every racer leaves the line at the same moment */
}
const result = locks.acquire('core-1', owner, 60_000);
process.stdout.write(JSON.stringify(result));
