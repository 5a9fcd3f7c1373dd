//go:build !(js && wasm)

package wasm

import "errors"

// errNeedsJS is what registering reports outside a js/wasm build.
var errNeedsJS = errors.New("register: needs a js/wasm build (GOOS=js GOARCH=wasm)")

// Register needs the js/wasm build; elsewhere it only reports that, so that the
// package builds, vets and tests on any platform.
func Register(*API) error { return errNeedsJS }

// RegisterAs needs the js/wasm build, as Register does.
func RegisterAs(*API, string) error { return errNeedsJS }

// RegisterCore needs the js/wasm build, as Register does.
func RegisterCore(*API) error { return errNeedsJS }
