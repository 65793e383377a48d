package chromium

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// NewStaticHandler returns an HTTP handler that serves the files in dir like
// a static host:
//
//   - a directory is served by its index.html; a directory path without a
//     trailing slash redirects to the path with one;
//   - the Content-Type comes from the file extension (see contentType);
//   - a missing file gets status 404 and the body of dir/404.html if that
//     file exists;
//   - the headers of dir/_headers (the Netlify and Cloudflare Pages format)
//     are added to every response whose path they match, so that a Content
//     Security Policy that the site ships is enforced in tests too;
//   - the files _headers and _redirects themselves are not served.
//
// It reads _headers once, now; a malformed file is an error.
func NewStaticHandler(dir string) (http.Handler, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	rules, err := readHeadersFile(filepath.Join(dir, "_headers"))
	if err != nil {
		return nil, err
	}
	return &staticSite{dir: dir, rules: rules}, nil
}

// staticSite is the handler that NewStaticHandler returns.
type staticSite struct {
	dir   string
	rules []headerRule
}

func (s *staticSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.addHeaders(w.Header(), r.URL.Path)

	// path.Clean on a rooted path removes every "..", so name stays
	// inside dir.
	urlPath := path.Clean("/" + r.URL.Path)
	if urlPath == "/_headers" || urlPath == "/_redirects" { // host configuration, not content
		s.notFound(w, r)
		return
	}
	name := filepath.Join(s.dir, filepath.FromSlash(urlPath))
	info, err := os.Stat(name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	if info.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			target := r.URL.Path + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
		if info, err = os.Stat(name); err != nil || info.IsDir() {
			s.notFound(w, r)
			return
		}
	}

	f, err := os.Open(name)
	if err != nil {
		http.Error(w, fmt.Sprintf("opening %s: %v", urlPath, err), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	if ct := contentType(name); ct != "" {
		w.Header().Set("Content-Type", ct)
	}
	// ServeContent handles HEAD, Range and If-Modified-Since. It sniffs
	// the type only when no Content-Type is set.
	http.ServeContent(w, r, name, info.ModTime(), f)
}

// notFound answers with status 404 and the site's 404.html, or a plain text
// message when the site has none.
func (s *staticSite) notFound(w http.ResponseWriter, r *http.Request) {
	page, err := os.ReadFile(filepath.Join(s.dir, "404.html"))
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(page)
	}
}

// contentType returns the Content-Type that static hosts send for the file
// name, or "" when the extension is unknown (then ServeContent sniffs the
// content). The site's types are spelled out rather than taken from the
// system's MIME tables, which differ between machines.
func contentType(name string) string {
	switch ext := strings.ToLower(filepath.Ext(name)); ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json", ".map":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".pdf":
		return "application/pdf"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".woff":
		return "font/woff"
	case ".woff2":
		return "font/woff2"
	case ".wasm":
		return "application/wasm"
	default:
		return mime.TypeByExtension(ext)
	}
}

// headerRule is one block of a _headers file: a path pattern and the headers
// for the paths that match it.
type headerRule struct {
	pattern string
	match   *regexp.Regexp
	fields  []headerField
}

// headerField is one "Name: value" line of a _headers file.
type headerField struct {
	name, value string
}

// addHeaders adds to h the headers of every rule that matches urlPath. The
// rules apply in file order; when several set the same header, the values
// are joined with ", ", as Netlify and Cloudflare Pages do.
func (s *staticSite) addHeaders(h http.Header, urlPath string) {
	for _, rule := range s.rules {
		if !rule.match.MatchString(urlPath) {
			continue
		}
		for _, f := range rule.fields {
			if old := h.Get(f.name); old != "" {
				h.Set(f.name, old+", "+f.value)
			} else {
				h.Set(f.name, f.value)
			}
		}
	}
}

// readHeadersFile reads the _headers file at name. A missing file means no
// rules.
func readHeadersFile(name string) ([]headerRule, error) {
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rules, err := parseHeaders(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return rules, nil
}

// parseHeaders parses the _headers format:
//
//	# comment
//	/*
//	  X-Frame-Options: DENY
//	/embed/*
//	  Content-Security-Policy: frame-ancestors *
//
// A line that starts at the left margin is a path pattern; the indented
// "Name: value" lines under it are its headers. In a pattern, * matches any
// run of characters (slashes included) and :name matches one path segment.
func parseHeaders(r io.Reader) ([]headerRule, error) {
	var rules []headerRule
	sc := bufio.NewScanner(r)
	for lineNo := 1; sc.Scan(); lineNo++ {
		line := strings.TrimRight(sc.Text(), " \t\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		if !indented {
			if !strings.HasPrefix(trimmed, "/") {
				return nil, fmt.Errorf("line %d: path pattern %q does not start with / (absolute URL patterns are not supported)", lineNo, trimmed)
			}
			rules = append(rules, headerRule{pattern: trimmed, match: patternRegexp(trimmed)})
			continue
		}
		if len(rules) == 0 {
			return nil, fmt.Errorf("line %d: header %q comes before any path pattern", lineNo, trimmed)
		}
		if strings.HasPrefix(trimmed, "!") {
			return nil, fmt.Errorf("line %d: removing headers with %q is not supported", lineNo, trimmed)
		}
		name, value, ok := strings.Cut(trimmed, ":")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || strings.ContainsAny(name, " \t") {
			return nil, fmt.Errorf("line %d: %q is not a \"Name: value\" header line", lineNo, trimmed)
		}
		last := &rules[len(rules)-1]
		last.fields = append(last.fields, headerField{name: name, value: value})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return rules, nil
}

// patternRegexp turns a _headers path pattern into an anchored regular
// expression: * becomes .* and a :placeholder segment becomes [^/]+.
func patternRegexp(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i, seg := range strings.Split(pattern, "/") {
		if i > 0 {
			b.WriteString("/")
		}
		if strings.HasPrefix(seg, ":") && len(seg) > 1 {
			b.WriteString("[^/]+")
			continue
		}
		for j, part := range strings.Split(seg, "*") {
			if j > 0 {
				b.WriteString(".*")
			}
			b.WriteString(regexp.QuoteMeta(part))
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
