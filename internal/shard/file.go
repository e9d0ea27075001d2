package shard

import (
	"bufio"
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/rampart-sim/rampart/internal/sim"
)

// Magic is the first line of a shard file; the number is the format.
const Magic = "RAMPART-SHARD 1\n"

// Format is the version of the file layout written here.
const Format = 1

// maxHeader bounds the header line: the scenario text (scenario.MaxFileSize
// is 1 MiB) as base64 with room for the other fields.
const maxHeader = 2 << 20

// Header says which run and which part of it a shard holds.
type Header struct {
	Format         int    `json:"format"`
	RampartVersion string `json:"rampart_version"`
	// RunID names the run across machines (rampart run --nats); empty for
	// shards run by hand.
	RunID          string `json:"run_id,omitempty"`
	ScenarioSHA256 string `json:"scenario_sha256"`
	// ScenarioFile and ScenarioLibrary are the scenario's File and Library
	// (its embedded name, or ""); Scenario is its text, so that a merge
	// needs no file but the shards.
	ScenarioFile    string `json:"scenario_file"`
	ScenarioLibrary string `json:"scenario_library,omitempty"`
	Scenario        []byte `json:"scenario"`
	Seed            int64  `json:"seed"`
	Trials          int    `json:"trials"`
	// Args are the flags of rampart run that change the numbers, as given
	// (--pick high, --fidelity fast, ...), for the merge to rebuild the run.
	Args   []string `json:"args"`
	Shard  int      `json:"shard"`  // i, 1 … Shards
	Shards int      `json:"shards"` // n
	First  int      `json:"first"`  // first trial
	End    int      `json:"end"`    // one past the last trial
	// Passes is 1, or 2 when the trials run again without sharing
	// (--warning-value): pass 0's outcomes, then pass 1's.
	Passes int `json:"passes"`
}

// Spec returns the header's shard i/n.
func (h *Header) Spec() Spec { return Spec{I: h.Shard, N: h.Shards} }

// outcomes is how many outcomes the shard holds: its trials, once a pass.
func (h *Header) outcomes() int { return h.Passes * (h.End - h.First) }

// check refuses a header that is not self-consistent.
func (h *Header) check() error {
	switch {
	case h.Format != Format:
		return fmt.Errorf("shard format %d; this rampart reads format %d", h.Format, Format)
	case h.Trials < 1:
		return fmt.Errorf("trials %d; allowed: 1 or more", h.Trials)
	case h.Shards < 1 || h.Shards > MaxShards || h.Shard < 1 || h.Shard > h.Shards:
		return fmt.Errorf("shard %d/%d; allowed: i from 1 to n, n from 1 to %d", h.Shard, h.Shards, MaxShards)
	case h.Passes != 1 && h.Passes != 2:
		return fmt.Errorf("passes %d; allowed: 1 or 2", h.Passes)
	}
	if f, e := h.Spec().Range(h.Trials); f != h.First || e != h.End {
		return fmt.Errorf("shard %d/%d of %d trials covers trials %d–%d, but the file says %d–%d", h.Shard, h.Shards, h.Trials, f, e-1, h.First, h.End-1)
	}
	return nil
}

// Writer writes a shard file: the header, then every outcome.
type Writer struct {
	h     Header
	gz    *gzip.Writer
	enc   *gob.Encoder
	count int
}

// NewWriter writes h to w and returns a Writer for the outcomes.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	h.Format = Format
	if err := h.check(); err != nil {
		return nil, err
	}
	line, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(w, Magic); err != nil {
		return nil, err
	}
	if _, err := w.Write(append(line, '\n')); err != nil {
		return nil, err
	}
	gz := gzip.NewWriter(w)
	return &Writer{h: h, gz: gz, enc: gob.NewEncoder(gz)}, nil
}

// Add writes the next outcome: pass 0's trials First … End−1, then pass 1's.
func (w *Writer) Add(o *sim.Outcome) error {
	if w.count >= w.h.outcomes() {
		return fmt.Errorf("shard %d/%d holds %d outcomes; one more was added", w.h.Shard, w.h.Shards, w.count)
	}
	w.count++
	return w.enc.Encode(o)
}

// Close ends the outcomes; it fails unless every one was added.
func (w *Writer) Close() error {
	if want := w.h.outcomes(); w.count != want {
		w.gz.Close()
		return fmt.Errorf("shard %d/%d: %d outcomes written of %d", w.h.Shard, w.h.Shards, w.count, want)
	}
	return w.gz.Close()
}

// Reader reads a shard file's outcomes after its header.
type Reader struct {
	Header Header
	gz     *gzip.Reader
	dec    *gob.Decoder
	read   int
}

// NewReader reads and checks the header of a shard file.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	magic := make([]byte, len(Magic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != Magic {
		return nil, fmt.Errorf("not a rampart shard file (it does not start with %q)", Magic[:len(Magic)-1])
	}
	line, err := readLine(br, maxHeader)
	if err != nil {
		return nil, fmt.Errorf("shard header: %w", err)
	}
	var h Header
	if err := json.Unmarshal(line, &h); err != nil {
		return nil, fmt.Errorf("shard header: %w", err)
	}
	if err := h.check(); err != nil {
		return nil, fmt.Errorf("shard header: %w", err)
	}
	gz, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("shard outcomes: %w", err)
	}
	return &Reader{Header: h, gz: gz, dec: gob.NewDecoder(gz)}, nil
}

// readLine reads up to a newline, refusing a line longer than limit.
func readLine(br *bufio.Reader, limit int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > limit {
			return nil, fmt.Errorf("longer than %d bytes", limit)
		}
		if err == nil {
			return line[:len(line)-1], nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return nil, fmt.Errorf("truncated: %w", err)
		}
	}
}

// Next returns the next outcome. After the last it checks the stream's end
// and returns io.EOF.
func (r *Reader) Next() (*sim.Outcome, error) {
	want := r.Header.outcomes()
	if r.read >= want {
		var extra sim.Outcome
		if err := r.dec.Decode(&extra); !errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("shard %d/%d holds more than its %d outcomes, or its end is damaged", r.Header.Shard, r.Header.Shards, want)
		}
		return nil, io.EOF
	}
	var o sim.Outcome
	if err := r.dec.Decode(&o); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("shard %d/%d, outcome %d of %d: %w", r.Header.Shard, r.Header.Shards, r.read+1, want, err)
	}
	r.read++
	return &o, nil
}
