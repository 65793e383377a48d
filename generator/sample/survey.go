package sample

import (
	"fmt"
	"math"
	"strconv"

	"minhbach/generator/period"
)

// SurveyFigures are one unit's result in a yearly satisfaction survey of
// the people who used its services (as SIPAS is published): the share
// satisfied in percent as the publisher gives it, with its 95% confidence
// interval, the number of respondents, and its status (an SDMX code, ""
// for a normal value). They are invented sample data.
type SurveyFigures struct {
	Period       period.Period
	Unit         string
	Satisfied    float64
	Lower, Upper float64
	Respondents  int
	Status       string
}

// SurveyProfile says what the sample's survey covers: the years it was
// held (each a whole year of the sample), the province and the provinces
// it took in, and the departments; which department's figure is
// estimated and that the province's latest is provisional.
type SurveyProfile struct {
	Years []int
	// Satisfied is the province's share satisfied, in percent, the first year.
	Satisfied float64
	// Estimated is the department whose figure the publisher estimated.
	Estimated string
}

// BreakProfile is a department whose series breaks at the merger: from the
// quarter after it, the department covers the merged province's too, so
// its figures grow and are published with status B and Note.
type BreakProfile struct {
	Department string
	Note       string
}

// survey adds the profile's survey: the province (provisional the last
// year), each province it took in while it existed, and each department.
func (g *generator) survey() error {
	sp := g.p.Survey
	if sp == nil {
		return nil
	}
	units := []struct {
		code   string
		size   float64
		offset float64
	}{{g.p.Province.Code, 6, 0}}
	for _, m := range g.p.Merged {
		units = append(units, struct {
			code   string
			size   float64
			offset float64
		}{m.Code, 4.5, 100 * m.RateOffset})
	}
	for _, d := range g.p.Departments {
		units = append(units, struct {
			code   string
			size   float64
			offset float64
		}{d.Code, d.Size, 0})
	}
	for yi, y := range sp.Years {
		if y < g.p.First.Year || y > g.p.Last.Year {
			return fmt.Errorf("survey year %d: expected a year of the sample", y)
		}
		for _, u := range units {
			r := newRand(g.p.Seed, "survey/"+u.code+"/"+strconv.Itoa(y))
			off := u.offset
			if u.code != g.p.Province.Code && off == 0 {
				off = between(newRand(g.p.Seed, "survey/"+u.code), -6, 5)
			}
			n := int(math.Round(200 * u.size * between(r, 0.85, 1.15)))
			share := clamp(sp.Satisfied+2*float64(yi)+off+between(r, -1.5, 1.5), 40, 99)
			share = math.Round(share*10) / 10
			half := 196 * math.Sqrt(share/100*(1-share/100)/float64(n))
			f := SurveyFigures{Period: period.Y(y), Unit: u.code, Satisfied: share, Respondents: n,
				Lower: math.Round((share-half)*10) / 10, Upper: math.Round((share+half)*10) / 10}
			switch {
			case u.code == sp.Estimated:
				f.Status = "E"
			case u.code == g.p.Province.Code && yi == len(sp.Years)-1:
				f.Status = "P"
			}
			g.sample.Survey = append(g.sample.Survey, f)
		}
	}
	return nil
}

// surveyRecords is the survey's export: long form, with its status, its
// interval and its sample size, and the respondents (the weight of its
// roll-up) as a measure of their own.
func surveyRecords(figures []SurveyFigures) [][]string {
	recs := [][]string{{"period", "unit", "measure", "value", "status", "lower", "upper", "n"}}
	for _, f := range figures {
		recs = append(recs,
			[]string{f.Period.String(), f.Unit, "survey_satisfied", amount(f.Satisfied), f.Status, amount(f.Lower), amount(f.Upper), count(f.Respondents)},
			[]string{f.Period.String(), f.Unit, "survey_respondents", count(f.Respondents), "", "", "", ""})
	}
	return recs
}

// breakRecords is the e-office export of the departments whose series
// breaks in quarter q, in long form with status B and the note.
func breakRecords(q *Quarter) [][]string {
	recs := [][]string{{"period", "unit", "measure", "value", "status", "note"}}
	for _, f := range q.Departments {
		if f.Break == "" {
			continue
		}
		p := q.Period.String()
		recs = append(recs,
			[]string{p, f.Unit, "docs_incoming", count(f.DocsIncoming), "B", f.Break},
			[]string{p, f.Unit, "docs_outgoing", count(f.DocsOutgoing), "B", f.Break},
			[]string{p, f.Unit, "docs_outgoing_signed", count(f.DocsOutgoingSigned), "B", f.Break})
	}
	return recs
}
