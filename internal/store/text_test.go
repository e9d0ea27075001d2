package store

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/rampart-sim/rampart/internal/study"
)

// TestTextIsInert: names from a scenario file cannot send escape
// sequences or break a table line; NaN prints as a dash.
func TestTextIsInert(t *testing.T) {
	r := Run{ID: 1, Spec: Spec{Scenario: "evil\x1b[2J\nname\t", Kind: "engine"}, Status: Done, CreatedAt: time.Unix(0, 0),
		Headline: "boom\r\x07", Statistics: []Statistic{{Name: "x\x1b]0;t\x07", Kind: study.Mean, Value: math.NaN()}}}
	var b bytes.Buffer
	if err := WriteList(&b, []Run{r}); err != nil {
		t.Fatal(err)
	}
	if err := WriteRun(&b, r); err != nil {
		t.Fatal(err)
	}
	if err := WriteComparison(&b, Compare(r, r)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if strings.ContainsAny(out, "\x1b\r\x07") {
		t.Errorf("text output holds control characters: %q", out)
	}
	if strings.Contains(out, "NaN") {
		t.Errorf("text output prints NaN: %q", out)
	}
	for _, v := range []any{r, Compare(r, r)} {
		j, err := json.Marshal(v)
		if err != nil || !bytes.Contains(j, []byte(`null`)) {
			t.Errorf("json.Marshal(%T with NaN) = %s, %v; want NaN as null", v, j, err)
		}
	}
	if lines := strings.Split(listText(t, r), "\n"); len(lines) != 3 {
		t.Errorf("runs list of one run = %d lines, want a header and one line: %q", len(lines), lines)
	}
}

func listText(t *testing.T, r Run) string {
	var b bytes.Buffer
	if err := WriteList(&b, []Run{r}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestRunTextNamesTheFileCommand: the hint under Files is a command for
// this run and says that it needs the same --db.
func TestRunTextNamesTheFileCommand(t *testing.T) {
	r := Run{ID: 7, Spec: Spec{Scenario: "europe", Kind: "engine"}, Status: Done, CreatedAt: time.Unix(0, 0),
		Files: []FileInfo{{Name: "report.html", Size: 10, MediaType: "text/html"}}}
	var b bytes.Buffer
	if err := WriteRun(&b, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "'rampart runs show 7 --file NAME', with the same --db,") {
		t.Errorf("runs show text: %s", b.String())
	}
}
