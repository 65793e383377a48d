package hugosite

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// marker returns the marker of the body numbered id, as the body partial
// writes it.
func marker(id int) string { return markerPrefix + strconv.Itoa(id) + markerSuffix }

// TestSplicingFsPutsBodiesInPlace publishes through a splicingFs as Hugo
// does (create, write in pieces, close) and checks what reaches the disk:
// the body in its marker's place in HTML files, everything else as written,
// and an error for a marker that names no body or a body used twice.
func TestSplicingFsPutsBodiesInPlace(t *testing.T) {
	disk := afero.NewMemMapFs()
	bodies := new(Bodies)
	first := marker(bodies.Add(`<h1>An Phú</h1><table><tr><td>86,7%</td></tr></table>`))
	second := marker(bodies.Add(""))
	// A body that looks like a marker is written, not read again.
	head := marker(bodies.Add("<title>An Phú</title>" + first))
	nav := marker(bodies.Add(`<p class="lang-switch"><a href="/en/">English</a></p>`))
	fs := splicingFs{Fs: disk, bodies: bodies}

	publish := func(name string, parts ...string) error {
		t.Helper()
		f, err := fs.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if _, err := f.WriteString(p); err != nil {
				t.Fatal(err)
			}
		}
		return f.Close()
	}
	read := func(name string) string {
		t.Helper()
		b, err := afero.ReadFile(disk, name)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}

	if err := publish("units/an-phu/index.html", "<main>", first[:7], first[7:], "</main>"); err != nil {
		t.Fatal(err)
	}
	if got, want := read("units/an-phu/index.html"), `<main><h1>An Phú</h1><table><tr><td>86,7%</td></tr></table></main>`; got != want {
		t.Errorf("spliced page = %q, want %q", got, want)
	}
	if err := publish("units/index.html", "<main>", second, "</main>"); err != nil {
		t.Fatal(err)
	}
	if got, want := read("units/index.html"), "<main></main>"; got != want {
		t.Errorf("page with an empty body = %q, want %q", got, want)
	}
	if err := publish("en/index.html", "<head>", head, "</head><header>", nav, "</header>"); err != nil {
		t.Fatal(err)
	}
	if got, want := read("en/index.html"), `<head><title>An Phú</title>`+first+`</head><header><p class="lang-switch"><a href="/en/">English</a></p></header>`; got != want {
		t.Errorf("page with two markers = %q, want %q", got, want)
	}
	for name, text := range map[string]string{
		"about/index.html": "<main><p>Prose</p></main>",
		"units/index.xml":  "<feed>" + first + "</feed>",
	} {
		if err := publish(name, text); err != nil {
			t.Fatal(err)
		}
		if got := read(name); got != text {
			t.Errorf("%s = %q, want it as written, %q", name, got, text)
		}
	}

	for _, tc := range []struct{ text, want string }{
		{first, "page body 1 published twice"},
		{markerPrefix + "7" + markerSuffix, "no page body numbered 7"},
		{markerPrefix + "0" + markerSuffix, "no page body numbered 0"},
		{markerPrefix + "x1" + markerSuffix, "malformed page body marker"},
		{markerPrefix + "1", "malformed page body marker"},
	} {
		err := publish("bad/index.html", "<main>", tc.text, "</main>")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "bad/index.html") {
			t.Errorf("publishing %q: error %v, want one naming the file and saying %q", tc.text, err, tc.want)
		}
	}
}

// TestSplicingFsWaitsForReservedBodies publishes pages whose bodies are
// reserved: publishing waits until the body is given, and fails with the
// reason when the body fails instead.
func TestSplicingFsWaitsForReservedBodies(t *testing.T) {
	disk := afero.NewMemMapFs()
	bodies := new(Bodies)
	given, failed := bodies.Reserve(), bodies.Reserve()
	fs := splicingFs{Fs: disk, bodies: bodies}
	publish := func(name string, id int) <-chan error {
		done := make(chan error, 1)
		go func() {
			f, err := fs.Create(name)
			if err == nil {
				_, err = f.WriteString("<main>" + marker(id) + "</main>")
			}
			if err == nil {
				err = f.Close()
			}
			done <- err
		}()
		return done
	}

	settled := make(chan struct{})
	go func() {
		bodies.waitReserved()
		close(settled)
	}()
	first := publish("data/index.html", given)
	select {
	case err := <-first:
		t.Fatalf("the page was published before its body was given (err %v)", err)
	case <-time.After(50 * time.Millisecond):
	}
	bodies.Give(given, "<h1>Dữ liệu</h1>")
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if b, _ := afero.ReadFile(disk, "data/index.html"); string(b) != "<main><h1>Dữ liệu</h1></main>" {
		t.Errorf("page = %q, want the given body in place", b)
	}

	select {
	case <-settled:
		t.Fatal("waitReserved returned while a reserved body was still to come")
	default:
	}
	second := publish("en/data/index.html", failed)
	bodies.Fail(failed, errors.New("writing downloads: disk full"))
	select {
	case <-settled:
	case <-time.After(10 * time.Second):
		t.Fatal("waitReserved did not return once every reserved body was given or failed")
	}
	if err := <-second; err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("publishing a page whose body failed: err = %v, want the body's error", err)
	}
}
