package web

// Languages are the languages the page is rendered in, English first. The site has
// one page per language (PageFile) and each page links to the others; switching
// language loads the other page, so the page asks before leaving when a form holds
// typed values (see app.js), and no case data is ever put in a URL or in storage.
var Languages = []Text{English, Dutch}

// Alternate is a link to the page in another language: its tag, its name in that
// language and the file to load.
type Alternate struct {
	Lang string
	Name string
	Href string
}

// PageFile is the site's page file for a language tag: index.html for English,
// index.<lang>.html for any other.
func PageFile(lang string) string {
	if lang == English.Lang {
		return "index.html"
	}
	return "index." + lang + ".html"
}

// SingleFile is the single-file build's file name for a language tag:
// spiegel.html for English, spiegel.<lang>.html for any other.
func SingleFile(lang string) string {
	if lang == English.Lang {
		return "spiegel.html"
	}
	return "spiegel." + lang + ".html"
}

// alternates returns the links to every language but lang, each to the file name
// returns for it.
func alternates(lang string, file func(string) string) []Alternate {
	var out []Alternate
	for _, t := range Languages {
		if t.Lang != lang {
			out = append(out, Alternate{Lang: t.Lang, Name: t.LangName, Href: file(t.Lang)})
		}
	}
	return out
}

// WithFiles returns p with its language links pointing at the files file names,
// e.g. SingleFile for the single-file build.
func (p Page) WithFiles(file func(string) string) Page {
	p.Others = alternates(p.Text.Lang, file)
	return p
}
