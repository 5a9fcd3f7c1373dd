package webserve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// site is a small built site: the page, its scripts, the engine, the single file,
// and a folder, which must not be listed.
var site = fstest.MapFS{
	"index.html":          {Data: []byte("<!doctype html><title>Spiegel</title>")},
	"app.js":              {Data: []byte("'use strict';")},
	"wasm_exec.js":        {Data: []byte("'use strict';")},
	"style.css":           {Data: []byte("body{}")},
	"spiegel.wasm":        {Data: []byte("\x00asm\x01\x00\x00\x00")},
	"spiegel.html":        {Data: []byte("<!doctype html><title>Spiegel offline</title>")},
	"spiegel.html.sha256": {Data: []byte("0000  spiegel.html\n")},
	"spiegel.nl.html":     {Data: []byte("<!doctype html><title>Spiegel offline</title>")},
	"index.nl.html":       {Data: []byte("<!doctype html><title>Spiegel</title>")},
	"sub/index.html":      {Data: []byte("<!doctype html>")},
	"sub/other.html":      {Data: []byte("<!doctype html>")},
}

// serveSite sends a request to the site's handler and returns the response.
func serveSite(method, target string, header http.Header) *http.Response {
	req := httptest.NewRequest(method, target, strings.NewReader("case=secret"))
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	Handler(Files(site)).ServeHTTP(rec, req)
	return rec.Result()
}

// checkSecurityHeaders reports every security header missing or different.
func checkSecurityHeaders(t *testing.T, what string, res *http.Response) {
	t.Helper()
	for k, v := range Headers() {
		if got := res.Header.Values(k); strings.Join(got, ",") != v[0] {
			t.Errorf("%s: %s = %q, want %q", what, k, got, v[0])
		}
	}
}

func TestHandlerServesFilesWithHeaders(t *testing.T) {
	tests := []struct {
		phrase, path string
		status       int
		contentType  string
		disposition  string
	}{
		{"the root is the index", "/", 200, "text/html; charset=utf-8", ""},
		{"the index by name", "/index.html", 200, "text/html; charset=utf-8", ""},
		{"the glue", "/app.js", 200, "text/javascript; charset=utf-8", ""},
		{"Go's loader", "/wasm_exec.js", 200, "text/javascript; charset=utf-8", ""},
		{"the stylesheet", "/style.css", 200, "text/css; charset=utf-8", ""},
		{"the engine", "/spiegel.wasm", 200, "application/wasm", ""},
		{"the single file is a download", "/spiegel.html", 200, "text/html; charset=utf-8",
			`attachment; filename="spiegel.html"`},
		{"its checksum", "/spiegel.html.sha256", 200, "text/plain; charset=utf-8", ""},
		{"the Dutch single file is a download", "/spiegel.nl.html", 200,
			"text/html; charset=utf-8", `attachment; filename="spiegel.nl.html"`},
		{"the Dutch page is not", "/index.nl.html", 200, "text/html; charset=utf-8", ""},
		{"a missing file", "/missing.js", 404, "text/plain; charset=utf-8", ""},
		{"a folder is not listed", "/sub/", 404, "text/plain; charset=utf-8", ""},
		{"a folder without slash", "/sub", 404, "text/plain; charset=utf-8", ""},
		{"no way out", "/../../etc/passwd", 404, "text/plain; charset=utf-8", ""},
		{"a query is ignored", "/app.js?x=1", 200, "text/javascript; charset=utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			res := serveSite(http.MethodGet, tt.path, nil)
			checkSecurityHeaders(t, "GET "+tt.path, res)
			got := []string{res.Status, res.Header.Get("Content-Type"),
				res.Header.Get("Content-Disposition")}
			want := []string{http.StatusText(tt.status), tt.contentType, tt.disposition}
			if res.StatusCode != tt.status || got[1] != want[1] || got[2] != want[2] {
				t.Errorf("GET %s = %q, want %d %q", tt.path, got, tt.status, want[1:])
			}
		})
	}
}

func TestHandlerRefusesOtherMethods(t *testing.T) {
	for _, m := range []string{"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT",
		"TRACE", "PROPFIND"} {
		for _, p := range []string{"/", "/index.html", "/missing"} {
			res := serveSite(m, p, nil)
			checkSecurityHeaders(t, m+" "+p, res)
			if res.StatusCode != http.StatusMethodNotAllowed ||
				res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s = %s, Allow %q; want 405, Allow \"GET, HEAD\"", m, p,
					res.Status, res.Header.Get("Allow"))
			}
		}
	}
}

func TestHandlerHeadAndNotModified(t *testing.T) {
	res := serveSite(http.MethodHead, "/spiegel.wasm", nil)
	checkSecurityHeaders(t, "HEAD", res)
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("HEAD /spiegel.wasm = %s %q, want 200 application/wasm", res.Status,
			res.Header.Get("Content-Type"))
	}

	// fstest.MapFS files have the zero time, which ServeContent ignores; a file
	// system with times gives 304 for an unchanged file.
	later := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	fsys := fstest.MapFS{"app.js": {Data: []byte("x"), ModTime: later}}
	req := httptest.NewRequest(http.MethodGet, "/app.js", nil)
	req.Header.Set("If-Modified-Since", later.Format(http.TimeFormat))
	rec := httptest.NewRecorder()
	Handler(Files(fsys)).ServeHTTP(rec, req)
	checkSecurityHeaders(t, "304", rec.Result())
	if rec.Code != http.StatusNotModified {
		t.Errorf("conditional GET = %d, want 304", rec.Code)
	}
}

// TestHandlerOverridesNext checks that the headers win over whatever the file
// handler set, and are present when it writes a body without a status.
func TestHandlerOverridesNext(t *testing.T) {
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src *")
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Cache-Control", "public, max-age=31536000")
		w.Write([]byte("\x00asm"))
	})
	rec := httptest.NewRecorder()
	Handler(next).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/spiegel.wasm", nil))
	checkSecurityHeaders(t, "overridden", rec.Result())
	if got := rec.Header().Get("Content-Type"); got != "application/wasm" {
		t.Errorf("Content-Type = %q, want application/wasm", got)
	}
}

func TestContentType(t *testing.T) {
	tests := map[string]string{
		"/":             "text/html; charset=utf-8",
		"":              "text/html; charset=utf-8",
		"/a/":           "text/html; charset=utf-8",
		"/SPIEGEL.WASM": "application/wasm",
		"/x.tar.gz":     "application/octet-stream",
		"/noext":        "application/octet-stream",
	}
	for p, want := range tests {
		if got := ContentType(p); got != want {
			t.Errorf("ContentType(%q) = %q, want %q", p, got, want)
		}
	}
}

// TestIsSingleFile checks which names count as a one-file build.
func TestIsSingleFile(t *testing.T) {
	for name, want := range map[string]bool{
		"spiegel.html": true, "spiegel.nl.html": true, "spiegel.html.sha256": false,
		"spiegel..html": false, "spiegel.n1.html": false, "index.html": false,
		"index.nl.html": false, "spiegel.wasm": false, "xspiegel.nl.html": false,
	} {
		if got := IsSingleFile(name); got != want {
			t.Errorf("IsSingleFile(%q) = %v, want %v", name, got, want)
		}
	}
}
