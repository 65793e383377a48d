package chromium

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"path/filepath"

	"github.com/chromedp/chromedp"
)

// A Print is one page of a built site to print to PDF.
type Print struct {
	// Page is the page's site-relative URL ("reports/2025-q1/"), PDF the
	// site-relative path of the PDF ("reports/2025-q1.pdf").
	Page, PDF string
	// Header is the running header of every sheet.
	Header string
}

// PrintPDFs prints pages of the built site in dir to PDF, into dir, as a
// reader printing the page would get it: A4, the print stylesheet, charts
// from their static SVG, with a running header and page numbers. Headless
// Chromium does the printing; without it, this fails with a message that
// says how to install it.
func PrintPDFs(dir string, prints []Print) error {
	exe, err := ExecPath()
	if err != nil {
		return fmt.Errorf("printing to PDF needs Chromium, which was not found (%v); install it (apt-get install chromium) or set CHROME_PATH", err)
	}
	b, err := Start(exe)
	if err != nil {
		return fmt.Errorf("starting Chromium: %w", err)
	}
	defer b.Close()

	handler, err := NewStaticHandler(dir)
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

	for _, p := range prints {
		out := filepath.Join(dir, filepath.FromSlash(p.PDF))
		if err := printPage(b, base+p.Page, out, p.Header); err != nil {
			return fmt.Errorf("printing %s: %w", p.Page, err)
		}
	}
	return nil
}

// printPage prints one page to out, with a running header.
func printPage(b *Browser, url, out, header string) error {
	p, err := b.Visit(context.Background(), url, WithMedia("print"))
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
