//go:build js && wasm

package main

import (
	"errors"
	"net/http"
	"syscall/js"

	"github.com/syumai/workers/cloudflare"
)

// assetsBinding is the name of the static-assets binding in wrangler.jsonc.
const assetsBinding = "ASSETS"

// forwardHeaders are the request headers passed on to the assets binding: those
// that make a request conditional or partial. Nothing else of the request leaves
// the Worker.
var forwardHeaders = []string{"If-None-Match", "If-Modified-Since", "Range", "If-Range"}

// rawBodyWriter is implemented by syumai/workers' ResponseWriter: it hands a
// JavaScript stream to the runtime as the response body, without copying it
// through Go.
type rawBodyWriter interface {
	WriteRawJSBody(body js.Value)
}

// assets returns the handler that answers from the Workers Static Assets binding.
// Every syscall/js call of the Worker is in this file.
func assets() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		res, err := fetchAsset(r)
		if err != nil {
			http.Error(w, "502 static assets unavailable", http.StatusBadGateway)
			return
		}
		copyHeaders := headerCopier(w.Header())
		res.Get("headers").Call("forEach", copyHeaders)
		copyHeaders.Release()
		w.WriteHeader(res.Get("status").Int())
		if raw, ok := rawWriter(w); ok {
			raw.WriteRawJSBody(res.Get("body"))
			return
		}
		copyBody(w, res)
	})
}

// copyBody writes the body of the JavaScript Response res to w through Go, for a
// writer that cannot take the stream itself.
func copyBody(w http.ResponseWriter, res js.Value) {
	buf, err := await(res.Call("arrayBuffer"))
	if err != nil {
		return // the status and headers are sent; the body is cut short
	}
	data := make([]byte, buf.Get("byteLength").Int())
	js.CopyBytesToGo(data, js.Global().Get("Uint8Array").New(buf))
	w.Write(data)
}

// fetchAsset asks the assets binding for the request's URL, with the same method
// and the forwardHeaders only, and returns the JavaScript Response.
func fetchAsset(r *http.Request) (js.Value, error) {
	headers := js.Global().Get("Headers").New()
	for _, k := range forwardHeaders {
		if v := r.Header.Get(k); v != "" {
			headers.Call("set", k, v)
		}
	}
	init := js.Global().Get("Object").New()
	init.Set("method", r.Method)
	init.Set("headers", headers)
	req := js.Global().Get("Request").New(r.URL.String(), init)
	return await(cloudflare.GetBinding(assetsBinding).Call("fetch", req))
}

// headerCopier returns a Headers.forEach callback that adds each header to h.
func headerCopier(h http.Header) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) any {
		h.Add(args[1].String(), args[0].String())
		return nil
	})
}

// rawWriter finds the runtime's writer under the wrappers (webserve's among them).
func rawWriter(w http.ResponseWriter) (rawBodyWriter, bool) {
	for {
		if raw, ok := w.(rawBodyWriter); ok {
			return raw, true
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			return nil, false
		}
		w = u.Unwrap()
	}
}

// await waits for a JavaScript promise and returns its value or its rejection.
func await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	done := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{v: args[0]}
		return nil
	})
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{err: errors.New(js.Global().Get("String").Invoke(args[0]).String())}
		return nil
	})
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-done
	return r.v, r.err
}
