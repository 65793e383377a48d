package sample

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"math"
	"slices"

	"minhbach/generator/dataset"
	"minhbach/generator/period"
)

// Profile describes a sample to generate: the units and how busy each is, the
// quarters to cover, how the province-wide rates move over time and, when a
// province has published figures, the figures the sample must reproduce.
// The same Profile always gives the same sample, byte for byte.
type Profile struct {
	// Province is the top unit; every unit in Units is its child.
	Province dataset.Unit
	// Units are the commune-level units, in the order units.csv lists them.
	Units []UnitProfile
	// First and Last are the first and last quarters to generate, inclusive.
	First, Last period.Period
	// Seed seeds every random draw (math/rand/v2 PCG).
	Seed uint64
	// Trends are the province-wide levels and rates, quarter by quarter.
	Trends Trends
	// Published, when not nil, pins the figures the province published.
	Published *Published
	// Departments are the province's departments (units of the
	// non-territorial level Agency), listed after Units; they report
	// e-office documents only, and are not part of the province's totals.
	Departments []DepartmentProfile
	// Merged are the provinces the province took in (see MergedProfile).
	Merged []MergedProfile
	// Survey is the yearly satisfaction survey, nil for none; Break a
	// department whose series breaks at the merger, nil for none.
	Survey *SurveyProfile
	Break  *BreakProfile
}

// UnitProfile is one commune-level unit and how it behaves in the sample.
type UnitProfile struct {
	Unit dataset.Unit
	// Size scales the unit's activity and equipment: 1 is a typical rural commune.
	Size float64
	// Lagging marks a unit clearly behind the others: far fewer digitally
	// signed documents, little online filing, less digitization.
	Lagging bool
}

// Trends are province-wide curves over quarters. Units scatter around them;
// each quarter's province rates follow them (except where Published pins a figure).
type Trends struct {
	// Activity multiplies the flows of documents and files; 1 is the
	// reference quarter (Published.Quarter, or Last when nothing is published).
	Activity Curve
	// SignatureRate is docs_outgoing_signed / docs_outgoing, as a fraction.
	SignatureRate Curve
	// OnlineRate is files_received_online / files_received.
	OnlineRate Curve
	// DigitizedRate is files_digitized / files_received.
	DigitizedRate Curve
	// OnTimeRate is files_resolved_on_time / files_resolved.
	OnTimeRate Curve
	// Mbps is the province's mobile broadband speed.
	Mbps Curve
}

// Published holds figures a province published for one quarter. Flows (documents)
// are the quarter's totals, stocks (accounts, users, points) its end values; the
// sample's sums over all commune-level units equal them exactly. A zero field
// pins nothing.
type Published struct {
	Quarter         period.Period
	DocsIncoming    int
	DocsOutgoing    int
	DocsSigned      int
	EOfficeAccounts int
	EOfficeMobile   int
	VideoPoints     int
	BroadbandMbps   float64
	// PriorYearSignatureRate is signed / outgoing over the four quarters of the
	// year before Quarter, as a fraction (0.827). The sample reproduces it to
	// within one document: the last quarter of that year absorbs the difference.
	PriorYearSignatureRate float64
}

// Knot is one point of a Curve.
type Knot struct {
	At    period.Period
	Value float64
}

// Curve is a value that changes over quarters: straight lines between its
// knots (in time order), flat before the first knot and after the last.
type Curve []Knot

// At returns the curve's value in quarter q.
func (c Curve) At(q period.Period) float64 {
	if len(c) == 0 {
		return 0
	}
	x := quarterIndex(q)
	if x <= quarterIndex(c[0].At) {
		return c[0].Value
	}
	for i := 1; i < len(c); i++ {
		x0, x1 := quarterIndex(c[i-1].At), quarterIndex(c[i].At)
		if x <= x1 {
			f := float64(x-x0) / float64(x1-x0)
			return c[i-1].Value + f*(c[i].Value-c[i-1].Value)
		}
	}
	return c[len(c)-1].Value
}

// quarterIndex numbers quarters consecutively, so neighbours differ by one.
func quarterIndex(q period.Period) int { return q.Year*4 + q.N - 1 }

// quarters lists the profile's quarters, First to Last.
func (p *Profile) quarters() []period.Period {
	var qs []period.Period
	for q := p.First; quarterIndex(q) <= quarterIndex(p.Last); q = q.Add(1) {
		qs = append(qs, q)
	}
	return qs
}

