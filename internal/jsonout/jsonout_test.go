package jsonout

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestRoundRule(t *testing.T) {
	type site struct {
		Name   string       `json:"name"`
		LatDeg float64      `json:"lat_deg"`
		RangeK float64      `json:"range_km"`
		P      float64      `json:"p_leak"`
		Seed   int64        `json:"seed"`
		Ring   [][2]float64 `json:"ring"`
		Tiny   float64      `json:"tiny"`
		Obj    float64      `json:"objective"`
		Whole  float64      `json:"whole"`
		Note   string       `json:"note"`
	}
	got, err := Marshal(site{Name: "a<b", LatDeg: 54.123456789, RangeK: 1234.56789, P: 0.0123456789,
		Seed: 9007199254740993, Ring: [][2]float64{{54.1234567, 18.7654321}}, Tiny: 1.23456789e-9, Obj: 2862.30260912, Whole: 250, Note: "1.23456789"}, "")
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := json.Compact(&c, got); err != nil {
		t.Fatal(err)
	}
	got = c.Bytes()
	want := `{"name":"a<b","lat_deg":54.123457,"range_km":1234.57,"p_leak":0.0123457,"seed":9007199254740993,"ring":[[54.123457,18.765432]],"tiny":1.23457e-9,"objective":2862.302609,"whole":250,"note":"1.23456789"}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRoundIsIdempotentAndKeepsLayout(t *testing.T) {
	in := []byte(`{"a":[1.23456789,{"b_deg":[1.0000004,2.5]},[],{}],"c":null,"d":true,"e":"x\"y"}`)
	once, err := Round(in)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := Round(once)
	if err != nil {
		t.Fatal(err)
	}
	if string(once) != string(twice) {
		t.Errorf("not idempotent:\n%s\n%s", once, twice)
	}
	if want := `{"a":[1.23457,{"b_deg":[1,2.5]},[],{}],"c":null,"d":true,"e":"x\"y"}`; string(once) != want {
		t.Errorf("got  %s\nwant %s", once, want)
	}
}

func TestRoundRefusesDeepAndBadDocuments(t *testing.T) {
	if _, err := Round([]byte(strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1))); err == nil {
		t.Error("a document nested too deep was accepted")
	}
	if _, err := Round([]byte(`{"a":`)); err == nil {
		t.Error("a truncated document was accepted")
	}
}

func FuzzRound(f *testing.F) {
	f.Add([]byte(`{"a":[1.5,{"x_deg":2.25}],"b":"s"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		once, err := Round(data)
		if err != nil {
			return
		}
		twice, err := Round(once)
		if err != nil {
			t.Fatalf("rounded output does not parse: %v\n%s", err, once)
		}
		if string(once) != string(twice) {
			t.Fatalf("not idempotent:\n%s\n%s", once, twice)
		}
	})
}

// TestRoundRefusesTwoValues: found by FuzzRound (make fuzz, issue 11): "10
// 0000.1" was written as 100000.1, a different number.
func TestRoundRefusesTwoValues(t *testing.T) {
	for _, in := range []string{"10 0000.1", `{"a":1} {"b":2}`, "1 2"} {
		if out, err := Round([]byte(in)); err == nil {
			t.Errorf("Round(%q) = %s, want an error: two values", in, out)
		}
	}
	if _, err := Round([]byte(" {\"a\": 1}\n")); err != nil {
		t.Errorf("one value with white space: %v", err)
	}
}
