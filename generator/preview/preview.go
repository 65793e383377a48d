// Package preview serves a site while it is being worked on. It builds the
// site, serves the published folder over HTTP, rebuilds when a watched
// folder changes, and reloads the pages open in a browser.
//
// The reload is done by a small script the server itself serves, from the
// same origin as the site, so the site's Content Security Policy allows it;
// the server adds it to every HTML page it serves, and only the preview
// does: the published files never contain it. When a build fails, the last
// good site stays served and every open page shows the build's problems
// over it, as text; once a build succeeds again, the pages reload.
package preview

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/netip"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Paths the preview serves beside the site. Hugo never writes below /_minhbach/.
const (
	scriptPath = "/_minhbach/reload.js"
	eventsPath = "/_minhbach/events"
)

//go:embed reload.js
var reloadJS []byte

// BuildFunc builds the site into the served folder and publishes it only
// when the whole build succeeded. A failed build returns an error whose
// lines are the problems to show, one a line.
type BuildFunc func() error

// State is where the preview stands after its latest build.
type State struct {
	// Version counts the successful builds; a page reloads when it changes.
	Version int `json:"version"`
	// OK is false when the latest build failed.
	OK bool `json:"ok"`
	// Problems are the lines of the latest failure.
	Problems []string `json:"problems,omitempty"`
}

// Server builds, serves and rebuilds one site.
type Server struct {
	dir      string
	build    BuildFunc
	log      io.Writer
	settle   time.Duration
	watching []string

	mu      sync.Mutex
	state   State
	waiters map[chan struct{}]bool
}

// Option configures a Server.
type Option func(*Server)

// WithLog sets where the server reports builds; by default it reports nowhere.
func WithLog(w io.Writer) Option { return func(s *Server) { s.log = w } }

// WithSettle sets how long the watched folders must be quiet before a
// rebuild starts, so that one save of several files builds once. The
// default is 150 ms.
func WithSettle(d time.Duration) Option { return func(s *Server) { s.settle = d } }

// New returns a server of the site that build publishes into dir.
func New(dir string, build BuildFunc, opts ...Option) *Server {
	s := &Server{dir: dir, build: build, log: io.Discard, settle: 150 * time.Millisecond, waiters: map[chan struct{}]bool{}}
	for _, o := range opts {
		o(s)
	}
	return s
}

// State returns the state after the latest build.
func (s *Server) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state
}

// Rebuild builds the site now, reports the outcome and tells the open pages.
func (s *Server) Rebuild() State {
	start := time.Now()
	err := s.build()
	s.mu.Lock()
	if err == nil {
		s.state = State{Version: s.state.Version + 1, OK: true}
		fmt.Fprintf(s.log, "built in %s; serving the new site\n", time.Since(start).Round(time.Millisecond))
	} else {
		s.state = State{Version: s.state.Version, Problems: problems(err)}
		if s.state.Version > 0 {
			fmt.Fprintln(s.log, "build failed; still serving the last good site")
		} else {
			fmt.Fprintln(s.log, "build failed; the pages show the problems until a build succeeds")
		}
	}
	st := s.state
	for w := range s.waiters {
		close(w)
		delete(s.waiters, w)
	}
	s.mu.Unlock()
	return st
}

// problems splits an error into the lines to show.
func problems(err error) []string {
	var lines []string
	for _, l := range strings.Split(err.Error(), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// changed returns a channel closed at the next build.
func (s *Server) changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	w := make(chan struct{})
	s.waiters[w] = true
	return w
}

// Handler serves the site and the preview's script and events, to
// requests for a loopback name or address (see ownHost).
func (s *Server) Handler() http.Handler { return s.handler("") }

// handler is Handler, also answering requests for listenHost, the host
// the preview was asked to listen on.
func (s *Server) handler(listenHost string) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+scriptPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(reloadJS)
	})
	mux.HandleFunc("GET "+eventsPath, s.events)
	mux.HandleFunc("GET /", s.site)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !ownHost(r, listenHost) {
			http.Error(w, "this preview answers only requests for its own address, such as localhost", http.StatusMisdirectedRequest)
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// ownHost says whether r asks for the preview by one of its own names: the
// Host header names localhost, listenHost, or is the address the request
// came in on. A page elsewhere that reaches the preview by a name of its
// own, resolved to this machine (DNS rebinding), sends that name and is
// refused, so it cannot read the unpublished site.
func ownHost(r *http.Request, listenHost string) bool {
	host, _, err := net.SplitHostPort(r.Host)
	if err != nil {
		host = r.Host // no port
	}
	host = strings.TrimSuffix(strings.ToLower(strings.Trim(host, "[]")), ".")
	if host == "localhost" || strings.HasSuffix(host, ".localhost") || host != "" && host == strings.ToLower(listenHost) {
		return true
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return false
	}
	if ip.IsLoopback() {
		return true
	}
	local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
	if !ok {
		return false
	}
	at, err := netip.ParseAddrPort(local.String())
	return err == nil && at.Addr().Unmap() == ip.Unmap()
}

// events streams the state to a page as server-sent events: the current
// state at once, then the state after every build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	rc := http.NewResponseController(w)
	for {
		next := s.changed()
		data, err := json.Marshal(s.State())
		if err != nil {
			return
		}
		if _, err := fmt.Fprintf(w, "event: state\ndata: %s\n\n", data); err != nil {
			return
		}
		if err := rc.Flush(); err != nil {
			return
		}
		select {
		case <-r.Context().Done():
			return
		case <-next:
		}
	}
}

