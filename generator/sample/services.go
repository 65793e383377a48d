package sample

import (
	"math"
	"path/filepath"

	"minhbach/generator/dataset"
)

// serviceSectors are the sectors of the sample's online-services export,
// with the range of procedures a commune-level unit handles in each.
var serviceSectors = []struct {
	id     string
	lo, hi float64
	// lead is how far ahead of the others the sector's full-process
	// share is.
	lead float64
}{
	{"justice", 28, 46, 0.12},
	{"land", 18, 34, -0.08},
	{"social", 14, 26, 0.02},
	{"business", 8, 18, 0.18},
}

// writeServices writes exports/<quarter>/services.csv: the sample's
// online public services, in long form with the dimension columns level
// and sector. Each commune-level unit gives the procedures it handles by
// sector (level empty: the total over levels), and those offered online by
// sector and, apart, by level (not crossed: a publisher's two tables);
// the totals are left for the build to add up. Invented figures: the
// share offered online grows from quarter to quarter, full process faster
// than partial.
func writeServices(dir string, s *Sample, seed uint64) error {
	for qi := range s.Quarters {
		q := &s.Quarters[qi]
		p := q.Period.String()
		recs := [][]string{{"period", "unit", "measure", "level", "sector", "value"}}
		for _, f := range q.Units {
			if !territorial(s.Units, f.Unit) {
				continue
			}
			traits := newRand(seed, "services/"+f.Unit)
			lead := between(traits, -0.08, 0.08)
			levels := map[string]int{}
			for _, sec := range serviceSectors {
				offered := int(math.Round(between(traits, sec.lo, sec.hi)))
				r := newRand(seed, "services/"+f.Unit+"/"+sec.id+"/"+p)
				full := int(math.Round(float64(offered) * clamp(0.18+sec.lead+0.045*float64(qi)+lead+between(r, -0.04, 0.04), 0, 0.9)))
				partial := int(math.Round(float64(offered-full) * clamp(0.45+between(r, -0.1, 0.1), 0, 1)))
				levels["full"] += full
				levels["partial"] += partial
				recs = append(recs,
					[]string{p, f.Unit, "services_offered", "", sec.id, count(offered)},
					[]string{p, f.Unit, "services_online", "", sec.id, count(full + partial)})
			}
			recs = append(recs,
				[]string{p, f.Unit, "services_online", "full", "", count(levels["full"])},
				[]string{p, f.Unit, "services_online", "partial", "", count(levels["partial"])})
		}
		if err := writeCSV(filepath.Join(dir, "exports", q.Period.Slug(), "services.csv"), recs); err != nil {
			return err
		}
	}
	return nil
}

// territorial reports whether the unit with code is not a department
// (level agency): only communes, wards and special zones offer services.
func territorial(units []dataset.Unit, code string) bool {
	for i := range units {
		if units[i].Code == code {
			return units[i].Type != "agency"
		}
	}
	return false
}
