package dataset

import (
	"fmt"
	"slices"
	"strings"

	"minhbach/generator/period"
)

var longColumns = []string{"period", "unit", "measure", "value"}

// cellSource is where a row's period, unit or measure comes from: a column,
// or (col < 0) one text for every row, from a mapping file.
type cellSource struct {
	col  int
	text string
}

// get returns the cell of the scanner's current record.
func (c cellSource) get(s *scanner) []byte {
	if c.col < 0 {
		return []byte(c.text)
	}
	return s.field(c.col)
}

// wideColumn is a column of a wide export and the measure it holds.
type wideColumn struct {
	col int
	m   int32
}

// plan says how to read the rows of one export, canonical or mapped.
type plan struct {
	// mapping is the mapping file's path, where constants come from; "" for
	// a canonical export.
	mapping     string
	period      cellSource
	parsePeriod func(string) (period.Period, error)
	unit        cellSource
	byName      bool
	// A long export has a measure and a value column (value >= 0); a wide
	// export has a column for each measure.
	measure      cellSource
	measureNames map[string]string
	value        int
	wide         []wideColumn
	number       func(string, MeasureKind) (float64, error)
	// canonical says that numbers are canonical, for the fast path.
	canonical bool
}

// pos returns where the source s of the current row of cf is.
func (pl *plan) pos(cf *csvFile, s cellSource) Position {
	if s.col < 0 {
		return Position{File: pl.mapping}
	}
	return cf.at(s.col)
}

// exportReader turns the rows of every export into observations, checking
// each cell against the units and the catalogue.
//
// This is the fast path of reading: rows go straight from the scanner to
// observations, with the last period, unit and measure remembered (exports
// repeat them row after row), numbers read without strconv where possible,
// and duplicates found in a bitmap over (period, measure, unit) rather than
// a map of positions. Duplicates are rare, so where the first of a pair was
// read is looked up only when one is found, in finish.
type exportReader struct {
	cfg      config
	c        *collector
	units    []Unit
	measures []*Measure
	// unitIndex and measureIndex find units by code and measures by id.
	unitIndex    map[string]int32
	measureIndex map[string]int32
	names        *nameIndex
	applies      []map[UnitType]bool

	// periods numbers the periods seen; seen has a bit for each
	// (period, measure, unit) observed.
	periods map[period.Period]int
	seen    []uint64
	dups    []duplicate

	obs []Observation
	// keys holds the sort key of each observation (see sortKey).
	keys []uint64
	// unitRank and measureRank order units by code and measures by id.
	unitRank, measureRank []uint64
	lastSlotPeriod        period.Period
	lastSlot              int

	// The last period, unit and measure read, and what they resolved to.
	lastPlan                   *plan
	lastPeriodText             string
	lastPeriod                 period.Period
	lastPeriodErr              error
	lastUnitText, lastMeasText string
	lastUnit, lastMeas         int32
	lastUnitErr                string
}

// duplicate is an observation given again, to be reported with the place
// of the first.
type duplicate struct {
	key observationKey
	pos Position
}

// observationKey identifies an observation; an export may give it only once.
type observationKey struct {
	p       period.Period
	unit    string
	measure string
}

func newExportReader(units []Unit, cat *Catalogue, cfg config, c *collector) *exportReader {
	er := &exportReader{
		cfg:          cfg,
		c:            c,
		units:        units,
		unitIndex:    make(map[string]int32, len(units)),
		measureIndex: make(map[string]int32, len(cat.Measures)),
		periods:      map[period.Period]int{},
	}
	for i := range units {
		er.unitIndex[units[i].Code] = int32(i)
	}
	er.unitRank = ranks(len(units), func(i, j int) int { return strings.Compare(units[i].Code, units[j].Code) })
	er.measureRank = ranks(len(cat.Measures), func(i, j int) int { return strings.Compare(cat.Measures[i].ID, cat.Measures[j].ID) })
	for i := range cat.Measures {
		m := &cat.Measures[i]
		er.measureIndex[m.ID] = int32(i)
		er.measures = append(er.measures, m)
		ok := map[UnitType]bool{}
		for _, t := range []UnitType{Country, Province, Commune, Ward, SpecialZone} {
			ok[t] = m.AppliesToType(t)
		}
		er.applies = append(er.applies, ok)
	}
	return er
}