// reference is the quarter that stocks and flows are scaled at: the published
// quarter, or the last one when nothing is published.
func (p *Profile) reference() period.Period {
	if p.Published != nil {
		return p.Published.Quarter
	}
	return p.Last
}

// check reports what makes the profile unusable.
func (p *Profile) check() error {
	if p.First.Kind != period.Quarter || p.Last.Kind != period.Quarter || quarterIndex(p.First) > quarterIndex(p.Last) {
		return fmt.Errorf("sample profile: quarters %v to %v: expected a range of quarters, first to last", p.First, p.Last)
	}
	if len(p.Units) == 0 {
		return fmt.Errorf("sample profile %s: no units", p.Province.Code)
	}
	seen := map[string]bool{p.Province.Code: true}
	for _, u := range p.Units {
		if !dataset.IsSlug(u.Unit.Code) || seen[u.Unit.Code] {
			return fmt.Errorf("sample profile %s: unit code %q is not a slug or is used twice", p.Province.Code, u.Unit.Code)
		}
		seen[u.Unit.Code] = true
		if !local(u.Unit.Type) || u.Unit.Parent != p.Province.Code {
			return fmt.Errorf("sample profile %s: unit %s must be a commune, ward or special zone of %s", p.Province.Code, u.Unit.Code, p.Province.Code)
		}
		if !(u.Size > 0) {
			return fmt.Errorf("sample profile %s: unit %s has size %v, expected more than 0", p.Province.Code, u.Unit.Code, u.Size)
		}
	}
	if pub := p.Published; pub != nil {
		i := quarterIndex(pub.Quarter)
		if pub.Quarter.Kind != period.Quarter || i < quarterIndex(p.First) || i > quarterIndex(p.Last) {
			return fmt.Errorf("sample profile %s: published quarter %v lies outside %v to %v", p.Province.Code, pub.Quarter, p.First, p.Last)
		}
		if pub.VideoPoints != 0 && pub.VideoPoints < len(p.Units) {
			return fmt.Errorf("sample profile %s: %d video points cannot give each of %d units one", p.Province.Code, pub.VideoPoints, len(p.Units))
		}
		if (pub.DocsOutgoing != 0 && pub.DocsSigned > pub.DocsOutgoing) || (pub.EOfficeAccounts != 0 && pub.EOfficeMobile > pub.EOfficeAccounts) {
			return fmt.Errorf("sample profile %s: published figures contradict each other (signed above outgoing, or mobile users above accounts)", p.Province.Code)
		}
	}
	return nil
}

// anGiangUnitsCSV is the list of An Giang's 102 commune-level units after
// 1 July 2025, as type,name lines (a copy of the project's shared list).
//
//go:embed an-giang-units.csv
var anGiangUnitsCSV []byte

