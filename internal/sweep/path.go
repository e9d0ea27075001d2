package sweep

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/rampart-sim/rampart/catalog"
	"github.com/rampart-sim/rampart/internal/scenario"
)

// Target is what a --vary PATH addresses: a catalog value of an entry the
// scenario uses, or one field of the scenario.
type Target struct {
	Path string // as given on the command line
	// Entry and Key name a catalog value (Entry canonical, Key as
	// catalog.Entry.Value accepts it); Band is the catalog's value.
	Entry, Key string
	Band       catalog.Value
	steps      []step // a scenario field's path; nil for a catalog value
	leaf       reflect.Type
}

// IsCatalog reports whether t addresses a catalog value.
func (t *Target) IsCatalog() bool { return t.Entry != "" }

// Unit is the unit of a catalog value, or "" for a scenario field (its
// unit is in its name: _s, _km, _deg).
func (t *Target) Unit() string { return t.Band.Unit }

// step is one segment of a scenario field's path: a YAML field name and
// an optional list selector (an index or an element's name).
type step struct {
	field string
	sel   string
	has   bool
}

// refused are scenario fields a sweep may not vary, with the reason.
var refused = map[string]string{
	"run.seed":     "each point's seed is derived from --seed and the point (see rampart sweep --help)",
	"run.trials":   "use --trials",
	"run.fidelity": "use --fidelity",
	"analysis":     "sweeps run the engine; an analysis section is not varied",
	"question":     "text for readers; the engine does not read it",
	"summary":      "text for readers; the engine does not read it",
	"assumptions":  "text for readers; the engine does not read it",
}

// parseTarget parses PATH and resolves it against s, the scenario as
// loaded, and systems, the catalog entries its engine run uses.
func parseTarget(path string, s *scenario.Scenario, systems []string) (*Target, error) {
	if rest, ok := strings.CutPrefix(path, "catalog."); ok {
		return catalogTarget(path, rest, systems)
	}
	steps, err := splitSteps(path)
	if err != nil {
		return nil, err
	}
	t := &Target{Path: path, steps: steps}
	plain := make([]string, len(steps))
	for i, st := range steps {
		plain[i] = st.field
		if st.field == "name" {
			return nil, badInput("--vary %s: names are not varied (other fields refer to them); vary the fields of the element instead", path)
		}
	}
	for k, why := range refused {
		if strings.Join(plain, ".") == k || (!strings.Contains(k, ".") && plain[0] == k) {
			return nil, badInput("--vary %s: %s is not varied: %s", path, k, why)
		}
	}
	v, err := t.locate(s)
	if err != nil {
		return nil, err
	}
	t.leaf = v.Type()
	return t, nil
}

// catalogTarget resolves "ENTRY.KEY" or "\"ENTRY\".KEY".
func catalogTarget(path, rest string, systems []string) (*Target, error) {
	var name, key string
	if q, ok := strings.CutPrefix(rest, `"`); ok {
		end := strings.IndexByte(q, '"')
		if end < 0 {
			return nil, badInput("--vary %s: the entry name has no closing quote; write catalog.\"NAME\".param", path)
		}
		name, key = q[:end], q[end+1:]
		var dot bool
		if key, dot = strings.CutPrefix(key, "."); !dot {
			return nil, badInput("--vary %s: want catalog.\"NAME\".param", path)
		}
	} else {
		var ok bool
		if name, key, ok = strings.Cut(rest, "."); !ok {
			return nil, badInput("--vary %s: want catalog.NAME.param (quote a name with dots or spaces: catalog.\"SM-3 IIA\".pk)", path)
		}
	}
	e, err := catalog.Lookup(name)
	if err != nil {
		return nil, badInput("--vary %s: %v", path, err)
	}
	if !slices.Contains(systems, e.Name) {
		return nil, badInput("--vary %s: the scenario does not use %s; it uses %s", path, e.Name, strings.Join(systems, ", "))
	}
	v, ok := e.Value(key)
	if !ok {
		return nil, badInput("--vary %s: %s has no value %q; allowed: %s", path, e.Name, key, strings.Join(e.ValueKeys(), ", "))
	}
	return &Target{Path: path, Entry: e.Name, Key: key, Band: v}, nil
}

