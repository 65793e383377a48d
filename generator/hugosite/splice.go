package hugosite

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// The body splice. A generated page reaches Hugo as front matter only,
// whose params give the number of its body. Hugo lays the page out as usual (head, navigation,
// language switch, footer, scripts), and where the body goes it writes a
// marker, an HTML comment with that number (templates/layouts/_partials/
// body.html). When Hugo publishes the page, the file it writes goes through
// a splicingFs, which puts the body in the marker's place on its way to
// disk.
//
// Hugo would otherwise read each body from its content file, scan it for
// shortcodes, keep the source and the rendered copy in memory until the end
// of the build, and copy it into the page: for a national site that is
// 300 MB read, scanned and held twice, for bodies it only passes on. The
// output is the same byte for byte. Bodies are HTML written by the site's
// escaping writer (generator/site/html.go); they never pass through Hugo's
// template or shortcode engines.
//
// The head partial and the header leave markers too, for the parts of a
// page's head and its language switch that are the page's own
// (generator/site/head.go): a page has up to three, each numbering a body
// of its own. Only markers of the exact form below are replaced, each body
// once, and a marker naming no body, or a body already used, fails the
// build. What the splicer writes is never scanned again. Text from the
// data cannot forge one: the body writer escapes "<", Hugo's templates
// escape what they print, and Hugo renders hand-written Markdown without
// raw HTML, so a comment in it never reaches the output.

// markerPrefix and markerSuffix enclose the number of a body; the body
// partial writes them.
const (
	markerPrefix = "<!--minhbach:body:"
	markerSuffix = "-->"
)

// Bodies holds the bodies of the generated pages between the moment
// they are written and the moment Hugo publishes their pages. Bodies are
// numbered from 1, so that a page without one has the zero value. Each
// body is dropped once spliced, so the store shrinks as Hugo publishes. It
// is safe for concurrent use: the languages' pagers add to it at the same
// time, and Hugo publishes from several goroutines.
//
// Keeping the bodies here rather than in content files spares Hugo
// reading, scanning and holding them: about 300 MB on the national
// benchmark (see above).
//
// A body can also be reserved, and given (or failed) later: the open-data
// pages list the downloads, which are written while Hugo runs. Publishing
// such a page waits until its body is given.
type Bodies struct {
	mu     sync.Mutex
	bodies []string
	used   []bool
	// pending holds, for each body reserved and not yet given, a channel
	// closed when it is given or fails; failed holds why it failed.
	pending map[int]chan struct{}
	failed  map[int]error
}

// Add keeps body and returns its number.
func (s *Bodies) Add(body string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bodies = append(s.bodies, body)
	s.used = append(s.used, false)
	return len(s.bodies)
}

// Reserve numbers a body that Give or Fail will supply.
func (s *Bodies) Reserve() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bodies = append(s.bodies, "")
	s.used = append(s.used, false)
	id := len(s.bodies)
	if s.pending == nil {
		s.pending = map[int]chan struct{}{}
	}
	s.pending[id] = make(chan struct{})
	return id
}

// Give supplies the body reserved as id.
func (s *Bodies) Give(id int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.bodies[id-1] = body
	s.settle(id)
}

// Fail says that the body reserved as id will not come, and why: its
// page fails to publish with err.
func (s *Bodies) Fail(id int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed == nil {
		s.failed = map[int]error{}
	}
	s.failed[id] = err
	s.settle(id)
}

// settle ends the wait for body id. The caller holds s.mu.
func (s *Bodies) settle(id int) {
	if ch, ok := s.pending[id]; ok {
		close(ch)
		delete(s.pending, id)
	}
}

// waitReserved waits until every body reserved so far is given or failed.
func (s *Bodies) waitReserved() {
	s.mu.Lock()
	waits := make([]chan struct{}, 0, len(s.pending))
	for _, ch := range s.pending {
		waits = append(waits, ch)
	}
	s.mu.Unlock()
	for _, ch := range waits {
		<-ch
	}
}

// checkAllTaken fails when some body was never taken: a page whose layout
// lost the body partial, or a page Hugo did not publish, would otherwise
// go out without its body, and the build succeed.
func (s *Bodies) checkAllTaken() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	left, first := 0, 0
	for i, used := range s.used {
		if !used {
			if left == 0 {
				first = i + 1
			}
			left++
		}
	}
	if left > 0 {
		return fmt.Errorf("%d page bodies were never published (the first is body %d): "+
			"a layout without the body partial (templates/layouts/_partials/body.html), or a page Hugo left out", left, first)
	}
	return nil
}

// take returns the body numbered id and drops it from the store. A body
// reserved and not yet given is waited for.
func (s *Bodies) take(id int) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ch, ok := s.pending[id]; ok {
		s.mu.Unlock()
		<-ch
		s.mu.Lock()
	}
	if id < 1 || id > len(s.bodies) {
		return "", fmt.Errorf("no page body numbered %d", id)
	}
	if err := s.failed[id]; err != nil {
		return "", err
	}
	if s.used[id-1] {
		return "", fmt.Errorf("page body %d published twice", id)
	}
	body := s.bodies[id-1]
	s.bodies[id-1], s.used[id-1] = "", true
	return body, nil
}

// splicingFs is the file system Hugo publishes to: Fs, with every HTML
// file Hugo creates passed through a splicingFile.
type splicingFs struct {
	afero.Fs
	bodies *Bodies
}

func (fs splicingFs) Create(name string) (afero.File, error) {
	f, err := fs.Fs.Create(name)
	if err != nil || !strings.HasSuffix(name, ".html") {
		return f, err
	}
	return &splicingFile{File: f, bodies: fs.bodies}, nil
}

func (fs splicingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	f, err := fs.Fs.OpenFile(name, flag, perm)
	if err != nil || flag&(os.O_WRONLY|os.O_RDWR) == 0 || !strings.HasSuffix(name, ".html") {
		return f, err
	}
	return &splicingFile{File: f, bodies: fs.bodies}, nil
}

// splicingFile gathers what Hugo writes, which is the page's layout with
// the marker, and on Close writes it to the file with the body in the
// marker's place.
type splicingFile struct {
	afero.File
	bodies *Bodies
	buf    bytes.Buffer
}

func (f *splicingFile) Write(p []byte) (int, error) { return f.buf.Write(p) }

func (f *splicingFile) WriteString(s string) (int, error) { return f.buf.WriteString(s) }

func (f *splicingFile) Close() error {
	err := f.flush()
	if cerr := f.File.Close(); err == nil {
		err = cerr
	}
	return err
}

func (f *splicingFile) flush() error {
	page := f.buf.Bytes()
	for {
		start := bytes.Index(page, []byte(markerPrefix))
		if start < 0 {
			_, err := f.File.Write(page)
			return err
		}
		rest := page[start+len(markerPrefix):]
		digits := bytes.IndexByte(rest, '-')
		if digits < 1 || !bytes.HasPrefix(rest[digits:], []byte(markerSuffix)) {
			return fmt.Errorf("%s: a malformed page body marker", f.Name())
		}
		id, err := strconv.Atoi(string(rest[:digits]))
		if err != nil {
			return fmt.Errorf("%s: a malformed page body marker: %w", f.Name(), err)
		}
		body, err := f.bodies.take(id)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name(), err)
		}
		// The body goes to the file as it is, after the layout before it,
		// rather than copied into a joined page first.
		if _, err := f.File.Write(page[:start]); err != nil {
			return err
		}
		if _, err := f.File.WriteString(body); err != nil {
			return err
		}
		page = rest[digits+len(markerSuffix):]
	}
}
