package site

import (
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	texts "minhbach/generator/i18n"
)

// verbs finds the fmt verbs of a string, such as %s and %d ("%%" is a
// percent sign, not a verb).
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// verbList is the fmt verbs of s, in order, without the percent signs.
func verbList(s string) []string {
	var out []string
	for _, v := range verbs.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

// forms returns every string of t by key: a string with plural forms as
// key.form.
func forms(t *i18n) map[string]string {
	all := maps.Clone(t.Strings)
	for key, fs := range t.Plurals {
		for form, s := range fs {
			all[key+"."+form] = s
		}
	}
	return all
}

// TestInterfaceStringsAreComplete checks every interface string the site
// can print, in templates/i18n: both languages have the same keys, none is
// empty, each takes the same fmt verbs in both (so no "%!(EXTRA …)" or
// "%!s(MISSING)" can be printed), every key a template asks Hugo's T for
// exists, and the words of the generator (i18n.Words) are all there.
func TestInterfaceStringsAreComplete(t *testing.T) {
	const root = "../.."
	langs := map[string]map[string]string{}
	for _, lang := range Languages {
		tr, err := loadI18n(root, lang)
		if err != nil {
			t.Fatal(err)
		}
		langs[lang] = forms(tr)
		w := texts.NewWords(tr.Get)
		if err := tr.Err(); err != nil {
			t.Errorf("words of %s: %v", lang, err)
		}
		v := reflect.ValueOf(w)
		for i := range v.NumField() {
			f := v.Field(i)
			name := v.Type().Field(i).Name
			switch f.Kind() {
			case reflect.String:
				if strings.TrimSpace(f.String()) == "" {
					t.Errorf("%s: the word %s is empty", lang, name)
				}
			case reflect.Map:
				for _, k := range f.MapKeys() {
					if strings.TrimSpace(f.MapIndex(k).String()) == "" {
						t.Errorf("%s: the word %s[%s] is empty", lang, name, k)
					}
				}
			}
		}
	}
	vi, en := langs["vi"], langs["en"]
	for _, key := range slices.Sorted(maps.Keys(vi)) {
		s := vi[key]
		if strings.TrimSpace(s) == "" {
			t.Errorf("vi.toml: %s is empty", key)
		}
		// English may have plural forms that Vietnamese, which has none,
		// lacks; every other string is in both.
		other, ok := en[key]
		if !ok {
			t.Errorf("en.toml has no %s (vi.toml: %q)", key, s)
			continue
		}
		if a, b := verbList(s), verbList(other); !slices.Equal(a, b) {
			t.Errorf("%s takes %v in vi.toml but %v in en.toml", key, a, b)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(en)) {
		base, _, plural := strings.Cut(key, ".")
		if strings.TrimSpace(en[key]) == "" {
			t.Errorf("en.toml: %s is empty", key)
		}
		if _, ok := vi[base]; !ok {
			t.Errorf("vi.toml has no %s (en.toml: %q)", base, en[key])
		}
		if plural && !slices.Equal(verbList(en[key]), verbList(en[base])) {
			t.Errorf("en.toml: %s takes other verbs than %s", key, base)
		}
	}
	asked := regexp.MustCompile(`\bT "([a-zA-Z0-9_]+)"`)
	err := filepath.WalkDir(filepath.Join(root, "templates", "layouts"), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range asked.FindAllStringSubmatch(string(b), -1) {
			for lang, strs := range langs {
				if _, ok := strs[m[1]]; !ok {
					t.Errorf("%s asks for %q, which %s.toml lacks", path, m[1], lang)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestVerbListFindsMismatches checks the check: a string whose verbs differ
// between languages is told apart.
func TestVerbListFindsMismatches(t *testing.T) {
	if a, b := verbList("%s added, %s revised, %s removed"), verbList("%s thêm, %s sửa"); slices.Equal(a, b) {
		t.Errorf("%v and %v should differ", a, b)
	}
	if got := verbList("100%% of %d"); !slices.Equal(got, []string{"%d"}) {
		t.Errorf("verbList = %v, want [%%d]", got)
	}
}
