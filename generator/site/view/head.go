package view

// The writer's part of a page's <head> and language switch (site/head.go
// writes the rest), in the bytes Hugo's templates would write.

// AbsURL writes the absolute address of a site-relative path in the language whose pages are below langPath ("" or "en/"), like
// Hugo's Permalink.
func (w *Writer) AbsURL(langPath, path string) {
	w.TemplateText(w.base)
	w.TemplateText(langPath)
	w.TemplateText(path)
}

// RelURL writes the link to a site-relative path in the language whose pages are below langPath ("" or "en/"), like Hugo's
// RelPermalink.
func (w *Writer) RelURL(langPath, path string) {
	w.TemplateText(w.root)
	w.TemplateText(langPath)
	w.TemplateText(path)
}

// TemplateText writes text escaped as Hugo's html/template escapes it in
// text and in quoted attribute values, so that the fragments are the bytes
// the templates would write: besides what text escapes, "+" becomes
// "&#43;" and NUL becomes U+FFFD.
func (w *Writer) TemplateText(s string) { w.Escape(s, true) }
