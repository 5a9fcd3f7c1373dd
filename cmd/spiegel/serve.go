package main

import (
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"time"

	"spiegel/webserve"
)

// runServe is `spiegel serve`: it serves the built calculator from a folder on a
// loopback address, for use on this machine only.
func runServe(e *env, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fs.String("dir", "static", "`folder` to serve, the output of make build")
	addr := fs.String("addr", "127.0.0.1:8080", "loopback `address` to listen on")
	if code, ok := parseFlags(e, fs, args); !ok {
		return code
	}
	if err := checkLoopback(*addr); err != nil {
		e.log.Error("refuse address", "err", err)
		return exitUsage
	}
	if err := checkSite(*dir); err != nil {
		e.log.Error("check site", "err", err)
		return exitFail
	}
	return serve(e, *dir, *addr)
}

// serve listens on addr and serves dir until the server fails.
func serve(e *env, dir, addr string) int {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		e.log.Error("listen", "err", err)
		return exitFail
	}
	// A name such as localhost could resolve elsewhere: check what was bound.
	if err := checkLoopback(ln.Addr().String()); err != nil {
		ln.Close()
		e.log.Error("refuse address", "err", err)
		return exitUsage
	}
	e.log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "dir", dir)
	srv := &http.Server{Handler: siteHandler(dir), ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil {
		e.log.Error("serve", "err", err)
	}
	return exitFail
}

// checkLoopback refuses an address whose host is not localhost or a loopback IP
// (127.0.0.0/8, ::1): the calculator is served to this machine only.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %w", addr, err)
	}
	if strings.EqualFold(host, "localhost") {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.Unmap().IsLoopback() {
		return nil
	}
	return fmt.Errorf("-addr %q: not a loopback address (use 127.0.0.1, ::1 or localhost)",
		addr)
}

// checkSite checks that dir holds a built site.
func checkSite(dir string) error {
	index := filepath.Join(dir, "index.html")
	_, err := os.Stat(index)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fmt.Errorf("%q not found: run make build first", index)
	case err != nil:
		return fmt.Errorf("check %q: %w", index, err)
	}
	return nil
}

// siteHandler serves the files of dir through webserve, the handler the Worker
// uses too: security headers on every response, GET and HEAD only, content types
// by extension, and revalidation on every load so that a rebuilt engine is always
// the one run.
func siteHandler(dir string) http.Handler {
	return webserve.Handler(webserve.Files(os.DirFS(dir)))
}
