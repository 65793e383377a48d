// Package markdown renders the Markdown texts of the site (indicator
// descriptions, report commentaries) to HTML.
package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Renderer renders Markdown to HTML. Raw HTML in the source is not passed
// through: the renderer is not given html.WithUnsafe, so it writes a
// comment in its place, and links with dangerous schemes such as
// javascript: lose their target.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a renderer with tables and strikethrough.
func New() Renderer {
	return Renderer{md: goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))}
}

// Render converts src to HTML. goldmark does not fail on any input; an
// error can only come from the writer, which is a buffer here.
func (m Renderer) Render(src string) (string, error) {
	var buf bytes.Buffer
	if err := m.md.Convert([]byte(src), &buf); err != nil {
		return "", err
	}
	return buf.String(), nil
}
