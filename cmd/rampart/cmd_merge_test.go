package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shardTrials is the size of the sharded runs of these tests: enough that
// each of three shards holds several trials, small enough for -short.
const shardTrials = "30"

// TestShardMergeByteIdentical: europe at 30 trials run whole and as three
// shards (given to the merge out of order) gives the same JSON document,
// text, results.json, events.csv, scene.json and report.html, byte for byte.
func TestShardMergeByteIdentical(t *testing.T) {
	dir := t.TempDir()
	code, whole, errs := rampart(t, "run", "europe", "--trials", shardTrials, "--json")
	if code != exitOK {
		t.Fatalf("run = %d, %s", code, errs)
	}
	wholeDir := filepath.Join(dir, "whole")
	if code, _, errs = rampart(t, "run", "europe", "--trials", shardTrials, "--out", wholeDir); code != exitOK {
		t.Fatalf("run --out = %d, %s", code, errs)
	}
	var shards []string
	for _, i := range []string{"3", "1", "2"} {
		f := filepath.Join(dir, "part"+i+".shard")
		if code, _, errs = rampart(t, "run", "europe", "--trials", shardTrials, "--shard", i+"/3", "--out", f); code != exitOK {
			t.Fatalf("run --shard %s/3 = %d, %s", i, code, errs)
		}
		shards = append(shards, f)
	}
	code, merged, errs := rampart(t, append([]string{"merge", "--json"}, shards...)...)
	if code != exitOK {
		t.Fatalf("merge --json = %d, %s", code, errs)
	}
	if merged != whole {
		t.Errorf("merged JSON differs from the unsharded run's")
	}
	mergedDir := filepath.Join(dir, "merged")
	if code, _, errs = rampart(t, append([]string{"merge", "--out", mergedDir}, shards...)...); code != exitOK {
		t.Fatalf("merge --out = %d, %s", code, errs)
	}
	for _, f := range []string{"results.json", "events.csv", "scene.json", "report.html"} {
		a, err1 := os.ReadFile(filepath.Join(wholeDir, f))
		b, err2 := os.ReadFile(filepath.Join(mergedDir, f))
		if err1 != nil || err2 != nil || string(a) != string(b) {
			t.Errorf("%s of the merge differs from the unsharded run's (%v, %v)", f, err1, err2)
		}
	}
}

// TestShardMergeWarningValue: a sectoral scenario with --warning-value and
// a side pick (two passes, recorded flags) merges to the unsharded JSON.
func TestShardMergeWarningValue(t *testing.T) {
	dir := t.TempDir()
	text, err := os.ReadFile("../../internal/scenario/library/europe.yaml")
	if err != nil {
		t.Fatal(err)
	}
	sect := strings.Replace(string(text), "architecture: integrated", "architecture: sectoral", 1)
	file := filepath.Join(dir, "sectoral.yaml")
	if err := os.WriteFile(file, []byte(sect), 0o644); err != nil {
		t.Fatal(err)
	}
	flags := []string{"run", file, "--trials", "12", "--warning-value", "--pick-threat", "high"}
	code, whole, errs := rampart(t, append(flags, "--json")...)
	if code != exitOK {
		t.Fatalf("run = %d, %s", code, errs)
	}
	var shards []string
	for _, i := range []string{"1", "2"} {
		f := filepath.Join(dir, i+".shard")
		if code, _, errs = rampart(t, append(flags, "--shard", i+"/2", "--out", f)...); code != exitOK {
			t.Fatalf("shard %s = %d, %s", i, code, errs)
		}
		shards = append(shards, f)
	}
	os.Remove(file) // the shards carry the scenario's text
	code, merged, errs := rampart(t, append([]string{"merge", "--json"}, shards...)...)
	if code != exitOK || merged != whole {
		t.Errorf("merge = %d (%s), same document: %v", code, errs, merged == whole)
	}
}

// TestMergeRefusesMismatchedShards: another seed, a missing or duplicate
// shard, another n, a truncated file and a flag given to the wrong mode
// exit 2 with a message naming the problem.
func TestMergeRefusesMismatchedShards(t *testing.T) {
	dir := t.TempDir()
	shardFile := func(name string, args ...string) string {
		f := filepath.Join(dir, name)
		if code, _, errs := rampart(t, append(append([]string{"run", "europe", "--trials", "9"}, args...), "--out", f)...); code != exitOK {
			t.Fatalf("%s = %d, %s", name, code, errs)
		}
		return f
	}
	p1 := shardFile("p1", "--shard", "1/3")
	p2 := shardFile("p2", "--shard", "2/3")
	p3 := shardFile("p3", "--shard", "3/3")
	seed := shardFile("seed", "--shard", "3/3", "--seed", "4")
	half := shardFile("half", "--shard", "2/2")
	data, _ := os.ReadFile(p2)
	trunc := filepath.Join(dir, "trunc")
	os.WriteFile(trunc, data[:len(data)-40], 0o644)
	notShard := filepath.Join(dir, "x.yaml")
	os.WriteFile(notShard, []byte("name: x\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"merge", p1, p2, seed}, "seed 1 against 4"},
		{[]string{"merge", p1, p2}, "missing from the 3 of the run: 3/3"},
		{[]string{"merge", p1, p2, p2, p3}, "are both shard 2/3"},
		{[]string{"merge", p1, p2, half}, "split into 3 shards against 2"},
		{[]string{"merge", p1, trunc, p3}, "trunc"},
		{[]string{"merge", notShard}, "not a rampart shard file"},
		{[]string{"run", "europe", "--shard", "4/3", "--out", filepath.Join(dir, "y")}, "i is 4; allowed: 1 to n (3)"},
		{[]string{"run", "europe", "--shard", "1/3"}, "needs --out FILE"},
		{[]string{"run", "europe", "--shard", "1/3", "--json", "--out", filepath.Join(dir, "y")}, "--json prints a whole run"},
		{[]string{"run", "europe", "--shards", "3", "--shard", "1/3", "--out", filepath.Join(dir, "y")}, "--shards applies with --nats"},
		{[]string{"run", "architecture", "--shard", "1/3", "--out", filepath.Join(dir, "y")}, "applies to engine runs"},
	} {
		code, _, errs := rampart(t, c.args...)
		if code != exitBadInput || !strings.Contains(errs, c.want) {
			t.Errorf("%q = %d, %q; want exit 2 and %q", c.args, code, errs, c.want)
		}
	}
}
