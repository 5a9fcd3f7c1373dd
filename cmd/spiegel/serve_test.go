package main

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"spiegel/webserve"
)

func TestCheckLoopback(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:8080", true},
		{"127.1.2.3:0", true},
		{"[::1]:8080", true},
		{"localhost:8080", true},
		{"LocalHost:8080", true},
		{"[::ffff:127.0.0.1]:8080", true},
		{"0.0.0.0:8080", false},
		{":8080", false},
		{"[::]:8080", false},
		{"192.168.1.10:8080", false},
		{"example.org:80", false},
		{"127.0.0.1", false},
	}
	for _, tt := range tests {
		if err := checkLoopback(tt.addr); (err == nil) != tt.ok {
			t.Errorf("checkLoopback(%q) = %v, want ok %v", tt.addr, err, tt.ok)
		}
	}
}

func TestServeRefuses(t *testing.T) {
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "index.html"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"all interfaces", []string{"-dir", site, "-addr", "0.0.0.0:8080"}, exitUsage,
			"not a loopback address"},
		{"no host", []string{"-dir", site, "-addr", ":8080"}, exitUsage, "not a loopback"},
		{"site not built", []string{"-dir", t.TempDir(), "-addr", "127.0.0.1:0"}, exitFail,
			"run make build first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"serve"}, tt.args...)
			code, _, stderr := runCmd(t, "", args...)
			if code != tt.code || !strings.Contains(stderr, tt.want) {
				t.Errorf("spiegel %v = %d, stderr %q; want %d and %q", args, code, stderr,
					tt.code, tt.want)
			}
		})
	}
}

// TestSiteHandler checks that spiegel serve answers through webserve: the files
// of the folder with their types, the security headers on every response, and no
// method but GET and HEAD.
func TestSiteHandler(t *testing.T) {
	site := t.TempDir()
	const page = "<!doctype html><title>Spiegel</title>"
	for name, data := range map[string]string{"index.html": page, "spiegel.wasm": "\x00asm"} {
		if err := os.WriteFile(filepath.Join(site, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		method, path, status, body, contentType string
	}{
		{"GET", "/", "200 OK", page, "text/html; charset=utf-8"},
		{"GET", "/spiegel.wasm", "200 OK", "\x00asm", "application/wasm"},
		{"GET", "/missing.js", "404 Not Found", "404 page not found\n",
			"text/plain; charset=utf-8"},
		{"POST", "/", "405 Method Not Allowed", "405 method not allowed\n",
			"text/plain; charset=utf-8"},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest(tt.method, tt.path, strings.NewReader("sex=male"))
		siteHandler(site).ServeHTTP(rec, req)
		res := rec.Result()
		got := []string{res.Status, rec.Body.String(), res.Header.Get("Content-Type")}
		want := []string{tt.status, tt.body, tt.contentType}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s %s = %q, want %q", tt.method, tt.path, got, want)
		}
		for k, v := range webserve.Headers() {
			if res.Header.Get(k) != v[0] {
				t.Errorf("%s %s: %s = %q, want %q", tt.method, tt.path, k, res.Header.Get(k), v[0])
			}
		}
	}
}