// site serves the published folder: HTML pages with the reload script
// added, everything else as it is. Before the first good build, every page
// is the list of problems.
func (s *Server) site(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	st := s.State()
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "."
	}
	site := os.DirFS(s.dir)
	if strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	} else if info, err := fs.Stat(site, name); err == nil && info.IsDir() {
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	isHTML := strings.HasSuffix(name, ".html")
	if st.Version == 0 && isHTML {
		s.problemPage(w, st)
		return
	}
	var page []byte
	_, err := fs.Stat(site, name)
	if err == nil && isHTML {
		page, err = fs.ReadFile(site, name)
	}
	status := http.StatusOK
	if errors.Is(err, fs.ErrNotExist) {
		// A missing file of any kind gets the site's 404 page, as on a static host.
		status, isHTML = http.StatusNotFound, true
		page, err = fs.ReadFile(site, "404.html")
	}
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if !isHTML {
		http.FileServerFS(site).ServeHTTP(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(Inject(page, st.Version))
}

// Inject adds the reload script to an HTML page, before </body> or, when the
// page has none, at its end. The script learns the version of the site the
// page belongs to from its data-version attribute.
func Inject(page []byte, version int) []byte {
	tag := []byte(`<script src="` + scriptPath + `" data-version="` + strconv.Itoa(version) + `" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page[:len(page):len(page)], tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

var problemTemplate = template.Must(template.New("problems").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed — Minh Bạch preview</title></head>
<body><h1>The site could not be built</h1>
<p>Fix the problems below; this page reloads when a build succeeds.</p>
<ul>{{ range .Problems }}<li><code>{{ . }}</code></li>{{ end }}</ul>
<script src="{{ .Script }}" data-version="{{ .Version }}" defer></script>
</body></html>
`))

// problemPage is every page before the first good build: the problems, as
// text (html/template escapes them), and the reload script.
func (s *Server) problemPage(w http.ResponseWriter, st State) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	problemTemplate.Execute(w, struct {
		State
		Script string
	}{st, scriptPath})
}

// Serve builds the site, then serves it on addr and rebuilds it whenever a
// file below one of the watched folders changes, until ctx is done.
func (s *Server) Serve(ctx context.Context, addr string, watch ...string) error {
	w, err := newWatcher(watch)
	if err != nil {
		return err
	}
	defer w.close()
	s.Rebuild()
	listenHost, _, _ := net.SplitHostPort(addr)
	srv := &http.Server{Addr: addr, Handler: s.handler(listenHost),
		// Requests end with ctx, so that open event streams do not hold up the shutdown.
		BaseContext: func(net.Listener) context.Context { return ctx }}
	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	go s.rebuildOnChange(ctx, w)
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	srv.Shutdown(shutdown)
	return nil
}

// rebuildOnChange rebuilds once the watched folders have been quiet for the
// settle time after a change.
func (s *Server) rebuildOnChange(ctx context.Context, w *watcher) {
	for {
		select {
		case <-ctx.Done():
			return
		case name := <-w.changes:
			fmt.Fprintf(s.log, "changed: %s\n", name)
		}
		quiet := time.NewTimer(s.settle)
	settle:
		for {
			select {
			case <-ctx.Done():
				quiet.Stop()
				return
			case <-w.changes:
				quiet.Reset(s.settle)
			case <-quiet.C:
				break settle
			}
		}
		s.Rebuild()
	}
}
