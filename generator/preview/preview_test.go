package preview

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeSite is a build that publishes a one-page site into dir, or fails
// with the problems set in fail.
type fakeSite struct {
	dir    string
	title  string
	fail   string
	builds int
}

func (f *fakeSite) build() error {
	f.builds++
	if f.fail != "" {
		return errors.New(f.fail)
	}
	page := "<!doctype html><html><head><title>" + f.title + "</title></head><body><p>" + f.title + "</p></body></html>"
	if err := os.MkdirAll(filepath.Join(f.dir, "units", "go-quao"), 0o755); err != nil {
		return err
	}
	for name, text := range map[string]string{
		"index.html":               page,
		"units/go-quao/index.html": page,
		"404.html":                 "<html><body>not here</body></html>",
		"css/main.css":             "body{color:red}",
		"data/units/go-quao.csv":   "unit\ngo-quao\n",
	} {
		path := filepath.Join(f.dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body), resp.Header
}

func TestInject(t *testing.T) {
	tag := `<script src="/_minhbach/reload.js" data-version="3" defer></script>`
	for page, want := range map[string]string{
		"<html><body><p>x</p></body></html>": "<html><body><p>x</p>" + tag + "</body></html>",
		"<p>no end tags":                     "<p>no end tags" + tag,
	} {
		if got := string(Inject([]byte(page), 3)); got != want {
			t.Errorf("Inject(%q) = %q, want %q", page, got, want)
		}
	}
}

func TestServesSiteWithReloadScript(t *testing.T) {
	f := &fakeSite{dir: t.TempDir(), title: "Gò Quao"}
	s := New(f.dir, f.build)
	if st := s.Rebuild(); !st.OK || st.Version != 1 {
		t.Fatalf("state %+v after a good build", st)
	}
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()

	code, body, _ := get(t, srv.URL+"/units/go-quao/")
	if code != 200 || !strings.Contains(body, "<p>Gò Quao</p>") ||
		!strings.Contains(body, `<script src="/_minhbach/reload.js" data-version="1" defer></script></body>`) {
		t.Errorf("page: %d %q", code, body)
	}
	// Other files are served as they are.
	if code, body, _ := get(t, srv.URL+"/css/main.css"); code != 200 || body != "body{color:red}" {
		t.Errorf("css: %d %q", code, body)
	}
	if code, body, _ := get(t, srv.URL+"/data/units/go-quao.csv"); code != 200 || body != "unit\ngo-quao\n" {
		t.Errorf("csv: %d %q", code, body)
	}
	// A missing page is the site's 404 page, with the script.
	if code, body, _ := get(t, srv.URL+"/units/nowhere/"); code != 404 || !strings.Contains(body, "not here") || !strings.Contains(body, "reload.js") {
		t.Errorf("missing page: %d %q", code, body)
	}
	// The script comes from the preview itself.
	if code, body, h := get(t, srv.URL+"/_minhbach/reload.js"); code != 200 || !strings.Contains(body, "EventSource") ||
		!strings.HasPrefix(h.Get("Content-Type"), "text/javascript") {
		t.Errorf("script: %d %s", code, h.Get("Content-Type"))
	}
	// Nothing outside the folder is reachable.
	if code, _, _ := get(t, srv.URL+"/../../etc/passwd"); code == 200 {
		t.Error("a path outside the site was served")
	}
}

// TestFailedBuildKeepsLastGoodSite: a failing build leaves the last good
// site served, and the events tell the open pages the problems.
func TestFailedBuildKeepsLastGoodSite(t *testing.T) {
	f := &fakeSite{dir: t.TempDir(), title: "first"}
	s := New(f.dir, f.build)
	s.Rebuild()
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close) // after the event stream is closed

	events := openEvents(t, srv.URL)
	if st := events.next(t); !st.OK || st.Version != 1 {
		t.Fatalf("first event %+v", st)
	}
	f.fail = "data/exports/2025-q1/portal.csv:4:12: files_received: found \"1,234\", expected a whole number\nminhbach: 1 error(s)"
	s.Rebuild()
	st := events.next(t)
	if st.OK || st.Version != 1 || len(st.Problems) != 2 || !strings.HasPrefix(st.Problems[0], "data/exports/2025-q1/portal.csv:4:12:") {
		t.Errorf("event after a failed build %+v", st)
	}
	if code, body, _ := get(t, srv.URL+"/"); code != 200 || !strings.Contains(body, "<p>first</p>") {
		t.Errorf("after a failed build the site is %d %q, want the last good one", code, body)
	}

	f.fail, f.title = "", "second"
	s.Rebuild()
	if st := events.next(t); !st.OK || st.Version != 2 {
		t.Errorf("event after the fix %+v", st)
	}
	if _, body, _ := get(t, srv.URL+"/"); !strings.Contains(body, "<p>second</p>") || !strings.Contains(body, `data-version="2"`) {
		t.Errorf("after the fix the site is %q", body)
	}
}

