#!/usr/bin/env bash
# install-test-deps.sh: install what the end-to-end tests need, and nothing else.
#
#   - Debian's chromium at /usr/bin/chromium (apt-get, as root);
#   - the Playwright driver, npm's playwright-core, unpacked into .cache/pwdriver so
#     that .cache/pwdriver/package/cli.js exists;
#   - wrangler, for the Worker's smoke test, installed with npm into .cache/wrangler
#     (never globally);
#   - axe-core, the accessibility checker the e2e tests inject into the page, unpacked
#     into .cache/axe so that .cache/axe/package/axe.min.js exists (never bundled
#     into the product).
#
# Each step is skipped when its result is already present, so a second run takes well
# under a second. Only Debian and the npm registry are used: Playwright is never asked
# to download a browser or Node.js (the tests use the system node and chromium).
set -euo pipefail

# PLAYWRIGHT_CORE_VERSION must match the driver version that
# github.com/mxschmitt/playwright-go in go.mod expects.
PLAYWRIGHT_CORE_VERSION=1.64.1
CHROMIUM=/usr/bin/chromium
# WRANGLER_VERSION is the newest wrangler that runs on Node 20.
WRANGLER_VERSION=4.86.0
# AXE_CORE_VERSION is pinned so that a new rule cannot fail the e2e tests unasked.
AXE_CORE_VERSION=4.14.1

cd "$(dirname "${BASH_SOURCE[0]}")/.."
driver_dir=.cache/pwdriver
wrangler_dir=.cache/wrangler
axe_dir=.cache/axe

# install_chromium installs Debian's chromium unless it is already there.
install_chromium() {
	if [[ -x $CHROMIUM ]]; then
		return
	fi
	echo "install-test-deps: installing chromium with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q
	apt-get install -y -q chromium
}

# driver_version prints the version of the unpacked driver, or nothing.
driver_version() {
	local manifest=$driver_dir/package/package.json
	if [[ -f $manifest && -f $driver_dir/package/cli.js ]]; then
		node -p "require('./$manifest').version"
	fi
}

# install_driver unpacks playwright-core into $driver_dir unless the right version is
# already there. It unpacks into a scratch folder first so that an interrupted run
# never leaves a half-written driver behind.
install_driver() {
	if [[ $(driver_version) == "$PLAYWRIGHT_CORE_VERSION" ]]; then
		return
	fi
	echo "install-test-deps: fetching playwright-core@$PLAYWRIGHT_CORE_VERSION with npm pack"
	local scratch
	scratch=$(mktemp -d .cache/pwdriver.XXXXXX)
	(cd "$scratch" && npm pack --silent "playwright-core@$PLAYWRIGHT_CORE_VERSION" >/dev/null)
	tar -xzf "$scratch/playwright-core-$PLAYWRIGHT_CORE_VERSION.tgz" -C "$scratch"
	rm -rf "$driver_dir"
	mkdir -p "$driver_dir"
	mv "$scratch/package" "$driver_dir/package"
	rm -rf "$scratch"
}

# wrangler_version prints the version of the installed wrangler, or nothing.
wrangler_version() {
	local manifest=$wrangler_dir/node_modules/wrangler/package.json
	if [[ -f $manifest && -x $wrangler_dir/node_modules/.bin/wrangler ]]; then
		node -p "require('./$manifest').version"
	fi
}

# install_wrangler installs wrangler into $wrangler_dir unless the right version is
# already there, through a scratch folder as install_driver does. npm does not run
# the packages' install scripts: wrangler finds workerd and esbuild in their
# platform packages without them.
install_wrangler() {
	if [[ $(wrangler_version) == "$WRANGLER_VERSION" ]]; then
		return
	fi
	echo "install-test-deps: installing wrangler@$WRANGLER_VERSION with npm into $wrangler_dir"
	local scratch
	scratch=$(mktemp -d .cache/wrangler.XXXXXX)
	npm install --prefix "$scratch" --no-save --no-audit --no-fund --loglevel=error \
		"wrangler@$WRANGLER_VERSION" >/dev/null
	rm -rf "$wrangler_dir"
	mv "$scratch" "$wrangler_dir"
}

# axe_version prints the version of the unpacked axe-core, or nothing.
axe_version() {
	local manifest=$axe_dir/package/package.json
	if [[ -f $manifest && -f $axe_dir/package/axe.min.js ]]; then
		node -p "require('./$manifest').version"
	fi
}

# install_axe unpacks axe-core into $axe_dir unless the right version is already
# there, through a scratch folder as install_driver does.
install_axe() {
	if [[ $(axe_version) == "$AXE_CORE_VERSION" ]]; then
		return
	fi
	echo "install-test-deps: fetching axe-core@$AXE_CORE_VERSION with npm pack"
	local scratch
	scratch=$(mktemp -d .cache/axe.XXXXXX)
	(cd "$scratch" && npm pack --silent "axe-core@$AXE_CORE_VERSION" >/dev/null)
	tar -xzf "$scratch/axe-core-$AXE_CORE_VERSION.tgz" -C "$scratch"
	rm -rf "$axe_dir"
	mkdir -p "$axe_dir"
	mv "$scratch/package" "$axe_dir/package"
	rm -rf "$scratch"
}

mkdir -p .cache
install_chromium
install_driver
install_wrangler
install_axe
echo "install-test-deps: chromium $CHROMIUM, playwright driver $driver_dir ($(driver_version))," \
	"wrangler $wrangler_dir ($(wrangler_version)), axe-core $axe_dir ($(axe_version))"
