package publish

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// The security headers of the site, written to the _headers file that static
// hosts (Netlify, Cloudflare Pages, and chromium.NewStaticHandler, which
// serves the site to the browser tests and to PDF printing) read:
//
//	/*
//	  X-Content-Type-Options: nosniff
//	  …
//	/indicators/*
//	  Content-Security-Policy: default-src 'self'; …; frame-ancestors 'self'
//	  X-Frame-Options: SAMEORIGIN
//	/embed/*
//	  Content-Security-Policy: default-src 'self'; …; frame-ancestors *
//
// Every page gets exactly one Content Security Policy: the site's own pages
// may be framed only by the site itself, the chart embeds (below /embed/ and
// /<lang>/embed/) by any site. A host joins the headers of every rule that
// matches a path, so the site-wide rule /* cannot carry the policy without
// adding it to the embeds too; the policy goes instead to rules that cover
// every path of the built site except the embeds.

// ContentSecurityPolicy is the site's Content Security Policy, less
// frame-ancestors: only the site's own scripts, styles and images, no plugin,
// no <base> from elsewhere. It allows no inline script or style. The same
// policy is in a <meta> of every page (templates/layouts/_partials/head.html),
// where browsers ignore frame-ancestors.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'"

// Who may frame a page: the site itself, or (chart embeds) any site.
const (
	framedBySelf   = "frame-ancestors 'self'"
	framedByAnyone = "frame-ancestors *"
)

// embedDir is the folder, at the root of each language, of the chart pages
// meant to be framed by other sites.
const embedDir = "embed"

// siteWideHeaders apply to every response.
var siteWideHeaders = [][2]string{
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "strict-origin-when-cross-origin"},
	{"Permissions-Policy", "camera=(), geolocation=(), microphone=(), payment=(), usb=()"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Strict-Transport-Security", "max-age=31536000"},
}

// headerRule is one block of a _headers file: a path pattern and its headers.
type headerRule struct {
	pattern string
	headers [][2]string
}

// WriteHeaders writes the _headers file of the built site in dir, whose
// languages are langs: the first at the root, the others in folders of
// their name.
func WriteHeaders(dir string, langs []string) error {
	rules, err := headerRules(dir, langs)
	if err != nil {
		return fmt.Errorf("writing _headers: %w", err)
	}
	var b strings.Builder
	b.WriteString("# Security headers, read by static hosts. Written by the generator.\n")
	for _, r := range rules {
		b.WriteString(r.pattern + "\n")
		for _, h := range r.headers {
			fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
		}
	}
	return os.WriteFile(filepath.Join(dir, "_headers"), []byte(b.String()), 0o644)
}

// headerRules returns the rules for the built site in dir, whose languages
// are langs (the first at the root, the others in folders of their name).
func headerRules(dir string, langs []string) ([]headerRule, error) {
	rules := []headerRule{{pattern: "/*", headers: siteWideHeaders}}
	embeds := []string{embedDir}
	for _, lang := range langs[1:] {
		embeds = append(embeds, path.Join(lang, embedDir))
	}
	own := [][2]string{
		{"Content-Security-Policy", ContentSecurityPolicy + "; " + framedBySelf},
		{"X-Frame-Options", "SAMEORIGIN"},
	}
	patterns, err := coverExcept(dir, "", embeds)
	if err != nil {
		return nil, err
	}
	for _, p := range patterns {
		rules = append(rules, headerRule{pattern: p, headers: own})
	}
	for _, e := range embeds {
		rules = append(rules, headerRule{pattern: "/" + e + "/*", headers: [][2]string{
			{"Content-Security-Policy", ContentSecurityPolicy + "; " + framedByAnyone},
		}})
	}
	return rules, nil
}

// coverExcept returns path patterns that match every file below the folder
// rel of dir, and the folder itself, but nothing below the folders except
// (paths relative to dir). A folder with nothing excepted below it is one
// pattern, /folder/*; a folder with an exception below it is looked into.
func coverExcept(dir, rel string, except []string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	patterns := []string{"/" + rel}
	if rel != "" {
		patterns[0] += "/"
	}
	for _, e := range entries {
		child := path.Join(rel, e.Name())
		switch {
		case child == "_headers":
		case !e.IsDir():
			patterns = append(patterns, "/"+child)
		case slices.Contains(except, child):
		case slices.ContainsFunc(except, func(x string) bool { return strings.HasPrefix(x, child+"/") }):
			more, err := coverExcept(dir, child, except)
			if err != nil {
				return nil, err
			}
			patterns = append(patterns, more...)
		default:
			patterns = append(patterns, "/"+child+"/*")
		}
	}
	return patterns, nil
}
