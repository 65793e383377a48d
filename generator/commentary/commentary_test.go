package commentary

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Placeholder
		err  string
	}{
		{"value signature_rate", Placeholder{Kind: "value", Indicator: "signature_rate"}, ""},
		{"value signature_rate go-quao", Placeholder{Kind: "value", Indicator: "signature_rate", Unit: "go-quao"}, ""},
		{"change docs year_ago", Placeholder{Kind: "change", Indicator: "docs", Against: "year_ago"}, ""},
		{"change docs year go-quao", Placeholder{Kind: "change", Indicator: "docs", Against: "year", Unit: "go-quao"}, ""},
		{"rank docs go-quao", Placeholder{Kind: "rank", Indicator: "docs", Unit: "go-quao"}, ""},
		{"rank docs", Placeholder{}, "expected {{< value"},
		{"change docs", Placeholder{}, "expected {{< value"},
		{"change docs later", Placeholder{}, "expected {{< value"},
		{"value docs a b", Placeholder{}, "expected {{< value"},
		{"value", Placeholder{}, "expected {{< value"},
		{"total docs", Placeholder{}, `unknown placeholder "total"`},
	} {
		got, err := Parse(strings.Fields(c.in))
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("Parse(%q): error %v, want one saying %q", c.in, err, c.err)
		case c.err == "" && (err != nil || got != c.want):
			t.Errorf("Parse(%q) = %+v, %v; want %+v", c.in, got, err, c.want)
		}
	}
}

func TestFillNamesEachPlaceholderPlace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "2024.md")
	src := "Một {{< value a >}}.\nHai — {{< value b >}} và {{<rank a>}}.\n"
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Fill(filepath.Dir(path), path, func(ph Placeholder) (string, error) {
		if ph.Indicator == "b" {
			return "", errors.New("unknown indicator")
		}
		return "[" + ph.Indicator + "]", nil
	})
	if err == nil {
		t.Fatalf("Fill = %q, want errors", got)
	}
	for _, want := range []string{path + ":2:7: unknown indicator", path + ":2:26: found \"rank a\""} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors lack %q:\n%v", want, err)
		}
	}
	if strings.Contains(err.Error(), ":1:") {
		t.Errorf("the good placeholder on line 1 is reported:\n%v", err)
	}
	// validate reads the places from the error, not from its text.
	var places Errors
	if !errors.As(err, &places) || len(places) != 2 || places[1].Line != 2 || places[1].Column != 26 || places[0].Column != 7 {
		t.Errorf("places = %+v, want line 2 columns 7 and 26", places)
	}

	ok := filepath.Join(t.TempDir(), "2025-q1.en.md")
	if err := os.WriteFile(ok, []byte("Rate {{< value a >}}, {{< change a prev >}}.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err = Fill(filepath.Dir(ok), ok, func(ph Placeholder) (string, error) { return ph.Kind + ":" + ph.Against, nil })
	if err != nil || got != "Rate value:, change:prev.\n" {
		t.Errorf("Fill = %q, %v", got, err)
	}
}

func TestFillWithoutFile(t *testing.T) {
	dir := t.TempDir()
	got, err := Fill(dir, filepath.Join(dir, "none.md"), nil)
	if got != "" || err != nil {
		t.Errorf("Fill of a missing file = %q, %v; want nothing", got, err)
	}
}

func TestFile(t *testing.T) {
	if got, want := File("content", "2025-q1", "vi", true), filepath.Join("content", "reports", "2025-q1.md"); got != want {
		t.Errorf("File = %q, want %q", got, want)
	}
	if got, want := File("content", "2024", "en", false), filepath.Join("content", "reports", "2024.en.md"); got != want {
		t.Errorf("File = %q, want %q", got, want)
	}
}
