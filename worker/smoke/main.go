// Command smoke checks a running Spiegel Worker (wrangler dev) from outside: every
// response, files and errors alike, carries webserve's security headers, the
// site's files come with their content types, and nothing but GET and HEAD is
// answered. It waits up to -wait for the Worker to answer first.
//
//	go run ./smoke -url http://127.0.0.1:8787
//
// It exits 1 and names every failed check.
package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"spiegel/webserve"
)

// check is one request and what its response must be.
type check struct {
	method, path string
	status       int
	contentType  string // "" when any
}

// checks covers the site's files, the single file, a missing file and methods
// that could carry data.
var checks = []check{
	{"GET", "/", 200, "text/html; charset=utf-8"},
	{"GET", "/app.js", 200, "text/javascript; charset=utf-8"},
	{"GET", "/wasm_exec.js", 200, "text/javascript; charset=utf-8"},
	{"GET", "/style.css", 200, "text/css; charset=utf-8"},
	{"GET", "/spiegel-wasm.js", 200, "text/javascript; charset=utf-8"},
	{"GET", "/spiegel.wasm", 200, "application/wasm"},
	{"GET", "/spiegel-studio-wasm.js", 200, "text/javascript; charset=utf-8"},
	{"GET", "/spiegel-studio.wasm", 200, "application/wasm"},
	{"HEAD", "/spiegel.wasm", 200, "application/wasm"},
	{"GET", "/spiegel.html", 200, "text/html; charset=utf-8"},
	{"GET", "/no-such-file.js", 404, ""},
	{"POST", "/", 405, ""},
	{"PUT", "/app.js", 405, ""},
	{"DELETE", "/index.html", 405, ""},
	{"OPTIONS", "/", 405, ""},
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8787", "base `URL` of the Worker")
	wait := flag.Duration("wait", 60*time.Second, "how long to wait for the Worker")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	client := &http.Client{Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if err := waitFor(client, *base, *wait); err != nil {
		log.Error("worker not ready", "url", *base, "err", err)
		os.Exit(1)
	}
	failed := 0
	for _, c := range checks {
		if err := run(client, *base, c); err != nil {
			log.Error("check failed", "method", c.method, "path", c.path, "err", err)
			failed++
			continue
		}
		log.Info("ok", "method", c.method, "path", c.path, "status", c.status)
	}
	if failed > 0 {
		os.Exit(1)
	}
}

// waitFor polls base until it answers or wait has passed.
func waitFor(client *http.Client, base string, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		res, err := client.Get(base + "/")
		if err == nil {
			res.Body.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return err
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// run sends one request, with a body for methods that take one, and checks the
// response.
func run(client *http.Client, base string, c check) error {
	var body io.Reader
	if c.method == "POST" || c.method == "PUT" {
		body = strings.NewReader(`{"sex":"male"}`)
	}
	req, err := http.NewRequest(c.method, base+c.path, body)
	if err != nil {
		return err
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	io.Copy(io.Discard, res.Body)

	var problems []string
	if res.StatusCode != c.status {
		problems = append(problems, fmt.Sprintf("status %d, want %d", res.StatusCode, c.status))
	}
	if got := res.Header.Get("Content-Type"); c.contentType != "" && got != c.contentType {
		problems = append(problems, fmt.Sprintf("Content-Type %q, want %q", got, c.contentType))
	}
	for k, v := range webserve.Headers() {
		if got := strings.Join(res.Header.Values(k), ", "); got != v[0] {
			problems = append(problems, fmt.Sprintf("%s %q, want %q", k, got, v[0]))
		}
	}
	if c.status == 405 && res.Header.Get("Allow") != "GET, HEAD" {
		problems = append(problems, fmt.Sprintf("Allow %q, want GET, HEAD", res.Header.Get("Allow")))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}
