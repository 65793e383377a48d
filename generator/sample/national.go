package sample

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// National describes a synthetic national dataset: a country, its
// provinces and their commune-level units, over a run of quarters. It is the
// benchmark-size counterpart of the An Giang sample: names are made up from
// Vietnamese syllables (no unit is a real one), every figure is drawn by the
// same generator as the An Giang sample, province by province, and the same
// National always gives the same files, byte for byte.
type National struct {
	// Provinces is how many provinces the country has (34 after July 2025).
	Provinces int
	// Units is how many commune-level units there are in all (3,321).
	Units int
	// Quarters is how many quarters to generate, ending with Last.
	Quarters int
	// Last is the last quarter; the zero Period means 2025-Q3.
	Last period.Period
	// Seed seeds every random draw; 0 means the default seed.
	Seed uint64
	// Boundaries also writes synthetic boundaries of the units
	// (SyntheticBoundaries) to BoundariesFile; the caller's catalogue
	// names them (WithBoundaries).
	Boundaries bool
}

// DefaultNational is the national benchmark: 34 provinces, 3,321
// commune-level units, 20 quarters.
var DefaultNational = National{Provinces: 34, Units: 3321, Quarters: 20}

const defaultNationalSeed = 20250701

// The country at the top of a national sample.
var country = dataset.Unit{Code: "toan-quoc", Name: "Toàn quốc (mẫu)", Type: dataset.Country}

// withDefaults fills in the zero fields that have defaults.
func (n National) withDefaults() National {
	if n.Last.IsZero() {
		n.Last = period.Q(2025, 3)
	}
	if n.Seed == 0 {
		n.Seed = defaultNationalSeed
	}
	return n
}

func (n National) check() error {
	switch {
	case n.Provinces < 1:
		return fmt.Errorf("national sample: %d provinces, expected at least 1", n.Provinces)
	case n.Units < n.Provinces:
		return fmt.Errorf("national sample: %d units for %d provinces, expected at least one unit per province", n.Units, n.Provinces)
	case n.Quarters < 1:
		return fmt.Errorf("national sample: %d quarters, expected at least 1", n.Quarters)
	case n.Last.Kind != period.Quarter:
		return fmt.Errorf("national sample: last period %v, expected a quarter", n.Last)
	}
	return nil
}

// Profiles returns one Profile per province: its commune-level units, their
// sizes, and the province's own trends. Provinces differ in size (from
// about half to about one and a half times the average number of units)
// and in how far along they are.
func (n National) Profiles() ([]Profile, error) {
	n = n.withDefaults()
	if err := n.check(); err != nil {
		return nil, err
	}
	first := n.Last.Add(-(n.Quarters - 1))
	names := newNamer(n.Seed)
	counts, err := provinceSizes(n)
	if err != nil {
		return nil, err
	}
	// Provinces are named first, so that their codes never need a suffix.
	provinces := make([]dataset.Unit, n.Provinces)
	for i := range provinces {
		provinces[i] = names.unit(fmt.Sprintf("province/%d", i), dataset.Province, country.Code)
	}
	profiles := make([]Profile, n.Provinces)
	for i, prov := range provinces {
		r := newRand(n.Seed, "province/"+prov.Code)
		// How far along the province is: a few points either side of the country.
		lead := clamp(0.04*r.NormFloat64(), -0.08, 0.08)
		rise := between(r, 0.8, 1.2)
		curve := func(from, to float64) Curve {
			return Curve{{first, clamp(from+lead, 0.05, 0.99)}, {n.Last, clamp(from+lead+rise*(to-from), 0.05, 0.99)}}
		}
		mbps := between(r, 38, 48)
		p := Profile{
			Province: prov,
			First:    first,
			Last:     n.Last,
			Seed:     n.Seed,
			Trends: Trends{
				Activity:      Curve{{first, 0.8}, {n.Last, 1.0}},
				SignatureRate: curve(0.62, 0.9),
				OnlineRate:    curve(0.35, 0.78),
				DigitizedRate: curve(0.45, 0.84),
				OnTimeRate:    curve(0.9, 0.97),
				Mbps:          Curve{{first, mbps}, {n.Last, mbps * between(r, 1.2, 1.4)}},
			},
		}
		for j := range counts[i] {
			p.Units = append(p.Units, names.local(n.Seed, prov, j))
		}
		if err := p.check(); err != nil {
			return nil, err
		}
		profiles[i] = p
	}
	return profiles, nil
}

// provinceSizes shares the units out among the provinces by the
// largest-remainder method, each province at least one.
func provinceSizes(n National) ([]int, error) {
	weights := make([]float64, n.Provinces)
	for i := range weights {
		weights[i] = math.Exp(clamp(0.3*newRand(n.Seed, fmt.Sprintf("units/%d", i)).NormFloat64(), -0.7, 0.5))
	}
	counts, err := apportion(n.Units-n.Provinces, weights, nil)
	if err != nil {
		return nil, fmt.Errorf("national sample: %w", err)
	}
	for i := range counts {
		counts[i]++
	}
	return counts, nil
}

