package site

// The parts of a generated page's layout that change from page to page —
// its title and meta tags in <head>, and the link to the page in the other
// language — are written here, like its body, and spliced into the page
// where the head and header partials leave a marker (hugosite's body
// splice). Hugo's templates would write the same bytes (hand-written pages
// still get them from templates/layouts/_partials/head.html and
// langswitch.html), but at about a tenth of a millisecond a page: writing
// them here saved about 1 s of processor time over the 6,786 pages of the
// national benchmark.
//
// Every generated page exists in every language, at the same path, so its
// translations are known without asking Hugo. The tests compare these
// fragments with what the templates make for the same pages.

// languageInfo is what the pages say about each language: its locale for
// hreflang and lang, its Open Graph locale, and its name in the language
// switch. HugoConfig gives Hugo the same locales and labels.
var languageInfo = map[string]struct{ locale, ogLocale, label string }{
	"vi": {"vi", "vi_VN", "Tiếng Việt"},
	"en": {"en", "en_GB", "English"},
}

// langPrefix is the path of lang's pages below the site root: "" for the
// first language, "en/" for English.
func langPrefix(lang string) string {
	if lang == Languages[0] {
		return ""
	}
	return lang + "/"
}

// headFragment writes the part of pg's <head> from <title> to the Open
// Graph locales, as head.html would.
func (p *pager) headFragment(pg page) string {
	w := p.html
	w.reset()
	siteTitle := p.ds.Meta.Title.Get(p.lang)
	title := siteTitle
	if pg.Path != "_index" { // any page but home
		title = pg.FM.Title + " — " + siteTitle
	}
	desc := pg.FM.Description
	if desc == "" {
		desc = title + " — " + w.i18n.Get("site_description")
	}
	path := pg.url()
	w.raw("\n<title>")
	w.templateText(title)
	w.raw("</title>\n<meta name=\"description\" content=\"")
	w.templateText(desc)
	w.raw("\">\n<link rel=\"canonical\" href=\"")
	w.absURL(p.lang, path)
	w.raw("\">")
	for _, lang := range Languages {
		w.raw("\n<link rel=\"alternate\" hreflang=\"")
		w.templateText(languageInfo[lang].locale)
		w.raw("\" href=\"")
		w.absURL(lang, path)
		w.raw("\">")
	}
	w.raw("\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"")
	w.absURL(Languages[0], path)
	w.raw("\">\n<meta property=\"og:title\" content=\"")
	w.templateText(title)
	w.raw("\">\n<meta property=\"og:description\" content=\"")
	w.templateText(desc)
	w.raw("\">\n<meta property=\"og:type\" content=\"")
	if pg.FM.Params.Kind == "report" {
		w.raw("article")
	} else {
		w.raw("website")
	}
	w.raw("\">\n<meta property=\"og:url\" content=\"")
	w.absURL(p.lang, path)
	w.raw("\">\n<meta property=\"og:site_name\" content=\"")
	w.templateText(siteTitle)
	w.raw("\">\n<meta property=\"og:locale\" content=\"")
	w.templateText(languageInfo[p.lang].ogLocale)
	w.raw("\">")
	for _, lang := range Languages {
		if lang != p.lang {
			w.raw("\n<meta property=\"og:locale:alternate\" content=\"")
			w.templateText(languageInfo[lang].ogLocale)
			w.raw("\">")
		}
	}
	return w.String()
}

// langSwitchFragment writes pg's links to itself in the other languages,
// as langswitch.html would.
func (p *pager) langSwitchFragment(pg page) string {
	w := p.html
	w.reset()
	w.raw("\n<p class=\"lang-switch\">")
	for _, lang := range Languages {
		if lang == p.lang {
			continue
		}
		info := languageInfo[lang]
		w.raw("\n  <a href=\"")
		w.relURL(lang, pg.url())
		w.raw("\" hreflang=\"")
		w.templateText(info.locale)
		w.raw("\" lang=\"")
		w.templateText(info.locale)
		w.raw("\">")
		w.templateText(info.label)
		w.raw("</a>")
	}
	w.raw("\n</p>\n")
	return w.String()
}

// absURL writes the absolute address of a site-relative path in lang, like
// Hugo's Permalink.
func (w *htmlWriter) absURL(lang, path string) {
	w.templateText(w.base)
	w.templateText(langPrefix(lang))
	w.templateText(path)
}

// relURL writes the link to a site-relative path in lang, like Hugo's
// RelPermalink.
func (w *htmlWriter) relURL(lang, path string) {
	w.templateText(w.root)
	w.templateText(langPrefix(lang))
	w.templateText(path)
}

// templateText writes text escaped as Hugo's html/template escapes it in
// text and in quoted attribute values, so that the fragments are the bytes
// the templates would write: besides what text escapes, "+" becomes
// "&#43;" and NUL becomes U+FFFD.
func (w *htmlWriter) templateText(s string) { w.escape(s, true) }