// read reads one export file, through its mapping when mappingPath is not "".
func (er *exportReader) read(path, mappingPath string) {
	opts := fileOptions{maxSize: er.cfg.maxFileSize, maxField: er.cfg.maxField}
	var m *mapping
	if mappingPath != "" {
		if m = readMapping(mappingPath, er.c); m == nil {
			return
		}
		opts.encoding, opts.comma = m.Encoding, m.comma
	}
	cf, done := openCSV(path, opts, er.c)
	defer done()
	if cf == nil {
		return
	}
	var pl *plan
	if m != nil && m.mapsColumns() {
		pl = er.mappedPlan(cf, m)
	} else {
		pl = er.canonicalPlan(cf, m)
	}
	if pl == nil {
		return
	}
	before := len(er.obs)
	cf.each(func() {
		er.row(cf, pl)
		if cf.rows == estimateAfter {
			er.reserve(cf, len(er.obs)-before)
		}
	})
	if cf.rows == 0 {
		er.c.errorf(Position{File: path, Line: 2, Column: 1}, "no-rows", "the file has a header but no data rows")
	}
}

// canonicalPlan reads the header of a canonical export, long or wide.
func (er *exportReader) canonicalPlan(cf *csvFile, m *mapping) *plan {
	pl := &plan{parsePeriod: period.Parse, number: ParseNumber, value: -1, canonical: true}
	if m != nil {
		pl.number = m.number
		pl.canonical = m.Numbers == "" || m.Numbers == NumbersCanonical
	}
	if slices.Contains(cf.header, "measure") || slices.Contains(cf.header, "value") {
		if !checkHeader(cf, longColumns, longColumns, er.c) {
			return nil
		}
		col := columnIndex(cf.header)
		pl.period, pl.unit = cellSource{col: col["period"]}, cellSource{col: col["unit"]}
		pl.measure, pl.value = cellSource{col: col["measure"]}, col["value"]
		return pl
	}
	h := cf.header
	if len(h) < 3 || h[0] != "period" || h[1] != "unit" {
		er.c.errorf(Position{File: cf.path, Line: 1, Column: 1}, "header",
			"found header %q, expected period,unit,measure,value (long form) or period,unit,<measure>,… (wide form); for other columns, add a mapping file beside the export",
			strings.Join(h, string(cf.s.comma)))
		return nil
	}
	ok := true
	seen := map[string]int{}
	for j := 2; j < len(h); j++ {
		if first, dup := seen[h[j]]; dup {
			er.c.errorf(cf.headerPos[j], "header", "column %q appears twice (also column %d)", h[j], first+1)
			ok = false
		}
		seen[h[j]] = j
		mi, known := er.measureIndex[h[j]]
		if !known {
			er.c.errorf(cf.headerPos[j], "unknown-measure", "unknown measure column %q; expected a measure id from the catalogue", h[j])
			ok = false
		}
		pl.wide = append(pl.wide, wideColumn{col: j, m: mi})
	}
	pl.period, pl.unit = cellSource{col: 0}, cellSource{col: 1}
	if !ok {
		return nil
	}
	return pl
}

// row checks one row and adds its observations.
//
// Cells are compared and looked up as bytes, which does not allocate; they
// become strings only when they differ from the last row's, or in messages.
func (er *exportReader) row(cf *csvFile, pl *plan) {
	if pl != er.lastPlan {
		er.lastPlan = pl
		er.lastPeriodText, er.lastUnitText, er.lastMeasText = "\x00", "\x00", "\x00"
	}
	ok := true
	if t := pl.period.get(cf.s); string(t) != er.lastPeriodText {
		er.lastPeriodText = string(t)
		er.lastPeriod, er.lastPeriodErr = pl.parsePeriod(er.lastPeriodText)
	}
	if er.lastPeriodErr != nil {
		er.c.errorf(pl.pos(cf, pl.period), "period", "%v", er.lastPeriodErr)
		ok = false
	}
	if t := pl.unit.get(cf.s); string(t) != er.lastUnitText {
		if i, found := er.unitIndex[string(t)]; found && !pl.byName {
			er.lastUnit = i // the usual case, without allocating
		} else {
			er.lastUnit, er.lastUnitErr = er.findUnit(string(t), pl.byName)
		}
		er.lastUnitText = er.units[max(er.lastUnit, 0)].Code
		if er.lastUnit < 0 || pl.byName {
			er.lastUnitText = string(t)
		}
	}
	if er.lastUnit < 0 {
		er.c.errorf(pl.pos(cf, pl.unit), "unknown-unit", "%s", er.lastUnitErr)
		ok = false
	}
	if pl.value < 0 {
		for _, w := range pl.wide {
			er.add(cf, pl, ok, w.m, w.col, w.col)
		}
		return
	}
	if t := pl.measure.get(cf.s); string(t) != er.lastMeasText {
		if i, found := er.measureIndex[string(t)]; found && pl.measureNames == nil {
			er.lastMeas, er.lastMeasText = i, er.measures[i].ID
		} else {
			er.lastMeasText = string(t)
			er.lastMeas = er.findMeasure(er.lastMeasText, pl)
		}
	}
	if er.lastMeas < 0 {
		er.c.errorf(pl.pos(cf, pl.measure), "unknown-measure", "found %q, expected a measure id from the catalogue", pl.measure.get(cf.s))
		return
	}
	er.add(cf, pl, ok, er.lastMeas, pl.value, pl.measure.col)
}