// splitSteps splits a field path a.b[x].c into its steps; a selector may
// hold dots (owners[u.s.].doctrine) but no brackets.
func splitSteps(path string) ([]step, error) {
	var out []step
	rest := path
	for rest != "" {
		i := strings.IndexAny(rest, ".[")
		st := step{field: rest}
		if i >= 0 {
			st.field = rest[:i]
		}
		if st.field == "" {
			return nil, badInput("--vary %s: empty field name; a path is field.field[name].field (YAML names)", path)
		}
		rest = rest[len(st.field):]
		if strings.HasPrefix(rest, "[") {
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, badInput("--vary %s: unclosed [", path)
			}
			st.sel, st.has = rest[1:end], true
			rest = rest[end+1:]
		}
		out = append(out, st)
		if rest == "" {
			break
		}
		if !strings.HasPrefix(rest, ".") || len(rest) == 1 {
			return nil, badInput("--vary %s: want a field name after %q", path, path[:len(path)-len(rest)])
		}
		rest = rest[1:]
	}
	if len(out) == 0 {
		return nil, badInput("--vary: empty path")
	}
	return out, nil
}

// locate walks t's steps in s and returns the field, settable.
func (t *Target) locate(s *scenario.Scenario) (reflect.Value, error) {
	v := reflect.ValueOf(s).Elem()
	done := ""
	for i, st := range t.steps {
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, badInput("--vary %s: %s is a single value; it has no field %q", t.Path, done, st.field)
		}
		f, names := fieldByYAML(v, st.field)
		if !f.IsValid() {
			where := "the scenario"
			if done != "" {
				where = done
			}
			return reflect.Value{}, badInput("--vary %s: %s has no field %q; allowed: %s", t.Path, where, st.field, strings.Join(names, ", "))
		}
		v = f
		done = joinPath(done, st.field)
		if st.has {
			if v.Kind() != reflect.Slice {
				return reflect.Value{}, badInput("--vary %s: %s is not a list; drop [%s]", t.Path, done, st.sel)
			}
			el, err := selectElement(t.Path, done, v, st.sel)
			if err != nil {
				return reflect.Value{}, err
			}
			v = el
			done += "[" + st.sel + "]"
		} else if v.Kind() == reflect.Slice {
			return reflect.Value{}, badInput("--vary %s: %s is a list; select an element: %s[0] or %s[NAME] (%s)", t.Path, done, done, done, elementNames(v))
		}
		last := i == len(t.steps)-1
		if v.Kind() == reflect.Pointer && v.Type().Elem().Kind() == reflect.Float64 && last {
			return v, nil // an optional number: set it
		}
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return reflect.Value{}, badInput("--vary %s: %s is not set in the scenario", t.Path, done)
			}
			v = v.Elem()
		}
	}
	switch v.Kind() {
	case reflect.Int, reflect.Int64, reflect.Float64, reflect.Bool, reflect.String:
		return v, nil
	case reflect.Struct:
		_, names := fieldByYAML(v, "")
		return reflect.Value{}, badInput("--vary %s: %s is a section, not a value; its fields: %s", t.Path, done, strings.Join(names, ", "))
	}
	return reflect.Value{}, badInput("--vary %s: %s is not a number, a boolean or a word, and is not varied", t.Path, done)
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// fieldByYAML returns v's field whose YAML name is name, and the YAML
// names of all v's fields (for messages).
func fieldByYAML(v reflect.Value, name string) (reflect.Value, []string) {
	var names []string
	var found reflect.Value
	for i := range v.NumField() {
		sf := v.Type().Field(i)
		if !sf.IsExported() {
			continue
		}
		tag, _, _ := strings.Cut(sf.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" {
			continue
		}
		names = append(names, tag)
		if tag == name {
			found = v.Field(i)
		}
	}
	return found, names
}

// selectElement returns element sel of the list v: an index, or the one
// whose Name is sel.
func selectElement(path, done string, v reflect.Value, sel string) (reflect.Value, error) {
	if n, err := strconv.Atoi(sel); err == nil {
		if n < 0 || n >= v.Len() {
			return reflect.Value{}, badInput("--vary %s: %s has %d elements; allowed indices: 0 to %d, or a name (%s)", path, done, v.Len(), v.Len()-1, elementNames(v))
		}
		return v.Index(n), nil
	}
	for i := range v.Len() {
		if nf := v.Index(i).FieldByName("Name"); nf.IsValid() && nf.Kind() == reflect.String && strings.EqualFold(nf.String(), sel) {
			return v.Index(i), nil
		}
	}
	return reflect.Value{}, badInput("--vary %s: %s has no element named %q; allowed: %s", path, done, sel, elementNames(v))
}

// elementNames lists a list's element names, or its index range.
func elementNames(v reflect.Value) string {
	var names []string
	for i := range v.Len() {
		if nf := v.Index(i).FieldByName("Name"); nf.IsValid() && nf.Kind() == reflect.String && nf.String() != "" {
			names = append(names, nf.String())
		}
	}
	if len(names) == 0 {
		return fmt.Sprintf("indices 0 to %d", v.Len()-1)
	}
	return "names: " + strings.Join(names, ", ")
}
