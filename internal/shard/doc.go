// Package shard splits an engine Monte Carlo into parts that run apart
// (other processes, other machines) and merges them back into the run
// they came from.
//
// Conventions:
//
//   - Shards are numbered 1 … n (rampart run --shard i/n). Shard i holds
//     the contiguous trials Range(i, n, trials) = [⌊(i−1)·T/n⌋, ⌊i·T/n⌋),
//     so the shards in order are the trials in order.
//   - Trial t of a run always draws from sim.TrialRand(seed, t), whatever
//     shard runs it, so a shard's outcomes are those of the unsharded run.
//   - A shard file holds every outcome of its trials (not partial sums):
//     the merge folds them in trial order with the same code as an
//     unsharded run (sim.World.Replay), so the floating-point sums, the
//     JSON and events.csv are the same to the byte.
//   - The file is "RAMPART-SHARD 1\n", one line of JSON (Header: format,
//     rampart version, scenario SHA-256 and text, seed, trials, the flags
//     that change numbers, shard i/n and its trial range), then a gzip
//     stream of gob-encoded sim.Outcome values, pass by pass (a second
//     pass without sharing for --warning-value), in trial order.
//   - A merge refuses shards of different runs (version, scenario, seed,
//     trials, flags, n), a missing or duplicate shard, or a range that is
//     not Range(i, n, trials).
package shard
