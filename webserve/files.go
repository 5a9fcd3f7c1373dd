package webserve

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// Files serves the regular files of fsys: "/" is index.html, every other path the
// file of that name. Directories are not listed and nothing redirects: a path that
// is not a regular file is 404. Conditional and range requests are answered from
// the file's modification time (http.ServeContent).
func Files(fsys fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := fileName(r.URL.Path)
		f, info, err := openFile(fsys, name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		rs, ok := f.(io.ReadSeeker)
		if !ok {
			http.Error(w, "500 file cannot seek", http.StatusInternalServerError)
			return
		}
		http.ServeContent(w, r, name, info.ModTime(), rs)
	})
}

// fileName maps a URL path to a name in the file system: the cleaned path without
// its leading slash, and index.html for the root.
func fileName(urlPath string) string {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		return "index.html"
	}
	return name
}

// errNotRegular reports a name that is a directory or another non-file.
var errNotRegular = errors.New("not a regular file")

// openFile opens name in fsys if it is a regular file.
func openFile(fsys fs.FS, name string) (fs.File, fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, nil, fs.ErrInvalid
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errNotRegular
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}
