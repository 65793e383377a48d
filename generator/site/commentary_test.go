package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
	"minhbach/generator/markdown"
	"minhbach/generator/period"
)

// samplePager builds the pager of lang over the sample data, reading
// commentary from contentDir.
func samplePager(t *testing.T, lang, contentDir string) *pager {
	t.Helper()
	ds, err := dataset.Load("../../data")
	if err != nil {
		t.Fatal(err)
	}
	res, err := indicator.Compute(ds)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPager(ds, res, lang, Config{Root: "../..", BaseURL: "/"}, markdown.New())
	if err != nil {
		t.Fatal(err)
	}
	p.contentDir = contentDir
	return p
}

func writeCommentary(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "reports", "2025-q1.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCommentaryPlaceholders(t *testing.T) {
	dir := writeCommentary(t, "Ký số {{< value signature_rate >}} ({{< change signature_rate year >}}), "+
		"Gò Quao {{< value signature_rate go-quao >}}, hạng {{< rank signature_rate giang-thanh >}}; "+
		"trước đó {{< change docs_incoming prev >}}.\n\n<script>alert(1)</script>\n")
	html, err := samplePager(t, "vi", dir).commentary(period.Q(2025, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Ký số 86,7% (+4,0 điểm %)", "hạng 102/102", "<!-- raw HTML omitted -->"} {
		if !strings.Contains(html, want) {
			t.Errorf("commentary lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, "<script>") {
		t.Error("raw HTML in the commentary was passed through")
	}
}

func TestCommentaryUnknownPlaceholderNamesFileAndLine(t *testing.T) {
	dir := writeCommentary(t, "Dòng một.\nKý số {{< value signature_rte >}} và {{< value signature_rate nowhere >}}.\n{{< total docs_incoming >}}\n")
	_, err := samplePager(t, "vi", dir).commentary(period.Q(2025, 1))
	if err == nil {
		t.Fatal("an unknown placeholder was accepted")
	}
	path := filepath.Join(dir, "reports", "2025-q1.md")
	for _, want := range []string{
		path + `:2:7: unknown indicator "signature_rte" in placeholder "value"`,
		path + `:2:38: unknown unit "nowhere" in placeholder "value"`,
		path + `:3:1: unknown placeholder "total"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

func TestNoCommentaryIsNoError(t *testing.T) {
	html, err := samplePager(t, "en", t.TempDir()).commentary(period.Q(2025, 2))
	if err != nil || html != "" {
		t.Errorf("got %q, %v; want nothing", html, err)
	}
}

// TestCommentaryIsNeverALink makes a report's commentary a symbolic link
// to a file outside the content folder: it is refused, and nothing of the
// file it points to reaches the page.
func TestCommentaryIsNeverALink(t *testing.T) {
	dir := t.TempDir()
	secret := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(secret, []byte("TOKEN=hunter2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "reports"), 0o755)
	if err := os.Symlink(secret, filepath.Join(dir, "reports", "2025-q1.md")); err != nil {
		t.Fatal(err)
	}
	html, err := samplePager(t, "vi", dir).commentary(period.Q(2025, 1))
	if err == nil || !strings.Contains(err.Error(), "symbolic link") || strings.Contains(html, "hunter2") {
		t.Errorf("a linked commentary: %q, %v", html, err)
	}
}
