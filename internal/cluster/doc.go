// Package cluster runs the shards of an engine Monte Carlo (package shard)
// on workers spread over machines, through a NATS JetStream server.
//
// Layout on the server (created by whoever connects first, the same
// configuration from the gatherer and the workers):
//
//   - Stream JobsStream, subjects "rampart.jobs.<run>.<shard>", work-queue
//     retention: one message a shard job, its body the shard.Header of the
//     job as JSON (no outcomes); published with Nats-Msg-Id "<run>/<shard>",
//     so a job published twice is stored once.
//   - Durable pull consumer WorkersConsumer on it, shared by every worker:
//     explicit acks, AckWait, MaxDeliver. A job not acked within AckWait
//     (its worker died or lost its connection) is delivered again, up to
//     MaxDeliver times in all. A worker alive on a long shard tells the
//     server so (InProgress) every AckWait/3, so AckWait bounds the time to
//     notice a dead worker, not the length of a shard.
//   - Object store ResultsBucket: the shard file of shard i of run r under
//     "<r>/<i>", or the reason it failed under "<r>/<i>.error". A worker
//     puts the result, then acks. A shard run twice (redelivered after its
//     result was put) is put twice under the same name with the same bytes
//     (trials are deterministic), so the gatherer, which reads results by
//     name, counts each shard once.
//   - The gatherer (Gather) publishes the jobs, waits for every result with
//     an overall deadline, and hands the shard files to shard.Open in shard
//     order. A job that exhausts MaxDeliver is reported by the server's
//     max-deliveries advisory, and the gatherer fails with it.
//
// Every wait has a deadline: a worker's fetch (fetchWait), its heartbeat,
// the gatherer's poll (pollEvery) and its whole wait (Options.Timeout).
package cluster
