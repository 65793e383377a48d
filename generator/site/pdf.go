package site

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"path/filepath"

	"github.com/chromedp/chromedp"

	"minhbach/generator/internal/browser"
	"minhbach/generator/period"
)

// printReports prints every report page of the built site in dir to PDF
// beside it (/reports/2025-q1.pdf, /en/reports/2025-q1.pdf), as a reader
// printing the page would get it: A4, the print stylesheet, charts from their
// static SVG, with a running header naming the report and page numbers.
// Headless Chromium does the printing; without it, this fails with a message
// that says how to install it.
func printReports(dir string, quarters []period.Period, titles map[string]string) error {
	exe, err := browser.ExecPath()
	if err != nil {
		return fmt.Errorf("--pdf prints the reports with Chromium, which was not found (%v); install it (apt-get install chromium) or set CHROME_PATH", err)
	}
	b, err := browser.Start(exe)
	if err != nil {
		return fmt.Errorf("--pdf: starting Chromium: %w", err)
	}
	defer b.Close()

	handler, err := browser.NewStaticHandler(dir)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: handler}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String() + "/"

	for _, lang := range Languages {
		prefix := ""
		if lang != Languages[0] {
			prefix = lang + "/"
		}
		for _, q := range quarters {
			page := prefix + "reports/" + q.Slug() + "/"
			out := filepath.Join(dir, filepath.FromSlash(prefix+"reports/"+q.Slug()+".pdf"))
			if err := printPage(b, base+page, out, titles[prefix+q.Slug()]); err != nil {
				return fmt.Errorf("printing %s: %w", page, err)
			}
		}
	}
	return nil
}

// printPage prints one page to out, with a running header.
func printPage(b *browser.Browser, url, out, header string) error {
	p, err := b.Visit(context.Background(), url, browser.WithMedia("print"))
	if err != nil {
		return err
	}
	defer p.Close()
	if p.Status() != http.StatusOK {
		return fmt.Errorf("status %d", p.Status())
	}
	if errs := p.ConsoleErrors(); len(errs) > 0 {
		return errors.New(errs[0])
	}
	const style = `font-family: system-ui, sans-serif; font-size: 8pt; color: #333; width: 100%; margin: 0 14mm;`
	return p.PrintPDFWith(out,
		chromedp.PDFHeaderTemplate(`<div style="`+style+`">`+html.EscapeString(header)+`</div>`),
		// The page numbers come from the print stylesheet's @page rule.
		chromedp.PDFFooterTemplate(`<span></span>`),
		chromedp.PDFOutlineAndTagged(),
	)
}