// AnGiang returns the profile of the shipped sample: An Giang province,
// 2024-Q1 to 2025-Q3, calibrated to the figures the province published for 2025-Q1.
func AnGiang() (Profile, error) {
	const seed = 20250701
	province := dataset.Unit{Code: "an-giang", Name: "An Giang", Type: dataset.Province}
	units, err := readUnitList(anGiangUnitsCSV, province.Code)
	if err != nil {
		return Profile{}, fmt.Errorf("an giang units: %w", err)
	}

	// Units that do not follow the size of their type: the two city centres
	// (Rạch Giá is the provincial seat), the tourist island of Phú Quốc, and
	// the small islands of Kiên Hải and Thổ Châu.
	sizeOverrides := map[string]float64{"Rạch Giá": 3.0, "Long Xuyên": 2.8, "Phú Quốc": 3.2, "Kiên Hải": 0.32, "Thổ Châu": 0.12}
	// Communes chosen to lag, so that rankings have a clear bottom.
	lagging := []string{"Giang Thành", "Hòn Nghệ", "Ô Lâm", "Thạnh Lộc", "Vĩnh Phong"}

	p := Profile{
		Province:    province,
		Departments: anGiangDepartmentProfiles(province.Code),
		// On 1 July 2025 An Giang took in Kiên Giang province. Kiên Giang's
		// totals are invented; from 2025-Q3 the communes cover both.
		Merged: []MergedProfile{{Code: "kien-giang", Name: "Kiên Giang", Until: period.Q(2025, 2), Share: 0.82, RateOffset: -0.03, SpeedFactor: 0.96}},
		// The satisfaction survey of 2024 (invented): the province's
		// figure provisional, the Department of Construction's estimated.
		Survey: &SurveyProfile{Years: []int{2024}, Satisfied: 84.5, Estimated: "so-xay-dung"},
		// The Department of Home Affairs took in Kiên Giang's at the merger.
		Break: &BreakProfile{Department: "so-noi-vu", Note: "Từ quý III/2025, số liệu gồm cả Sở Nội vụ tỉnh Kiên Giang cũ, hợp nhất khi sáp nhập tỉnh ngày 1/7/2025 (dữ liệu mẫu). From Q3 2025 the figures include the former Kiên Giang department of home affairs, merged with the province on 1 July 2025 (sample data)."},
		First: period.Q(2024, 1),
		Last:  period.Q(2025, 3),
		Seed:  seed,
		Trends: Trends{
			Activity:      Curve{{period.Q(2024, 1), 0.87}, {period.Q(2025, 1), 1.0}, {period.Q(2025, 3), 1.07}},
			SignatureRate: Curve{{period.Q(2024, 1), 0.812}, {period.Q(2024, 4), 0.842}, {period.Q(2025, 1), 0.867}, {period.Q(2025, 3), 0.895}},
			OnlineRate:    Curve{{period.Q(2024, 1), 0.58}, {period.Q(2024, 4), 0.70}, {period.Q(2025, 1), 0.745}, {period.Q(2025, 3), 0.785}},
			DigitizedRate: Curve{{period.Q(2024, 1), 0.66}, {period.Q(2024, 4), 0.78}, {period.Q(2025, 1), 0.815}, {period.Q(2025, 3), 0.85}},
			OnTimeRate:    Curve{{period.Q(2024, 1), 0.93}, {period.Q(2025, 1), 0.962}, {period.Q(2025, 3), 0.972}},
			Mbps:          Curve{{period.Q(2024, 1), 52.4}, {period.Q(2025, 1), 65.3}, {period.Q(2025, 3), 69.1}},
		},
		Published: &Published{
			Quarter:                period.Q(2025, 1),
			DocsIncoming:           213883,
			DocsOutgoing:           75393,
			DocsSigned:             65366,
			EOfficeAccounts:        7736,
			EOfficeMobile:          3845,
			VideoPoints:            204,
			BroadbandMbps:          65.3,
			PriorYearSignatureRate: 0.827,
		},
	}
	for _, u := range units {
		size, override := sizeOverrides[u.Name]
		switch {
		case override:
		case u.Type == dataset.Ward:
			size = 1.8
		default:
			size = 1.0
		}
		// Each unit is bigger or smaller than its type by a factor of about 0.6 to 1.7.
		r := newRand(seed, "size/"+u.Code)
		size *= math.Exp(clamp(0.28*r.NormFloat64(), -0.5, 0.5))
		p.Units = append(p.Units, UnitProfile{Unit: u, Size: size, Lagging: slices.Contains(lagging, u.Name)})
	}
	for _, name := range lagging {
		if !slices.ContainsFunc(p.Units, func(u UnitProfile) bool { return u.Unit.Name == name }) {
			return Profile{}, fmt.Errorf("an giang profile: lagging unit %q is not in the unit list", name)
		}
	}
	return p, p.check()
}

// readUnitList reads type,name lines into units of the given parent, with
// codes made from the names by Slug.
func readUnitList(data []byte, parent string) ([]dataset.Unit, error) {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, err
	}
	if len(recs) == 0 || len(recs[0]) != 2 || recs[0][0] != "type" || recs[0][1] != "name" {
		return nil, fmt.Errorf("expected the header type,name")
	}
	var units []dataset.Unit
	for i, rec := range recs[1:] {
		t := dataset.UnitType(rec[0])
		if !local(t) {
			return nil, fmt.Errorf("line %d: type %q, expected commune, ward or special_zone", i+2, rec[0])
		}
		code, err := Slug(rec[1])
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", i+2, err)
		}
		units = append(units, dataset.Unit{Code: code, Name: rec[1], Type: t, Parent: parent})
	}
	return units, nil
}

// local reports whether t is one of the default commune-level levels
// (commune, ward or special zone), the levels a province's units take.
func local(t dataset.UnitType) bool {
	return t == dataset.Commune || t == dataset.Ward || t == dataset.SpecialZone
}
