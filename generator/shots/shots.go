// Package shots takes screenshots of a built site, one page of every kind,
// at a phone's and a desktop's width, in the light and the dark scheme, so
// that a person can look at what the site shows its readers before it is
// published. It drives headless Chromium (package chromium).
package shots

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"minhbach/generator/chromium"
)

// Screen is a width and height of the viewport, in CSS pixels, and whether
// it is a phone's (touch, the viewport meta tag applies).
type Screen struct {
	Name          string
	Width, Height int
	Mobile        bool
}

// Screens are the screens shots are taken at by default.
var Screens = []Screen{
	{Name: "phone", Width: 390, Height: 844, Mobile: true},
	{Name: "desktop", Width: 1280, Height: 800},
}

// Schemes are the colour schemes shots are taken in.
var Schemes = []string{"light", "dark"}

// Kind is one kind of page and the page of the site that shows it.
type Kind struct {
	Name string // "indicator", "report", …
	Path string // the page's URL path below the site root: "indicators/x/"
}

// Kinds picks one page of every kind from the built site in dir, in both
// languages where the site has them: home, the lists, an indicator, a
// unit (and the first with a metadata section, the first with footnotes,
// when those are others), a report, search, open data, the hand-written pages, an embed and
// the page for a missing address. The pages picked are the first of their
// kind in name order (the latest report), so the same site gives the same
// pages.
func Kinds(dir string) ([]Kind, error) {
	exists := func(p string) bool {
		info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
		return err == nil && info.Mode().IsRegular()
	}
	pick := func(section string, last bool) string {
		entries, err := os.ReadDir(filepath.Join(dir, section))
		if err != nil {
			return "-"
		}
		var names []string
		for _, e := range entries {
			if e.IsDir() && exists(path.Join(section, e.Name(), "index.html")) {
				names = append(names, e.Name())
			}
		}
		slices.Sort(names)
		if len(names) == 0 {
			return "-" // none: add leaves it out
		}
		if last {
			return section + "/" + names[len(names)-1] + "/"
		}
		return section + "/" + names[0] + "/"
	}
	first := func(section string) string { return pick(section, false) }
	// firstWith is the first page of section whose HTML holds marker, so
	// that the sections some pages only have (an indicator's metadata, a
	// unit's footnotes) are looked at too.
	firstWith := func(section, marker string) string {
		entries, _ := os.ReadDir(filepath.Join(dir, section))
		for _, e := range entries { // in name order
			b, err := os.ReadFile(filepath.Join(dir, section, e.Name(), "index.html"))
			if err == nil && strings.Contains(string(b), marker) {
				return section + "/" + e.Name() + "/"
			}
		}
		return "-"
	}
	last := func(section string) string { return pick(section, true) }
	if !exists("index.html") {
		return nil, fmt.Errorf("%s has no index.html: build the site first (minhbach build --out %s)", dir, dir)
	}
	var kinds []Kind
	for _, lang := range []struct{ name, prefix string }{{"vi", ""}, {"en", "en/"}} {
		if !exists(lang.prefix + "index.html") {
			continue
		}
		add := func(kind, p string) {
			if p != "-" && exists(path.Join(p, "index.html")) {
				kinds = append(kinds, Kind{Name: lang.name + "-" + kind, Path: p})
			}
		}
		lang := lang.prefix
		add("home", lang)
		for _, s := range []string{"indicators", "units"} {
			add(s, lang+s+"/")
			add(strings.TrimSuffix(s, "s"), first(lang+s))
		}
		add("breakdown", firstWith(lang+"indicators", "data-breakdowns"))
		if p := firstWith(lang+"indicators", `<section class="metadata"`); p != first(lang+"indicators") {
			add("indicator-metadata", p)
		}
		if p := firstWith(lang+"units", `<section class="footnotes"`); p != first(lang+"units") {
			add("unit-notes", p)
		}
		add("reports", lang+"reports/")
		add("report", last(lang+"reports")) // the latest, with the most to show
		add("search", lang+"search/")
		add("data", lang+"data/")
		add("about", lang+"about/")
		add("methodology", lang+"methodology/")
		add("embed", first(lang+"embed"))
	}
	if exists("404.html") {
		kinds = append(kinds, Kind{Name: "not-found", Path: "no-such-page/"})
	}
	return kinds, nil
}

