/**
 * Builds the suite's engine files ahead of a run (the run builds missing ones itself):
 * `npx tsx bench/suite/build-data.ts 10k,100k,1m`.
 */
import { dataSizes, ensureDataSize, SIZE_NAMES } from './data-sizes.js'

for (const size of dataSizes(process.argv[2] ?? SIZE_NAMES.join(','))) {
  console.error(`${size.name}: ${size.path}`)
  await ensureDataSize(size, (line) => console.error(line))
}