// GenerateNational generates every province of n and puts them together
// under the country: units.csv lists the country, then each province
// followed by its units; each quarter has the figures of every
// commune-level unit and the speed each province reports for itself.
func GenerateNational(n National) (*Sample, error) {
	profiles, err := n.Profiles()
	if err != nil {
		return nil, err
	}
	s := &Sample{Units: []dataset.Unit{country}}
	for i, p := range profiles {
		ps, err := Generate(p)
		if err != nil {
			return nil, err
		}
		s.Units = append(s.Units, ps.Units...)
		if i == 0 {
			s.Quarters = make([]Quarter, len(ps.Quarters))
			for q := range ps.Quarters {
				s.Quarters[q].Period = ps.Quarters[q].Period
			}
		}
		for q := range ps.Quarters {
			s.Quarters[q].Units = append(s.Quarters[q].Units, ps.Quarters[q].Units...)
			s.Quarters[q].Provinces = append(s.Quarters[q].Provinces, ps.Quarters[q].Provinces...)
		}
	}
	return s, nil
}

// WriteNational generates the national sample n and writes it under dir as
// Write does, with a site.toml that says the data is synthetic. The
// catalogue is not written: it is the project's, copied by the caller.
func WriteNational(dir string, n National) error {
	s, err := GenerateNational(n)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("sample %s: %w", dir, err)
	}
	if err := Write(dir, s); err != nil {
		return err
	}
	if n.Boundaries {
		if err := writeBoundaries(dir, s); err != nil {
			return err
		}
	}
	return writeFileAtomic(filepath.Join(dir, "site.toml"), []byte(nationalSiteTOML))
}

const nationalSiteTOML = `# A synthetic national dataset, written by "minhbach sample". Every name and
# figure is invented; every page says so.
title = { vi = "Minh Bạch — Chính quyền số toàn quốc (dữ liệu mẫu)", en = "Minh Bạch — national digital government (sample data)" }
publisher = { vi = "Dữ liệu mẫu tổng hợp", en = "Synthetic sample data" }
sample = true
sample_note = { vi = "Mọi tên đơn vị và số liệu trên trang này đều là giả định, do chương trình tạo ra để đo tốc độ.", en = "Every unit name and figure on this site is invented, generated to measure speed." }
licence = "CC-BY-4.0"
`

// Syllables of made-up place names: a first and a second syllable, each
// common in Vietnamese place names, so that names read naturally while no
// list of real units is copied.
var (
	firstSyllables = strings.Fields("An Bình Cẩm Châu Đông Gia Hòa Hưng Khánh Kim Lạc Long Minh Mỹ Nam Ngọc " +
		"Nhơn Phong Phú Phước Quảng Tân Thạnh Thanh Thuận Tiên Trung Vĩnh Xuân Yên Hải Đức Lộc Sơn Tây Hồng")
	secondSyllables = strings.Fields("An Bình Châu Đạo Điền Định Đông Giang Hà Hòa Hội Hưng Khê Lâm Lập Lợi " +
		"Lương Mỹ Nghĩa Ninh Phong Phú Phước Quang Sơn Tân Thành Thịnh Thủy Thuận Tiến Trung Tường Vinh Xuyên")
)

// namer hands out unit names and codes. Names are unique among the units
// of one parent, as in the real lists, but repeat across provinces ("Tân
// Phú" is a commune in many provinces); codes are unique over the whole
// country: a code already taken gets its parent's code appended
// ("tan-phu-vinh-nghia"), as real unit lists disambiguate them.
type namer struct {
	seed  uint64
	names map[string]bool // parent + "/" + name
	codes map[string]bool
}

func newNamer(seed uint64) *namer {
	return &namer{seed: seed, names: map[string]bool{}, codes: map[string]bool{country.Code: true}}
}

// unit makes a unit of type t under parent, named by draws keyed by key.
func (nm *namer) unit(key string, t dataset.UnitType, parent string) dataset.Unit {
	r := newRand(nm.seed, "name/"+key)
	var name string
	for try := 0; ; try++ {
		name = firstSyllables[r.IntN(len(firstSyllables))] + " " + secondSyllables[r.IntN(len(secondSyllables))]
		if try >= 20 { // a crowded parent: number the name
			name += " " + strconv.Itoa(try)
		}
		if !nm.names[parent+"/"+name] {
			break
		}
	}
	nm.names[parent+"/"+name] = true
	code, err := Slug(name)
	if err != nil {
		panic(err) // the syllables above are letters only
	}
	for k := 2; nm.codes[code]; k++ {
		code, _ = Slug(name)
		code += "-" + parent
		if k > 2 {
			code += "-" + strconv.Itoa(k)
		}
	}
	nm.codes[code] = true
	return dataset.Unit{Code: code, Name: name, Type: t, Parent: parent}
}

// local makes the j-th commune-level unit of province prov and its profile.
// About seven in ten are communes, a quarter wards and one in fifty special
// zones; wards are busier, and about one in thirty units lags behind.
func (nm *namer) local(seed uint64, prov dataset.Unit, j int) UnitProfile {
	key := prov.Code + "/" + strconv.Itoa(j)
	r := newRand(seed, "kind/"+key)
	x := r.Float64()
	t, size := dataset.Commune, 1.0
	switch {
	case x < 0.02:
		t, size = dataset.SpecialZone, between(r, 0.3, 2.5)
	case x < 0.27:
		t, size = dataset.Ward, 1.8
	}
	size *= math.Exp(clamp(0.28*r.NormFloat64(), -0.5, 0.5))
	return UnitProfile{Unit: nm.unit(key, t, prov.Code), Size: size, Lagging: r.Float64() < 0.033}
}
