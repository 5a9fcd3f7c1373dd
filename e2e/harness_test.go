//go:build e2e

// Package e2e drives the built calculator in static/ through headless Chromium with
// Playwright for Go. It is behind the e2e build tag; run it with `make e2e`, which
// builds the site and installs Chromium and the Playwright driver first.
//
// Environment:
//   - PLAYWRIGHT_DRIVER_PATH: folder holding package/cli.js (default ../.cache/pwdriver);
//   - PLAYWRIGHT_NODEJS_PATH: the node binary (default: node on $PATH);
//   - SPIEGEL_STATIC_DIR: the site to serve (default ../static).
package e2e

import (
	"errors"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/mxschmitt/playwright-go"

	"spiegel/webserve"
)

// chromiumPath is Debian's chromium; Playwright never downloads a browser here.
const chromiumPath = "/usr/bin/chromium"

// chromiumArgs run Chromium headless as root and keep it from calling hosts it
// cannot reach (see shared/STACK.md).
var chromiumArgs = []string{
	"--headless",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
	"--no-first-run",
	"--disable-quic",
}

// suite holds what every test shares: one Playwright driver, one browser and one
// server for the static site. TestMain sets it before any test runs.
var suite struct {
	pw      *playwright.Playwright
	browser playwright.Browser
	server  *httptest.Server
	// staticDir is the folder of the built site the server serves.
	staticDir string
}

// TestMain starts the driver, the browser and the static server once, runs the
// tests, and stops everything before exiting with the tests' code.
func TestMain(m *testing.M) {
	os.Exit(run(m))
}

// run is TestMain's body, so that deferred cleanup happens before os.Exit.
func run(m *testing.M) int {
	if err := setUp(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: %v\n", err)
		tearDown()
		return 1
	}
	defer tearDown()
	return m.Run()
}

// setUp checks the prerequisites, then starts the server, the driver and the browser.
func setUp() error {
	dir, err := staticDir()
	if err != nil {
		return err
	}
	driver, err := driverDir()
	if err != nil {
		return err
	}
	if _, err := os.Stat(chromiumPath); err != nil {
		return fmt.Errorf("chromium not found at %q (run make test-deps): %w", chromiumPath, err)
	}
	// The site is served as spiegel serve and the Worker serve it: through webserve,
	// with its security headers, so that every test runs under them.
	suite.server = httptest.NewServer(webserve.Handler(webserve.Files(os.DirFS(dir))))
	suite.staticDir = dir

	// The driver is already unpacked, so Install only patches it; it downloads nothing.
	opts := &playwright.RunOptions{DriverDirectory: driver, SkipInstallBrowsers: true}
	if err := playwright.Install(opts); err != nil {
		return fmt.Errorf("prepare playwright driver %q: %w", driver, err)
	}
	if suite.pw, err = playwright.Run(opts); err != nil {
		return fmt.Errorf("start playwright driver %q: %w", driver, err)
	}
	suite.browser, err = suite.pw.Chromium.Launch(playwright.BrowserTypeLaunchOptions{
		ExecutablePath: playwright.String(chromiumPath),
		Headless:       playwright.Bool(true),
		Args:           chromiumArgs,
	})
	if err != nil {
		return fmt.Errorf("launch chromium %q: %w", chromiumPath, err)
	}
	return nil
}

// tearDown stops whatever setUp started, in reverse order; it tolerates a partial
// setUp.
func tearDown() {
	if suite.browser != nil {
		if err := suite.browser.Close(); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: close browser: %v\n", err)
		}
	}
	if suite.pw != nil {
		if err := suite.pw.Stop(); err != nil {
			fmt.Fprintf(os.Stderr, "e2e: stop playwright: %v\n", err)
		}
	}
	if suite.server != nil {
		suite.server.Close()
	}
}

// staticDir returns the folder of the built site, $SPIEGEL_STATIC_DIR or ../static,
// after checking that it holds an index.html.
func staticDir() (string, error) {
	dir := os.Getenv("SPIEGEL_STATIC_DIR")
	if dir == "" {
		dir = filepath.Join("..", "static")
	}
	index := filepath.Join(dir, "index.html")
	if _, err := os.Stat(index); err != nil {
		return "", fmt.Errorf("site not built, %q missing (run make build): %w", index, err)
	}
	return dir, nil
}

// driverDir returns the Playwright driver folder, $PLAYWRIGHT_DRIVER_PATH or
// ../.cache/pwdriver, and makes sure node is set. It fails when cli.js is missing:
// Playwright would otherwise try to download a driver and Node.js, which cannot
// work offline.
func driverDir() (string, error) {
	dir := os.Getenv("PLAYWRIGHT_DRIVER_PATH")
	if dir == "" {
		dir = filepath.Join("..", ".cache", "pwdriver")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolve driver folder %q: %w", dir, err)
	}
	cli := filepath.Join(dir, "package", "cli.js")
	if _, err := os.Stat(cli); err != nil {
		return "", fmt.Errorf("playwright driver missing, no %q (run make test-deps): %w", cli, err)
	}
	return dir, useSystemNode()
}

// useSystemNode points PLAYWRIGHT_NODEJS_PATH at node on $PATH when it is unset, so
// that Playwright runs the system node instead of downloading its own.
func useSystemNode() error {
	if os.Getenv("PLAYWRIGHT_NODEJS_PATH") != "" {
		return nil
	}
	node, err := exec.LookPath("node")
	if err != nil {
		return errors.New("node not found on $PATH and PLAYWRIGHT_NODEJS_PATH unset")
	}
	return os.Setenv("PLAYWRIGHT_NODEJS_PATH", node)
}

// sharedDir is the project's shared folder as seen from this package's folder
// (the tests run in e2e/, beside which the repository and shared/ sit).
const sharedDir = "../../shared"

// sharedPath returns the path of rel under shared/reference, skipping the test when
// that file is absent (a checkout without shared/ beside it).
func sharedPath(t *testing.T, rel string) string {
	t.Helper()
	path := filepath.Join(sharedDir, "reference", rel)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("shared reference file %q not available: %v", path, err)
	}
	return path
}