// Options say what to take.
type Options struct {
	// Site is the built site's folder; Out the folder the PNGs go to.
	Site, Out string
	// Kinds are the pages to take; nil takes every kind (see Kinds).
	Kinds []Kind
}

// Take writes a full-page screenshot of every kind of page, screen and
// scheme to opts.Out, as <kind>-<screen>-<scheme>.png, with every chart
// drawn as a reader scrolling down would see it, and returns the files
// written. opts.Out must be absent or a folder of PNGs: Take writes only
// PNGs and removes nothing.
func Take(ctx context.Context, opts Options) ([]string, error) {
	kinds := opts.Kinds
	if kinds == nil {
		var err error
		if kinds, err = Kinds(opts.Site); err != nil {
			return nil, err
		}
	}
	if err := checkOut(opts.Out); err != nil {
		return nil, err
	}
	exec, err := chromium.ExecPath()
	if err != nil {
		return nil, err
	}
	b, err := chromium.Start(exec)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	base, stop, err := serve(opts.Site)
	if err != nil {
		return nil, err
	}
	defer stop()
	var written []string
	for _, k := range kinds {
		for _, screen := range Screens {
			for _, scheme := range Schemes {
				file := filepath.Join(opts.Out, fmt.Sprintf("%s-%s-%s.png", k.Name, screen.Name, scheme))
				if err := take(ctx, b, base+k.Path, file, screen, scheme); err != nil {
					return written, fmt.Errorf("/%s at %s, %s: %w", k.Path, screen.Name, scheme, err)
				}
				written = append(written, file)
			}
		}
	}
	return written, nil
}

// take writes the screenshot of one page.
func take(ctx context.Context, b *chromium.Browser, url, file string, screen Screen, scheme string) error {
	// Charts are drawn without animation (reduced motion), so a shot
	// never catches one half drawn.
	p, err := b.Visit(ctx, url, chromium.WithViewport(screen.Width, screen.Height, screen.Mobile),
		chromium.WithColorScheme(scheme), chromium.WithReducedMotion())
	if err != nil {
		return err
	}
	defer p.Close()
	// A full-page screenshot shows the whole page at once: parts that the
	// browser lays out only near the screen (content-visibility: auto)
	// are laid out now, as a reader scrolling would have them.
	if err := p.Eval(`document.querySelectorAll('*').forEach((e) => {
		if (getComputedStyle(e).contentVisibility === 'auto') e.style.contentVisibility = 'visible';
	})`, nil); err != nil {
		return err
	}
	if _, err := p.DrawCharts(); err != nil {
		return err
	}
	if err := p.Eval(`window.scrollTo(0, 0)`, nil); err != nil {
		return err
	}
	return p.Screenshot(file)
}

// checkOut refuses an output folder that holds anything but PNGs: the
// screenshots never overwrite what they did not make.
func checkOut(out string) error {
	if out == "" {
		return errors.New("no output folder: give --out DIR")
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || filepath.Ext(e.Name()) != ".png" {
			return fmt.Errorf("%s holds %s, which is not a screenshot: give an empty or new folder", out, e.Name())
		}
	}
	return nil
}

// serve serves the site in dir on a free port of 127.0.0.1, the way its
// static host will, and returns its base URL and the function that stops
// it.
func serve(dir string) (string, func(), error) {
	h, err := chromium.NewStaticHandler(dir)
	if err != nil {
		return "", nil, err
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(l)
	return "http://" + l.Addr().String() + "/", func() { srv.Close() }, nil
}
