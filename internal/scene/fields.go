package scene

// The scene.json schema, field by field, for the strict reader. Required
// fields are those without omitempty in the types of scene.go, plus the
// lists, which may be absent (read as empty).

func (d *decoder) scene() *Scene {
	s := &Scene{}
	d.object("", []string{"version", "epoch"}, map[string]func(string){
		"version":  func(p string) { s.Version = d.integer(p) },
		"name":     func(p string) { s.Name = d.text(p) },
		"question": func(p string) { s.Question = d.text(p) },
		"epoch":    func(p string) { s.Epoch = d.text(p) },
		"sites": func(p string) {
			d.list(p, func(_ int, p string) { s.Sites = append(s.Sites, d.site(p)) })
		},
		"tracks": func(p string) {
			d.list(p, func(_ int, p string) { s.Tracks = append(s.Tracks, d.track(p)) })
		},
		"areas": func(p string) {
			d.list(p, func(_ int, p string) { s.Areas = append(s.Areas, d.area(p)) })
		},
		"intercepts": func(p string) {
			d.list(p, func(_ int, p string) { s.Intercepts = append(s.Intercepts, d.intercept(p)) })
		},
	})
	s.normalize()
	return s
}

func (d *decoder) site(path string) Site {
	var s Site
	d.object(path, []string{"name", "kind", "lat_deg", "lon_deg", "alt_m"}, map[string]func(string){
		"name":    func(p string) { s.Name = d.text(p) },
		"kind":    func(p string) { s.Kind = d.text(p) },
		"owner":   func(p string) { s.Owner = d.text(p) },
		"lat_deg": func(p string) { s.LatDeg = d.number(p) },
		"lon_deg": func(p string) { s.LonDeg = d.number(p) },
		"alt_m":   func(p string) { s.AltM = d.number(p) },
		"note":    func(p string) { s.Note = d.text(p) },
	})
	return s
}

func (d *decoder) track(path string) Track {
	t := Track{Points: []Sample{}}
	d.object(path, []string{"name", "kind", "points"}, map[string]func(string){
		"name":  func(p string) { t.Name = d.text(p) },
		"kind":  func(p string) { t.Kind = d.text(p) },
		"owner": func(p string) { t.Owner = d.text(p) },
		"points": func(p string) {
			d.list(p, func(_ int, p string) { t.Points = append(t.Points, d.sample(p)) })
		},
	})
	return t
}

func (d *decoder) sample(path string) Sample {
	var s Sample
	d.object(path, []string{"t_s", "lat_deg", "lon_deg", "alt_m"}, map[string]func(string){
		"t_s":     func(p string) { s.T = d.number(p) },
		"lat_deg": func(p string) { s.LatDeg = d.number(p) },
		"lon_deg": func(p string) { s.LonDeg = d.number(p) },
		"alt_m":   func(p string) { s.AltM = d.number(p) },
	})
	return s
}

func (d *decoder) area(path string) Area {
	a := Area{Ring: [][2]float64{}}
	d.object(path, []string{"name", "kind", "alt_m", "ring"}, map[string]func(string){
		"name":  func(p string) { a.Name = d.text(p) },
		"kind":  func(p string) { a.Kind = d.text(p) },
		"owner": func(p string) { a.Owner = d.text(p) },
		"alt_m": func(p string) { a.AltM = d.number(p) },
		"ring": func(p string) {
			d.list(p, func(_ int, p string) { a.Ring = append(a.Ring, d.pair(p)) })
		},
		"note": func(p string) { a.Note = d.text(p) },
	})
	return a
}

// pair reads a [lat_deg, lon_deg] pair.
func (d *decoder) pair(path string) [2]float64 {
	var v [2]float64
	n := 0
	off := d.nextOffset()
	d.list(path, func(i int, p string) {
		x := d.number(p)
		if i < len(v) {
			v[i] = x
		}
		n++
	})
	if d.err == nil && n != len(v) {
		d.failAtOffset(off, path, "want a [lat_deg, lon_deg] pair, got %d numbers", n)
	}
	return v
}

func (d *decoder) intercept(path string) Intercept {
	var c Intercept
	d.object(path, []string{"threat", "interceptor", "site", "t_s", "lat_deg", "lon_deg", "alt_m", "kill"}, map[string]func(string){
		"threat":      func(p string) { c.Threat = d.text(p) },
		"interceptor": func(p string) { c.Interceptor = d.text(p) },
		"site":        func(p string) { c.Site = d.text(p) },
		"owner":       func(p string) { c.Owner = d.text(p) },
		"t_s":         func(p string) { c.T = d.number(p) },
		"lat_deg":     func(p string) { c.LatDeg = d.number(p) },
		"lon_deg":     func(p string) { c.LonDeg = d.number(p) },
		"alt_m":       func(p string) { c.AltM = d.number(p) },
		"kill":        func(p string) { c.Kill = d.boolean(p) },
	})
	return c
}

// normalize makes absent lists empty, so that a scene reads, writes and
// reads again to the same value.
func (s *Scene) normalize() {
	if s.Sites == nil {
		s.Sites = []Site{}
	}
	if s.Tracks == nil {
		s.Tracks = []Track{}
	}
	if s.Areas == nil {
		s.Areas = []Area{}
	}
	if s.Intercepts == nil {
		s.Intercepts = []Intercept{}
	}
	for i := range s.Tracks {
		if s.Tracks[i].Points == nil {
			s.Tracks[i].Points = []Sample{}
		}
	}
	for i := range s.Areas {
		if s.Areas[i].Ring == nil {
			s.Areas[i].Ring = [][2]float64{}
		}
	}
}
