package server

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"net/http"
	"strings"
	"sync"
)

// gzipCache holds the gzip encodings of the large, fixed responses (the
// page's scripts and styles, MapLibre, the borders), each compressed once.
type gzipCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (c *gzipCache) get(key string, raw []byte) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gz, ok := c.m[key]; ok {
		return gz
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	zw.Write(raw)
	zw.Close()
	if c.m == nil {
		c.m = map[string][]byte{}
	}
	c.m[key] = buf.Bytes()
	return c.m[key]
}

var gzipped gzipCache

// acceptsGzip reports whether the request accepts a gzip body.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		if enc, _, _ := strings.Cut(strings.TrimSpace(part), ";"); enc == "gzip" {
			return true
		}
	}
	return false
}

// writeMaybeGzip writes data, gzipped (once, cached under key) when the
// client accepts it.
func writeMaybeGzip(w http.ResponseWriter, r *http.Request, key, contentType string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Add("Vary", "Accept-Encoding")
	if acceptsGzip(r) {
		h.Set("Content-Encoding", "gzip")
		data = gzipped.get(key, data)
	}
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// warmGzip compresses the large fixed responses ahead of their first
// request: MapLibre and its worker, the page's files and the borders.
func warmGzip(web fs.FS) {
	for _, p := range []string{"vendor/maplibre-gl/maplibre-gl.mjs", "vendor/maplibre-gl/maplibre-gl-worker.mjs", "vendor/maplibre-gl/maplibre-gl.css", "app.js", "style.css"} {
		if data, err := fs.ReadFile(web, p); err == nil {
			gzipped.get("web/"+p, data)
		}
	}
	if data, err := bordersJSON(); err == nil {
		gzipped.get("borders", data)
	}
}