// TestProblemsBeforeFirstGoodBuild: with no good site yet, pages show the
// problems, as text even when they quote markup from the data.
func TestProblemsBeforeFirstGoodBuild(t *testing.T) {
	f := &fakeSite{dir: t.TempDir(), fail: `data/units.csv:3:8: found "<script>alert(1)</script>", expected a unit code`}
	s := New(f.dir, f.build)
	s.Rebuild()
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	code, body, _ := get(t, srv.URL+"/units/go-quao/")
	if code != http.StatusServiceUnavailable {
		t.Errorf("status %d, want 503", code)
	}
	if strings.Contains(body, "<script>alert") || !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the problem is not escaped: %s", body)
	}
	if !strings.Contains(body, `src="/_minhbach/reload.js" data-version="0"`) {
		t.Errorf("the problem page cannot reload: %s", body)
	}
}

// TestRebuildsOnChange: saving a file below a watched folder rebuilds once.
func TestRebuildsOnChange(t *testing.T) {
	watched := t.TempDir()
	os.MkdirAll(filepath.Join(watched, "exports", "2025-q1"), 0o755)
	f := &fakeSite{dir: t.TempDir(), title: "x"}
	s := New(f.dir, f.build, WithSettle(20*time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, "127.0.0.1:0", watched) }()

	// Wait for the first build, then change a file in a subfolder.
	waitFor(t, func() bool { return s.State().Version == 1 })
	first := s.changed()
	if err := os.WriteFile(filepath.Join(watched, "exports", "2025-q1", "portal.csv"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	select {
	case <-first:
	case <-time.After(10 * time.Second):
		t.Fatal("no rebuild after a change")
	}
	if v := s.State().Version; v != 2 {
		t.Errorf("version %d after one change, want 2", v)
	}
	// Hidden and backup files are not the project's: no rebuild for them.
	if !ignored(".portal.csv.swp") || !ignored("portal.csv~") || ignored("portal.csv") {
		t.Error("ignored() misjudges editor files")
	}
	cancel()
	if err := <-done; err != nil {
		t.Error(err)
	}
}

func waitFor(t *testing.T, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatal("gave up waiting")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// eventStream reads the preview's server-sent events.
type eventStream struct {
	r *bufio.Reader
}

func openEvents(t *testing.T, base string) *eventStream {
	t.Helper()
	req, _ := http.NewRequest("GET", base+"/_minhbach/events", nil)
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	return &eventStream{r: bufio.NewReader(resp.Body)}
}

// next reads one "state" event.
func (e *eventStream) next(t *testing.T) State {
	t.Helper()
	var st State
	for {
		line, err := e.r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if data, ok := strings.CutPrefix(line, "data: "); ok {
			if err := json.Unmarshal([]byte(data), &st); err != nil {
				t.Fatal(err)
			}
			return st
		}
	}
}

// TestAnswersOnlyItsOwnHost sends requests with the Host headers a browser
// sends: loopback names and addresses are answered; a name of another site
// resolved to this machine (DNS rebinding) is refused with 421, and the
// unpublished page is not in the answer.
func TestAnswersOnlyItsOwnHost(t *testing.T) {
	f := &fakeSite{dir: t.TempDir(), title: "Gò Quao"}
	s := New(f.dir, f.build)
	s.Rebuild()
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for host, want := range map[string]int{
		"127.0.0.1:" + port:        200,
		"localhost:" + port:        200,
		"LocalHost.:" + port:       200,
		"[::1]:" + port:            200,
		"localhost":                200,
		"attacker.example:" + port: 421,
		"attacker.example":         421,
		"127.0.0.1.nip.io:" + port: 421,
	} {
		req, _ := http.NewRequest("GET", srv.URL+"/units/go-quao/", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want || want == 421 && strings.Contains(string(body), "Gò Quao") {
			t.Errorf("Host %q: %d %q, want %d", host, resp.StatusCode, body, want)
		}
	}
}
