// Package webserve serves the calculator's static site over HTTP with the headers
// that keep it self-contained: one implementation used by `spiegel serve` and by the
// Cloudflare Worker in worker/. It imports only the standard library, so that the
// Worker, compiled to WebAssembly, stays small.
//
// Every response, errors included, carries the security headers (see Headers). Only
// GET and HEAD are answered; any other method gets 405, so that no request can carry
// case data to the server. Content types come from the file's extension (see
// ContentType), never from sniffing. Caching is "no-cache": browsers may keep a copy
// but must revalidate it on every load, because the file names carry no content
// hash and a fresh page must never run a stale engine.
package webserve

import (
	"net/http"
	"path"
	"strings"
)

// CSP is the Content-Security-Policy of the served site. It matches the page's own
// meta policy (web.Layout) and adds frame-ancestors, which only a header can set.
// connect-src 'none': the page loads its engine as a script (spiegel-wasm.js), so it
// needs no connection, and no script can open one.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"connect-src 'none'; img-src 'self' data:; base-uri 'none'; form-action 'none'; " +
	"frame-ancestors 'none'"

// PermissionsPolicy turns off every powerful browser feature the calculator never
// uses; the names are those Chromium recognises, so that it logs no warning.
const PermissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), " +
	"encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), " +
	"magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), " +
	"publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), " +
	"xr-spatial-tracking=()"

// CacheControl is sent with every response; see the package comment.
const CacheControl = "no-cache"

// SingleFile is the name of the one-file build (make single). It is served as a
// download: it is meant to be opened from disk, and its inline scripts, allowed by
// hashes in its own meta policy, would be refused under CSP. The same holds for
// the one-file build in each other language, spiegel.<lang>.html (see
// IsSingleFile).
const SingleFile = "spiegel.html"

// IsSingleFile reports whether a file name is a one-file build: spiegel.html or
// spiegel.<lang>.html for a language tag of letters (spiegel.nl.html).
func IsSingleFile(name string) bool {
	if name == SingleFile {
		return true
	}
	lang, ok := strings.CutSuffix(strings.TrimPrefix(name, "spiegel."), ".html")
	if !ok || !strings.HasPrefix(name, "spiegel.") || lang == "" || len(lang) > 8 {
		return false
	}
	return strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") == ""
}

// Headers returns the security headers every response carries.
func Headers() http.Header {
	return http.Header{
		"Content-Security-Policy":      {CSP},
		"Referrer-Policy":              {"no-referrer"},
		"X-Content-Type-Options":       {"nosniff"},
		"Permissions-Policy":           {PermissionsPolicy},
		"Cross-Origin-Opener-Policy":   {"same-origin"},
		"Cross-Origin-Resource-Policy": {"same-origin"},
		"X-Frame-Options":              {"DENY"},
		"Cache-Control":                {CacheControl},
	}
}

// contentTypes maps the extensions the site uses to their media types.
var contentTypes = map[string]string{
	".html":   "text/html; charset=utf-8",
	".js":     "text/javascript; charset=utf-8",
	".css":    "text/css; charset=utf-8",
	".wasm":   "application/wasm",
	".json":   "application/json",
	".sha256": "text/plain; charset=utf-8",
	".txt":    "text/plain; charset=utf-8",
	".md":     "text/plain; charset=utf-8",
	".png":    "image/png",
	".svg":    "image/svg+xml",
	".ico":    "image/x-icon",
}

// ContentType returns the media type of the file at urlPath by its extension, case
// folded; "/" and paths ending in "/" are HTML (the index), anything unknown is
// application/octet-stream.
func ContentType(urlPath string) string {
	if urlPath == "" || strings.HasSuffix(urlPath, "/") {
		return contentTypes[".html"]
	}
	if t, ok := contentTypes[strings.ToLower(path.Ext(urlPath))]; ok {
		return t
	}
	return "application/octet-stream"
}

// Handler returns the site's handler: files serves the site's files (Files for a
// folder, the Worker's static assets in worker/); Handler refuses methods other
// than GET and HEAD, and sets the headers of every response that files writes.
func Handler(files http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hw := &headerWriter{ResponseWriter: w, path: r.URL.Path}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			hw.Header().Set("Allow", "GET, HEAD")
			http.Error(hw, "405 method not allowed", http.StatusMethodNotAllowed)
			return
		}
		files.ServeHTTP(hw, r)
	})
}

// headerWriter sets the site's headers just before the status line is written,
// overriding whatever the file handler set, so that no response goes without them.
type headerWriter struct {
	http.ResponseWriter
	path  string
	wrote bool
}

// WriteHeader sets the headers, then writes the status.
func (w *headerWriter) WriteHeader(status int) {
	if !w.wrote {
		w.wrote = true
		setHeaders(w.Header(), w.path, status)
	}
	w.ResponseWriter.WriteHeader(status)
}

// Write writes the status 200 first if no status was written.
func (w *headerWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(p)
}

// Unwrap returns the wrapped writer, for http.ResponseController and for the
// Worker, which hands response bodies to the runtime without copying them.
func (w *headerWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// setHeaders sets the security headers on h and, for a file served (2xx or 304),
// its content type and, for the single file, the download disposition. Errors keep
// the plain-text type of their message.
func setHeaders(h http.Header, urlPath string, status int) {
	for k, v := range Headers() {
		h[k] = v
	}
	ok := status < 300 || status == http.StatusNotModified
	switch {
	case ok:
		h.Set("Content-Type", ContentType(urlPath))
	case h.Get("Content-Type") == "":
		h.Set("Content-Type", "text/plain; charset=utf-8")
	}
	if name := path.Base(urlPath); ok && IsSingleFile(name) {
		h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
	}
}
