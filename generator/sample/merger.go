package sample

import (
	"fmt"
	"math"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/geo"
	"minhbach/generator/period"
)

// MergedProfile is a province that the profile's province took in: it
// reports its own totals (it has no units of its own in the sample) up to
// its last quarter, and from the next quarter on the province's units cover
// its territory too. Its figures are invented sample data.
type MergedProfile struct {
	// Code and Name name the province that ended.
	Code, Name string
	// Until is its last quarter (units.csv valid_to).
	Until period.Period
	// Share is its size beside the province's: its counts are Share times
	// the province's totals each quarter, and from the quarter after Until
	// the province's units' counts grow by it.
	Share float64
	// RateOffset moves its rates (signed, online, digitized, on time) off the
	// province's.
	RateOffset float64
	// SpeedFactor is its broadband speed beside the province's.
	SpeedFactor float64
}

// merged adds the profile's merged provinces to the sample: their units
// (valid to Until, succeeded by the province), their own totals up to
// Until, and, after it, the province's units grown by their Share.
func (g *generator) merged() error {
	for _, m := range g.p.Merged {
		if !dataset.IsSlug(m.Code) || !(m.Share > 0) || m.Until.Kind != period.Quarter {
			return fmt.Errorf("merged province %q: expected a slug, a share above 0 and a last quarter", m.Code)
		}
		g.sample.Units = append(g.sample.Units, dataset.Unit{Code: m.Code, Name: m.Name, Type: dataset.Province,
			Extras: geo.Extras{ValidTo: m.Until, Successor: g.p.Province.Code}})
		for qi, q := range g.quarters {
			quarter := &g.sample.Quarters[qi]
			if quarterIndex(q) > quarterIndex(m.Until) {
				for u := range g.p.Units {
					grow(&quarter.Units[u], 1+m.Share)
				}
				continue
			}
			quarter.Merged = append(quarter.Merged, g.mergedFigures(m, quarter))
		}
	}
	return nil
}

// mergedFigures are merged province m's own totals in quarter: Share times
// the province's units' totals, its rates moved by RateOffset.
func (g *generator) mergedFigures(m MergedProfile, quarter *Quarter) Figures {
	var sum Figures
	weighted := 0.0
	for _, f := range quarter.Units {
		for i, v := range counts(&f) {
			*counts(&sum)[i] += *v
		}
		weighted += f.BroadbandMbps * float64(f.BroadbandSubscribers)
	}
	k := func(v int) int { return int(math.Round(m.Share * float64(v))) }
	rate := func(num, den, of int) int {
		if den == 0 {
			return 0
		}
		return min(of, int(math.Round(float64(of)*clamp(float64(num)/float64(den)+m.RateOffset, 0.05, 0.99))))
	}
	f := Figures{Unit: m.Code,
		DocsIncoming: k(sum.DocsIncoming), DocsOutgoing: k(sum.DocsOutgoing),
		EOfficeAccounts: k(sum.EOfficeAccounts), EOfficeMobileUsers: k(sum.EOfficeMobileUsers),
		FilesReceived: k(sum.FilesReceived), FilesResolved: k(sum.FilesResolved),
		VideoPoints: k(sum.VideoPoints), BroadbandSubscribers: k(sum.BroadbandSubscribers),
	}
	f.DocsOutgoingSigned = rate(sum.DocsOutgoingSigned, sum.DocsOutgoing, f.DocsOutgoing)
	f.FilesReceivedOnline = rate(sum.FilesReceivedOnline, sum.FilesReceived, f.FilesReceived)
	f.FilesDigitized = rate(sum.FilesDigitized, sum.FilesReceived, f.FilesReceived)
	f.FilesResolvedOnTime = rate(sum.FilesResolvedOnTime, sum.FilesResolved, f.FilesResolved)
	if sum.BroadbandSubscribers > 0 {
		f.BroadbandMbps = roundTenth(weighted / float64(sum.BroadbandSubscribers) * m.SpeedFactor)
	}
	return f
}

// counts lists the counts of f, to add up or grow together.
func counts(f *Figures) []*int {
	return []*int{&f.DocsIncoming, &f.DocsOutgoing, &f.DocsOutgoingSigned, &f.EOfficeAccounts, &f.EOfficeMobileUsers,
		&f.FilesReceived, &f.FilesReceivedOnline, &f.FilesDigitized, &f.FilesResolved, &f.FilesResolvedOnTime,
		&f.VideoPoints, &f.BroadbandSubscribers}
}

// grow multiplies every count of f by factor, rounded; rounding keeps a
// part no larger than its whole (signed documents within outgoing ones).
func grow(f *Figures, factor float64) {
	for _, v := range counts(f) {
		*v = int(math.Round(factor * float64(*v)))
	}
}

// mergedRecords is a merged province's own export in wide form: every
// measure the communes report, in one row per quarter.
func mergedRecords(q *Quarter, f Figures) [][]string {
	return [][]string{
		{"period", "unit", "docs_incoming", "docs_outgoing", "docs_outgoing_signed", "eoffice_accounts", "eoffice_mobile_users",
			"files_received", "files_received_online", "files_digitized", "files_resolved", "files_resolved_on_time",
			"video_points", "broadband_subscribers", "broadband_mbps"},
		{q.Period.String(), f.Unit, count(f.DocsIncoming), count(f.DocsOutgoing), count(f.DocsOutgoingSigned),
			count(f.EOfficeAccounts), count(f.EOfficeMobileUsers), count(f.FilesReceived), count(f.FilesReceivedOnline),
			count(f.FilesDigitized), count(f.FilesResolved), count(f.FilesResolvedOnTime),
			count(f.VideoPoints), count(f.BroadbandSubscribers), amount(f.BroadbandMbps)},
	}
}
