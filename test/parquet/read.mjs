// read.mjs reads a Parquet file with hyparquet, a pure-JavaScript reader
// independent of the Go writer (parquet-go), and prints what it read as
// one JSON object: the file's key-value metadata, its columns (name,
// physical type, repetition), the row count, and every row as an array
// in column order (INT64 as numbers, null as null).
// Usage: node read.mjs FILE   (after npm ci in this directory)
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet'

const file = process.argv[2]
if (!file) {
  console.error('usage: node read.mjs FILE')
  process.exit(2)
}
const buf = await asyncBufferFromFile(file)
const meta = await parquetMetadataAsync(buf)
const columns = meta.schema.slice(1).map(c => ({ name: c.name, type: c.type, repetition: c.repetition_type }))
const rows = await parquetReadObjects({ file: buf, metadata: meta })
const out = {
  metadata: Object.fromEntries((meta.key_value_metadata ?? []).map(kv => [kv.key, kv.value])),
  columns,
  num_rows: Number(meta.num_rows),
  rows: rows.map(r => columns.map(c => typeof r[c.name] === 'bigint' ? Number(r[c.name]) : r[c.name] ?? null)),
}
process.stdout.write(JSON.stringify(out) + '\n')
