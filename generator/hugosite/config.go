package hugosite

import (
	"fmt"
	"os"

	"github.com/pelletier/go-toml/v2"
)

// Config is Hugo's configuration, as much of it as the generator sets.
// WriteConfig writes it as hugo.toml; a field left empty is left to
// Hugo's default.
type Config struct {
	BaseURL                    string   `toml:"baseURL"`
	Title                      string   `toml:"title"`
	DefaultContentLanguage     string   `toml:"defaultContentLanguage"`
	DisableKinds               []string `toml:"disableKinds,omitempty"`
	EnableRobotsTXT            bool     `toml:"enableRobotsTXT,omitempty"`
	NoBuildLock                bool     `toml:"noBuildLock,omitempty"`
	DisableHugoGeneratorInject bool     `toml:"disableHugoGeneratorInject,omitempty"`
	TimeZone                   string   `toml:"timeZone,omitempty"`
	// CacheDir and ResourceDir are Hugo's caches, in the project's work
	// folder (Project.Work).
	CacheDir    string `toml:"cacheDir"`
	ResourceDir string `toml:"resourceDir"`
	// Params are the site's params, for the templates.
	Params any `toml:"params,omitempty"`
	// Languages are the site's languages by code.
	Languages     map[string]Language     `toml:"languages"`
	Markup        *Markup                 `toml:"markup,omitempty"`
	MediaTypes    map[string]MediaType    `toml:"mediaTypes,omitempty"`
	OutputFormats map[string]OutputFormat `toml:"outputFormats,omitempty"`
	Minify        Minify                  `toml:"minify"`
	Sitemap       *Sitemap                `toml:"sitemap,omitempty"`
	Module        Module                  `toml:"module,omitempty"`
}

// Language is one language of the site. Weight orders the languages;
// Params are the language's own params, for the templates.
type Language struct {
	Weight int               `toml:"weight"`
	Locale string            `toml:"locale,omitempty"`
	Label  string            `toml:"label,omitempty"`
	Title  string            `toml:"title,omitempty"`
	Params map[string]string `toml:"params,omitempty"`
}

// Markup configures Markdown rendering. Goldmark.Renderer.Unsafe says
// whether raw HTML in hand-written Markdown reaches the page.
type Markup struct {
	Goldmark struct {
		Renderer struct {
			Unsafe bool `toml:"unsafe"`
		} `toml:"renderer"`
	} `toml:"goldmark"`
}

// MediaType is a media type Hugo may publish, with the file name
// suffixes it has.
type MediaType struct {
	Suffixes []string `toml:"suffixes"`
}

// OutputFormat is a format Hugo renders pages to besides HTML.
type OutputFormat struct {
	MediaType string `toml:"mediaType"`
	BaseName  string `toml:"baseName"`
	Rel       string `toml:"rel"`
}

// Minify says what Hugo minifies of what it publishes.
type Minify struct {
	MinifyOutput bool `toml:"minifyOutput"`
	DisableHTML  bool `toml:"disableHTML,omitempty"`
}

// Sitemap sets the change frequency and priority of every sitemap entry;
// "" and -1 leave them out.
type Sitemap struct {
	ChangeFreq string  `toml:"changeFreq"`
	Priority   float64 `toml:"priority"`
}

// Module holds the mounts: every folder Hugo reads, by its absolute path.
type Module struct {
	Mounts []Mount `toml:"mounts"`
}

// Mount mounts the folder Source at Target ("layouts", "content",
// "assets/js/bundled"…) in Hugo's view of the project. Files, when given,
// filters what Hugo sees of it ("! reports/**" hides the reports folder).
type Mount struct {
	Source string   `toml:"source"`
	Target string   `toml:"target"`
	Files  []string `toml:"files,omitempty"`
}

// WriteConfig writes c to path as TOML.
func WriteConfig(path string, c *Config) error {
	b, err := toml.Marshal(c)
	if err != nil {
		return fmt.Errorf("hugo configuration: %w", err)
	}
	return os.WriteFile(path, b, 0o644)
}
