package sample

import (
	"fmt"
	"math"

	"minhbach/generator/dataset"
)

// Agency is the level of a province's departments in the sample: a
// non-territorial level, declared so in the sample's catalogue.toml.
const Agency dataset.UnitType = "agency"

// DepartmentFigures are one department's e-office figures for one quarter.
// Departments are units of a non-territorial level: ranked among
// themselves, never part of the province's total.
type DepartmentFigures struct {
	Unit                                           string
	DocsIncoming, DocsOutgoing, DocsOutgoingSigned int
	// Break is the note of a quarter in which the series breaks (status
	// B), "" otherwise.
	Break string
}

// anGiangDepartments are the departments of the sample, with their size in
// documents relative to an average department. Their figures are invented
// sample data, like the communes'.
var anGiangDepartments = []struct {
	code, name string
	size       float64
}{
	{"so-noi-vu", "Sở Nội vụ", 1.1},
	{"so-tai-chinh", "Sở Tài chính", 1.4},
	{"so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", 0.8},
	{"so-y-te", "Sở Y tế", 1.2},
	{"so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", 1.0},
	{"so-xay-dung", "Sở Xây dựng", 0.9},
}

// docsPerDepartment is an average department's incoming documents in the
// reference quarter.
const docsPerDepartment = 2400.0

// departments adds the profile's departments to the sample: their units,
// after the commune-level units, and their e-office documents each quarter,
// around the province's signature rate with an offset of their own.
func (g *generator) departments() error {
	for _, d := range g.p.Departments {
		if !dataset.IsSlug(d.Code) || d.Parent != g.p.Province.Code || d.Type != Agency {
			return fmt.Errorf("department %q: expected a slug, an agency of %s", d.Code, g.p.Province.Code)
		}
		g.sample.Units = append(g.sample.Units, d.Unit)
		r := newRand(g.p.Seed, "department/"+d.Code)
		offset, outRatio := between(r, -0.12, 0.08), between(r, 0.3, 0.45)
		for qi, q := range g.quarters {
			n := newRand(g.p.Seed, "department/"+d.Code+"/"+q.String())
			in := docsPerDepartment * d.Size * g.p.Trends.Activity.At(q) * between(n, 0.9, 1.1)
			out := in * outRatio
			rate := clamp(g.p.Trends.SignatureRate.At(q)+offset+between(n, -0.02, 0.02), 0.4, 0.99)
			f := DepartmentFigures{Unit: d.Code,
				DocsIncoming: int(math.Round(in)), DocsOutgoing: int(math.Round(out))}
			if b := g.p.Break; b != nil && b.Department == d.Code && len(g.p.Merged) > 0 && quarterIndex(q) > quarterIndex(g.p.Merged[0].Until) {
				// The department took in the merged province's: its series
				// breaks in the first quarter after the merger.
				grown := 1 + g.p.Merged[0].Share
				f.DocsIncoming, f.DocsOutgoing = int(math.Round(in*grown)), int(math.Round(out*grown))
				if quarterIndex(q) == quarterIndex(g.p.Merged[0].Until)+1 {
					f.Break = b.Note
				}
			}
			f.DocsOutgoingSigned = int(math.Round(float64(f.DocsOutgoing) * rate))
			g.sample.Quarters[qi].Departments = append(g.sample.Quarters[qi].Departments, f)
		}
	}
	return nil
}

// departmentRecords is the departments' e-office export in wide form.
func departmentRecords(q *Quarter) [][]string {
	recs := [][]string{{"period", "unit", "docs_incoming", "docs_outgoing", "docs_outgoing_signed"}}
	for _, f := range q.Departments {
		if f.Break != "" {
			continue // in eoffice-departments-break.csv, with its status and note
		}
		recs = append(recs, []string{q.Period.String(), f.Unit,
			count(f.DocsIncoming), count(f.DocsOutgoing), count(f.DocsOutgoingSigned)})
	}
	return recs
}

// DepartmentProfile is one department of a Profile.
type DepartmentProfile struct {
	dataset.Unit
	// Size scales its documents: 1 is an average department.
	Size float64
}

func anGiangDepartmentProfiles(province string) []DepartmentProfile {
	var out []DepartmentProfile
	for _, d := range anGiangDepartments {
		out = append(out, DepartmentProfile{Unit: dataset.Unit{Code: d.code, Name: d.name, Type: Agency, Parent: province}, Size: d.size})
	}
	return out
}