// findUnit returns the index of the unit a cell names, or -1 and why not.
func (er *exportReader) findUnit(text string, byName bool) (int32, string) {
	if er.names == nil {
		er.names = newNameIndex(er.units)
	}
	if byName {
		i, err := er.names.find(text)
		if err != nil {
			return -1, err.Error()
		}
		return i, ""
	}
	if i, ok := er.unitIndex[text]; ok {
		return i, ""
	}
	msg := fmt.Sprintf("found %q, expected a unit code from units.csv", text)
	if i, err := er.names.find(text); err == nil {
		msg += fmt.Sprintf(`; %q is the name of %s: write its code, or map the export with unit.by = "name"`, text, er.units[i].Code)
	}
	return -1, msg
}

// findMeasure returns the index of the measure a cell names, or -1.
func (er *exportReader) findMeasure(text string, pl *plan) int32 {
	if pl.measureNames != nil {
		if id, ok := pl.measureNames[columnKey(text)]; ok {
			text = id
		}
	}
	if i, ok := er.measureIndex[text]; ok {
		return i
	}
	return -1
}

// add checks the value in column vcol of the current row for measure mi
// and, when the row's period and unit are good (rowOK), records it. A
// measure that does not apply to the unit is reported at column mcol.
func (er *exportReader) add(cf *csvFile, pl *plan, rowOK bool, mi int32, vcol, mcol int) {
	m := er.measures[mi]
	cell := cf.s.field(vcol)
	if !rowOK {
		// Still check the number, so that every bad cell is named.
		if _, err := pl.number(string(cell), m.Kind); err != nil {
			er.c.errorf(cf.at(vcol), "number", "%s: %v", m.ID, err)
		}
		return
	}
	u := &er.units[er.lastUnit]
	if !er.applies[mi][u.Type] {
		er.c.errorf(pl.pos(cf, cellSource{col: mcol}), "not-applicable", "measure %q does not apply to %s units such as %q", m.ID, u.Type, u.Code)
		return
	}
	v, ok := 0.0, false
	if pl.canonical {
		v, ok = parseCanonical(cell, m.Kind)
	}
	if !ok {
		var err error
		if v, err = pl.number(string(cell), m.Kind); err != nil {
			er.c.errorf(cf.at(vcol), "number", "%s: %v", m.ID, err)
			return
		}
	}
	p := er.lastPeriod
	if p != er.lastSlotPeriod {
		slot, ok := er.periods[p]
		if !ok {
			slot = len(er.periods)
			er.periods[p] = slot
			er.seen = append(er.seen, make([]uint64, (len(er.measures)*len(er.units)+63)/64)...)
		}
		er.lastSlotPeriod, er.lastSlot = p, slot
	}
	slot := er.lastSlot
	stride := (len(er.measures)*len(er.units) + 63) / 64
	bit := int(mi)*len(er.units) + int(er.lastUnit)
	word := &er.seen[slot*stride+bit/64]
	pos := cf.at(vcol)
	if *word&(1<<(bit%64)) != 0 {
		er.dups = append(er.dups, duplicate{observationKey{p, u.Code, m.ID}, pos})
		return
	}
	*word |= 1 << (bit % 64)
	er.obs = append(er.obs, Observation{Period: p, Unit: u.Code, Measure: m.ID, Value: v, Source: pos})
	er.keys = append(er.keys, er.measureRank[mi]<<44|er.unitRank[er.lastUnit]<<18|uint64(periodKey(p)-minPeriodKey))
}

// estimateAfter is the number of rows after which the rows left in a file
// are estimated, to make room for their observations at once rather than
// copying a growing slice again and again.
const estimateAfter = 1000

