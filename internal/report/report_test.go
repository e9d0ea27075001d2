package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestWriteGolden compares a small document with testdata/report.golden.
func TestWriteGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sampleDocument(420, false)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		got, wantS := b.String(), string(want)
		i := 0
		for i < len(got) && i < len(wantS) && got[i] == wantS[i] {
			i++
		}
		t.Errorf("Write(sample) differs from %s at byte %d: got %q, want %q (run go test -update if intended)",
			golden, i, excerpt(got, i), excerpt(wantS, i))
	}
	var again bytes.Buffer
	if err := Write(&again, sampleDocument(420, false)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Errorf("Write(sample) twice gave different output")
	}
}

func excerpt(s string, i int) string {
	return s[max(0, i-40):min(len(s), i+40)]
}

// TestSelfContained checks that the full sample fetches nothing: no
// script, stylesheet, image, frame or font, and every href and url()
// points inside the page.
func TestSelfContained(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sampleDocument(DefaultMapWidth, true)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "<embed", "<image", "@import", "@font-face", " src=", "srcset="} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("Write(sample) contains %q", bad)
		}
	}
	for _, m := range regexp.MustCompile(`(?i)(?:href\s*=\s*"([^"]*)"|url\(\s*([^)]*)\))`).FindAllStringSubmatch(page, -1) {
		ref := m[1] + m[2]
		if !strings.HasPrefix(ref, "#") {
			t.Errorf("Write(sample) refers to %q, want only #fragments", ref)
		}
	}
	// The one absolute URI is the SVG namespace name, an identifier.
	rest := strings.ReplaceAll(page, `xmlns="`+svgNS+`"`, "")
	for _, scheme := range []string{"http:", "https:", "//www.", "data:"} {
		if strings.Contains(rest, scheme) {
			t.Errorf("Write(sample) contains %q outside the SVG namespace", scheme)
		}
	}
}

// TestSVGWellFormed parses each <svg>…</svg> of the sample with
// encoding/xml.
func TestSVGWellFormed(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, sampleDocument(DefaultMapWidth, true)); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	n := 0
	for {
		i := strings.Index(page, "<svg")
		if i < 0 {
			break
		}
		j := strings.Index(page[i:], "</svg>")
		if j < 0 {
			t.Fatalf("unterminated <svg> at byte %d", i)
		}
		frag := page[i : i+j+len("</svg>")]
		page = page[i+j:]
		n++
		d := xml.NewDecoder(strings.NewReader(frag))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Errorf("svg %d: xml: %v", n, err)
				break
			}
		}
	}
	if want := 6; n != want { // two maps, two line plots, a timeline, a bar chart
		t.Errorf("Write(sample) has %d svg elements, want %d", n, want)
	}
}

// TestEscaping checks that text with markup is escaped, in HTML and SVG.
func TestEscaping(t *testing.T) {
	d := sampleDocument(300, false)
	d.Title = `<b>"bold"</b> & co`
	d.Sections[0].Blocks = append(d.Sections[0].Blocks, LinePlot{Caption: "<x>", Series: []Series{{Name: `a<b & "c"`, X: []float64{0, 1}, Y: []float64{1, 2}}}})
	var b bytes.Buffer
	if err := Write(&b, d); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<b>\"bold\"", "<x>", `a<b & "c"`, "<threats>"} {
		if strings.Contains(page, bad) {
			t.Errorf("Write(doc) contains unescaped %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;b&gt;&#34;bold&#34;&lt;/b&gt; &amp; co") {
		t.Errorf("Write(doc) lacks the escaped title")
	}
}

// TestWriteErrors checks that bad blocks fail with a message naming them.
func TestWriteErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		block Block
		want  string
	}{
		{"ragged series", LinePlot{Caption: "p", Series: []Series{{Name: "s", X: []float64{1, 2}, Y: []float64{1}}}}, `series "s" has 2 x and 1 y`},
		{"wide row", Table{Caption: "t", Columns: []Column{{Heading: "a"}}, Rows: [][]string{{"1", "2"}}}, "row 1 has 2 cells"},
		{"bad projection", Map{Caption: "m", Options: MapOptions{Projection: "mercator"}}, `unknown projection "mercator"`},
		{"backward span", Timeline{Caption: "tl", Rows: []TimelineRow{{Label: "r", Spans: []Span{{Start: 2, End: 1}}}}}, "ends before it starts"},
		{"short bars", BarChart{Caption: "b", Categories: []string{"a", "b"}, Series: []BarSeries{{Name: "s", Values: []float64{1}}}}, "1 values for 2 categories"},
	} {
		d := &Document{Title: "t", Sections: []Section{{Heading: "h", Blocks: []Block{tc.block}}}}
		var b bytes.Buffer
		err := Write(&b, d)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Write(%s) error = %v, want one containing %q", tc.name, err, tc.want)
		}
		if b.Len() != 0 {
			t.Errorf("Write(%s) wrote %d bytes despite the error", tc.name, b.Len())
		}
	}
	if err := Write(io.Discard, nil); err == nil {
		t.Errorf("Write(nil) = nil error, want one")
	}
}
