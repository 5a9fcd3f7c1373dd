//go:build !(js && wasm)

package wasm

import "errors"

// Register needs the js/wasm build; elsewhere it only reports that, so that the
// package builds, vets and tests on any platform.
func Register(*API) error {
	return errors.New("register: needs a js/wasm build (GOOS=js GOARCH=wasm)")
}