// reserve makes room for the observations of the rest of cf, estimated
// from its size and the rows read so far, which gave got observations.
// Room grows at least by doubling, so that many files read one after
// another still copy the observations only a few times.
func (er *exportReader) reserve(cf *csvFile, got int) {
	size, read := cf.size(), cf.offset()
	if size <= 0 || read <= 0 {
		return
	}
	perRow := float64(got) / float64(cf.rows)
	more := int(float64(cf.rows)*float64(size-read)/float64(read)*perRow*1.02) + 64
	if free := cap(er.obs) - len(er.obs); more <= free {
		return
	}
	more = max(more, len(er.obs))
	er.obs = slices.Grow(er.obs, more)
	er.keys = slices.Grow(er.keys, more)
}

// ranks returns the rank of each of n items in the order cmp gives.
func ranks(n int, cmp func(i, j int) int) []uint64 {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, cmp)
	r := make([]uint64, n)
	for rank, i := range order {
		r[i] = uint64(rank)
	}
	return r
}

// finish reports the duplicates, naming where each was first given, and
// returns the observations sorted by measure, unit and period, and the
// periods they speak of.
func (er *exportReader) finish() ([]Observation, []period.Period) {
	if len(er.dups) > 0 {
		first := make(map[observationKey]Position, len(er.dups))
		for _, d := range er.dups {
			first[d.key] = Position{}
		}
		for i := range er.obs {
			o := &er.obs[i]
			k := observationKey{o.Period, o.Unit, o.Measure}
			if p, ok := first[k]; ok && p.File == "" {
				first[k] = o.Source
			}
		}
		for _, d := range er.dups {
			er.c.errorf(d.pos, "duplicate", "%s for %s in %s is given twice; first at %s",
				d.key.measure, d.key.unit, d.key.p, first[d.key].short())
		}
	}
	sortByKey(er.obs, er.keys)
	er.keys = nil
	periods := make([]period.Period, 0, len(er.periods))
	for p := range er.periods {
		periods = append(periods, p)
	}
	return er.obs, periods
}

// minPeriodKey is the periodKey of the first period there can be, so that
// keys of periods fit in 18 bits.
var minPeriodKey = periodKey(period.Y(1900))

// sortByKey orders obs by keys, which orders them by measure id, unit code
// and period: a sort key packs the rank of the measure (20 bits), of the
// unit (26 bits) and the period (18 bits). The keys are sorted with their
// indexes by a radix sort (no comparisons; a pass is skipped when its digit
// is the same in every key), and then each observation is moved once, along
// the cycles of the permutation. For a million rows this is several times
// faster than sorting the observations with a comparison of their strings.
func sortByKey(obs []Observation, keys []uint64) {
	if slices.IsSorted(keys) {
		return
	}
	order := radixSort(keys)
	// Position i gets obs[order[i]]; follow each cycle once.
	for i := range order {
		if order[i] < 0 || int(order[i]) == i {
			continue
		}
		tmp := obs[i]
		j := i
		for {
			from := int(order[j])
			order[j] = -1
			if from == i {
				obs[j] = tmp
				break
			}
			obs[j] = obs[from]
			j = from
		}
	}
}

// radixSort returns the indexes of keys in ascending order of key, equal
// keys in their original order: an LSD radix sort on 16-bit digits.
func radixSort(keys []uint64) []int32 {
	const digits, bits = 4, 16
	var count [digits][1 << bits]int32
	for _, k := range keys {
		for d := range digits {
			count[d][k>>(d*bits)&(1<<bits-1)]++
		}
	}
	n := len(keys)
	order, spare := make([]int32, n), make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	for d := range digits {
		c := &count[d]
		if c[keys[0]>>(d*bits)&(1<<bits-1)] == int32(n) {
			continue // every key has this digit
		}
		var sum int32
		for i := range c {
			c[i], sum = sum, sum+c[i]
		}
		for _, at := range order {
			b := keys[at] >> (d * bits) & (1<<bits - 1)
			spare[c[b]] = at
			c[b]++
		}
		order, spare = spare, order
	}
	return order
}

// short formats a position as path:line:column.
func (p Position) short() string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// periodKey orders periods as period.Compare does: by start, then longer first.
func periodKey(p period.Period) int {
	start := p.Year * 12
	switch p.Kind {
	case period.Quarter:
		start += (p.N - 1) * 3
	case period.Month:
		start += p.N - 1
	}
	return start*4 + int(p.Kind)
}
