package dataset

import (
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strings"

	"minhbach/generator/dataset/cells"
	"minhbach/generator/dataset/csvfile"
	"minhbach/generator/dataset/csvscan"
	"minhbach/generator/dataset/foreign"
	"minhbach/generator/dataset/input"
	"minhbach/generator/dataset/keysort"
	"minhbach/generator/period"
)

var longColumns = []string{"period", "unit", "measure", "value"}

// cellSource is where a row's period, unit or measure comes from: a column,
// or (col < 0) one text for every row, from a mapping file; a unit may come
// from the first non-empty of col and further, else from text.
type cellSource struct {
	col     int
	text    string
	further []int
}

// get returns the cell of the scanner's current record.
func (c cellSource) get(s *csvscan.Scanner) []byte {
	if col := c.column(s); col >= 0 {
		return s.Field(col)
	}
	return []byte(c.text)
}

// column returns the column of the current record's cell, −1 for text.
func (c cellSource) column(s *csvscan.Scanner) int {
	if c.col < 0 || len(s.Field(c.col)) > 0 || len(c.further) == 0 && c.text == "" {
		return c.col
	}
	for _, col := range c.further {
		if len(s.Field(col)) > 0 {
			return col
		}
	}
	if c.text != "" {
		return -1
	}
	return c.col
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
	by          string // foreign.ByCode, ByName or ByGeocode
	// A long export has a measure and a value column (value >= 0); a wide
	// export has a column for each measure.
	measure cellSource
	// layout is a mapped export's, for the names of its measures.
	layout *foreign.Layout
	value  int
	wide   []wideColumn
	// dims are the columns of dimensions, if any (see breakdowns.go).
	dims   []dimColumn
	number func(string, MeasureKind) (float64, error)
	// canonical says that numbers are canonical, for the fast path.
	canonical bool
	// attr holds the columns that qualify a long export's value.
	attr foreign.Attributes
}

// pos returns where the source s of the current row of cf is.
func (pl *plan) pos(cf *csvfile.File, s cellSource) Position {
	if col := s.column(cf.S); col >= 0 {
		return cf.At(col)
	}
	return Position{File: pl.mapping}
}

// exportReader turns the rows of every export into observations, checking
// each cell against the units and the catalogue.
//
// This is the fast path of reading, and it works in two steps. While the
// files are read, each good value becomes a small entry (its value and
// where it was read) and an id that packs its period, measure and unit.
// Cells are compared and looked up as bytes; the last period, unit and
// measure are remembered, and so is the unit and the measure that came
// after each one (exports repeat them row after row, in the same order).
// Duplicates are found in a bitmap over the ids; they are rare, so where
// the first of a pair was read is looked up only when one is found, in
// finish. Then finish puts the ids in order (see keysort.WithIndex) and builds
// each observation once, in its final place.
type exportReader struct {
	cfg      config
	c        *collector
	units    []Unit
	measures []*Measure
	// unitCodes finds units by code, measureIDs measures by id.
	unitCodes, measureIDs *codeIndex
	names                 *foreign.NameIndex
	// applies[m*len(units)+u] says whether measure m applies to unit u.
	applies []bool
	// unitBits and measureBits are the widths of a unit's and a measure's
	// index in an id (see id).
	unitBits, measureBits int

	// periods lists the periods observed, in the order first observed: an
	// id holds a period's place in it, its slot. seen has the bit of each
	// id observed.
	periods []period.Period
	slots   map[period.Period]int
	seen    []uint64
	dups    []duplicate

	// files lists the exports read; file is the one being read.
	files []string
	file  int32
	// entries and ids hold the observations read, in the order read.
	entries []entry
	ids     []uint64
	// attrs holds the statuses, notes and bounds of the entries that have any.
	attrs []attribute

	// dims are the catalogue's dimensions, dimIDs their ids; cell is the
	// key of the current row's breakdown cell, parts its parts; cells
	// holds the observations of breakdown cells (see breakdowns.go).
	dims   []Dimension
	dimIDs []string
	cell   string
	parts  []cellPart
	cells  *cells.Set

	// The last period, unit and measure read, and what they resolved to.
	lastPlan                   *plan
	lastPeriodText             string
	lastPeriod                 period.Period
	lastPeriodErr              error
	lastUnitText, lastMeasText string
	lastUnit, lastMeas         int32
	lastUnitErr                string
	// The period of the last observation and its slot.
	lastSlotPeriod period.Period
	lastSlot       int
}

// entry is an observation as read, less what its id says: 24 bytes rather
// than an Observation's 96, so that a million of them are cheap to keep
// while reading and to gather in order.
type entry struct {
	value     float64
	line, col int32
	// file indexes exportReader.files.
	file int32
	// attr indexes exportReader.attrs, −1 for a value without status,
	// note or bounds.
	attr int32
}

// duplicate is an observation given again, to be reported with the place
// of the first.
type duplicate struct {
	id  uint64
	key observationKey
	pos Position
}

// observationKey identifies an observation; an export may give it only once.
type observationKey struct {
	p       period.Period
	unit    string
	measure string
}

// codeIndex finds a unit by its code or a measure by its id. Exports list
// units and measures in the same order again and again, so it first tries
// the one that came after the previous one the last time: one comparison of
// bytes, cheaper than a map look-up.
type codeIndex struct {
	codes []string
	index map[string]int32
	// after[i] is the index found after i the last time, or -1.
	after []int32
}

func newCodeIndex(codes []string) *codeIndex {
	x := &codeIndex{codes: codes, index: make(map[string]int32, len(codes)), after: make([]int32, len(codes))}
	for i, c := range codes {
		x.index[c] = int32(i)
		x.after[i] = -1
	}
	return x
}

// find returns the index of code; prev is the index found before, or -1.
func (x *codeIndex) find(prev int32, code []byte) (int32, bool) {
	if prev >= 0 && int(prev) < len(x.after) {
		if next := x.after[prev]; next >= 0 && string(code) == x.codes[next] {
			return next, true
		}
	}
	i, ok := x.index[string(code)]
	if ok && prev >= 0 && int(prev) < len(x.after) {
		x.after[prev] = i
	}
	return i, ok
}

func newExportReader(units []Unit, cat *Catalogue, cfg config, c *collector) *exportReader {
	er := &exportReader{
		cfg:         cfg,
		c:           c,
		units:       units,
		unitBits:    bits.Len(uint(len(units))),
		measureBits: bits.Len(uint(len(cat.Measures))),
		slots:       map[period.Period]int{},
		lastUnit:    -1,
		lastMeas:    -1,
	}
	codes := make([]string, len(units))
	for i := range units {
		codes[i] = units[i].Code
	}
	ids := make([]string, len(cat.Measures))
	er.applies = make([]bool, len(cat.Measures)*len(units))
	for i := range cat.Measures {
		m := &cat.Measures[i]
		ids[i] = m.ID
		er.measures = append(er.measures, m)
		for u := range units {
			er.applies[i*len(units)+u] = m.AppliesToType(units[u].Type)
		}
	}
	er.unitCodes, er.measureIDs = newCodeIndex(codes), newCodeIndex(ids)
	er.dims, er.cells = cat.Dimensions, cells.New(c)
	for _, d := range cat.Dimensions {
		er.dimIDs = append(er.dimIDs, d.ID)
	}
	return er
}

// id packs an observation's period slot, measure and unit into one number,
// unique to the observation: slot, measure, unit from high bits to low.
// It stays far below 64 bits: seen holds 1<<(measureBits+unitBits) bits
// for each period.
func (er *exportReader) id(slot int, measure, unit int32) uint64 {
	return uint64(slot)<<(er.measureBits+er.unitBits) | uint64(measure)<<er.unitBits | uint64(unit)
}

// read reads one export file, through its mapping when mappingPath is not "".
func (er *exportReader) read(path, mappingPath string) {
	opts := csvfile.Options{Dir: er.cfg.dir, MaxSize: er.cfg.maxFileSize, MaxField: er.cfg.maxField}
	var m *foreign.Mapping
	if mappingPath != "" {
		if m = readMapping(mappingPath, er.cfg, er.c); m == nil {
			return
		}
		opts.Encoding, opts.Comma = m.Encoding, m.Comma
	}
	cf, done := csvfile.Open(path, opts, er.c)
	defer done()
	if cf == nil {
		return
	}
	var pl *plan
	if m != nil && m.MapsColumns() {
		pl = er.mappedPlan(cf, m)
	} else {
		pl = er.canonicalPlan(cf, m)
	}
	if pl == nil {
		return
	}
	er.file = int32(len(er.files))
	er.files = append(er.files, path)
	before := len(er.entries)
	for cf.Next() {
		er.row(cf, pl)
		if cf.Rows == estimateAfter {
			er.reserve(cf, len(er.entries)-before)
		}
	}
	if cf.Rows == 0 {
		er.c.Errorf(Position{File: path, Line: 2, Column: 1}, "no-rows", "the file has a header but no data rows")
	}
}

// canonicalPlan reads the header of a canonical export, long or wide.
func (er *exportReader) canonicalPlan(cf *csvfile.File, m *foreign.Mapping) *plan {
	pl := &plan{parsePeriod: parsePeriod, number: ParseNumber, value: -1, canonical: true, attr: foreign.NoAttributes()}
	if m != nil {
		pl.number, _ = numberParser(m.Numbers)
		pl.canonical = m.Numbers == "" || m.Numbers == foreign.NumbersCanonical
	}
	if slices.Contains(cf.Header, "measure") || slices.Contains(cf.Header, "value") {
		if !checkHeader(cf, longColumns, slices.Concat(longColumns[:4:4], foreign.AttributeColumns, er.dimIDs), er.c) {
			return nil
		}
		pl.attr = foreign.CanonicalAttributes(cf.Header)
		col := columnIndex(cf.Header)
		pl.period, pl.unit = cellSource{col: col["period"]}, cellSource{col: col["unit"]}
		pl.measure, pl.value = cellSource{col: col["measure"]}, col["value"]
		pl.dims = er.canonicalDims(cf.Header)
		return pl
	}
	h := cf.Header
	if len(h) < 3 || h[0] != "period" || h[1] != "unit" {
		er.c.Errorf(Position{File: cf.Path, Line: 1, Column: 1}, "header",
			"found header %s, expected period,unit,measure,value (long form) or period,unit,<measure>,… (wide form); for other columns, add a mapping file beside the export",
			foreign.Quote(strings.Join(h, string(cf.S.Comma))))
		return nil
	}
	ok := true
	seen := map[string]int{}
	for j := 2; j < len(h); j++ {
		if first, dup := seen[h[j]]; dup {
			er.c.Errorf(cf.HeaderPos[j], "header", "column %s appears twice (also column %d)", foreign.Quote(h[j]), first+1)
			ok = false
		}
		seen[h[j]] = j
		if slices.Contains(er.dimIDs, h[j]) {
			continue
		}
		mi, known := er.measureIDs.index[h[j]]
		if !known {
			er.c.Errorf(cf.HeaderPos[j], "unknown-measure", "unknown measure column %s; expected a measure id from the catalogue", foreign.Quote(h[j]))
			ok = false
		}
		pl.wide = append(pl.wide, wideColumn{col: j, m: mi})
	}
	pl.period, pl.unit = cellSource{col: 0}, cellSource{col: 1}
	pl.dims = er.canonicalDims(h)
	if !ok {
		return nil
	}
	return pl
}

// readMapping reads and checks a mapping file; it returns nil after
// reporting what is wrong with it.
func readMapping(path string, cfg config, c *collector) *foreign.Mapping {
	src, err := input.Read(cfg.dir, path, cfg.maxFileSize)
	if err != nil {
		input.Report(c, path, "the mapping", err)
		return nil
	}
	m := &foreign.Mapping{Path: path}
	if !input.DecodeTOML(path, src, m, c) {
		return nil
	}
	problems := m.Check()
	places := input.NewPlaces(path, src)
	for _, p := range problems {
		c.Errorf(places.At(p.Key), p.Code, "%s", p.Msg)
	}
	if len(problems) > 0 {
		return nil
	}
	return m
}

// mappedPlan finds the mapping's columns in the header of cf and returns
// the plan of its rows, or nil after reporting what does not fit.
func (er *exportReader) mappedPlan(cf *csvfile.File, m *foreign.Mapping) *plan {
	l, problems := m.Layout(cf.Header, func(id string) bool { _, ok := er.measureIDs.index[id]; return ok })
	for _, p := range problems {
		at := Position{File: m.Path}
		switch {
		case p.Column >= 0:
			at = cf.HeaderPos[p.Column]
		case p.Column == foreign.AtHeader:
			at = Position{File: cf.Path, Line: 1, Column: 1}
		}
		sev := Error
		if p.Note {
			sev = Note
		}
		er.c.Add(at, sev, p.Code, p.Msg)
	}
	if l == nil {
		return nil
	}
	number, _ := numberParser(m.Numbers)
	pl := &plan{
		mapping:     m.Path,
		period:      cellSource{col: l.Period.Column, text: l.Period.Text},
		parsePeriod: l.ParsePeriod,
		unit:        cellSource{col: l.Unit.Column, text: l.Unit.Text, further: l.Unit.Further},
		by:          l.By,
		measure:     cellSource{col: l.Measure.Column, text: l.Measure.Text},
		layout:      l,
		value:       l.Value,
		number:      number,
		canonical:   m.Numbers == "" || m.Numbers == foreign.NumbersCanonical,
		attr:        l.Attr,
	}
	for _, w := range l.Wide {
		pl.wide = append(pl.wide, wideColumn{col: w.Column, m: er.measureIDs.index[w.Measure]})
	}
	if !er.mappedDims(pl, l) {
		return nil
	}
	return pl
}

// parsePeriod reads a canonical period (see period.Parse); a cell too
// long to be one is not quoted whole.
func parsePeriod(s string) (period.Period, error) {
	if len(s) > 16 {
		return period.Period{}, fmt.Errorf("period %s: expected a period such as 2025, 2025-Q1 or 2025-03", foreign.Quote(s))
	}
	return period.Parse(s)
}

// row checks one row and adds its observations.
//
// Cells are compared and looked up as bytes, which does not allocate; they
// become strings only when they differ from the last row's, or in messages.
func (er *exportReader) row(cf *csvfile.File, pl *plan) {
	if pl != er.lastPlan {
		er.lastPlan = pl
		er.lastPeriodText, er.lastUnitText, er.lastMeasText = "\x00", "\x00", "\x00"
	}
	ok := true
	if t := pl.period.get(cf.S); string(t) != er.lastPeriodText {
		er.lastPeriodText = string(t)
		er.lastPeriod, er.lastPeriodErr = pl.parsePeriod(er.lastPeriodText)
		if e := er.cfg.exported; er.lastPeriodErr == nil && !e.IsZero() && er.lastPeriod.StartsAfter(e.Year()+1, int(e.Month())) {
			er.lastPeriodErr = fmt.Errorf("period %s begins more than a year after the export date in %s (%s); expected a period up to %d-%02d", er.lastPeriod, MetaFile, e.Format("2006-01-02"), e.Year()+1, e.Month())
		}
	}
	if er.lastPeriodErr != nil {
		er.c.Errorf(pl.pos(cf, pl.period), "period", "%v", er.lastPeriodErr)
		ok = false
	}
	if t := pl.unit.get(cf.S); string(t) != er.lastUnitText {
		i, found := int32(-1), false
		if pl.by == "" || pl.by == foreign.ByCode {
			i, found = er.unitCodes.find(er.lastUnit, t) // the usual case, without allocating
		}
		if found {
			er.lastUnit, er.lastUnitText = i, er.units[i].Code
		} else {
			er.lastUnitText = string(t)
			er.lastUnit, er.lastUnitErr = er.findUnit(er.lastUnitText, pl.by)
		}
	}
	if er.lastUnit < 0 {
		er.c.Errorf(pl.pos(cf, pl.unit), "unknown-unit", "%s", er.lastUnitErr)
		ok = false
	}
	er.cell = ""
	if len(pl.dims) > 0 && !er.readCell(cf, pl) {
		ok = false
	}
	if pl.value < 0 {
		for _, w := range pl.wide {
			er.add(cf, pl, ok, w.m, w.col, w.col)
		}
		return
	}
	if t := pl.measure.get(cf.S); string(t) != er.lastMeasText {
		i, found := int32(-1), false
		if pl.layout == nil || !pl.layout.NamesMeasures() {
			i, found = er.measureIDs.find(er.lastMeas, t)
		}
		if found {
			er.lastMeas, er.lastMeasText = i, er.measures[i].ID
		} else {
			er.lastMeasText = string(t)
			er.lastMeas = er.findMeasure(er.lastMeasText, pl)
		}
	}
	if er.lastMeas < 0 {
		er.c.Errorf(pl.pos(cf, pl.measure), "unknown-measure", "found %s, expected a measure id from the catalogue", foreign.Quote(string(pl.measure.get(cf.S))))
		return
	}
	er.add(cf, pl, ok, er.lastMeas, pl.value, pl.measure.col)
}

// findUnit returns the index of the unit a cell names, or -1 and why not.
func (er *exportReader) findUnit(text, by string) (int32, string) {
	if er.names == nil {
		units := make([]foreign.Unit, len(er.units))
		for i, u := range er.units {
			units[i] = foreign.Unit{Code: u.Code, Name: u.Name, Type: string(u.Type), Geocode: u.Geocode, Aliases: append([]string{u.NameEN}, u.Aliases...)}
		}
		er.names = foreign.NewNameIndex(units)
	}
	i, err := er.names.Lookup(by, text)
	if err != nil {
		return -1, err.Error()
	}
	return i, ""
}

// findMeasure returns the index of the measure a cell names, or -1.
func (er *exportReader) findMeasure(text string, pl *plan) int32 {
	if pl.layout != nil {
		text = pl.layout.MeasureID(text)
	}
	if i, ok := er.measureIDs.index[text]; ok {
		return i
	}
	return -1
}

// add checks the value in column vcol of the current row for measure mi
// and, when the row's period and unit are good (rowOK), records it. A
// measure that does not apply to the unit is reported at column mcol.
func (er *exportReader) add(cf *csvfile.File, pl *plan, rowOK bool, mi int32, vcol, mcol int) {
	m := er.measures[mi]
	cell := cf.S.Field(vcol)
	if !rowOK {
		// Still check the number, so that every bad cell is named.
		if _, err := pl.number(string(cell), m.Kind); err != nil {
			er.c.Errorf(cf.At(vcol), "number", "%s: %v", m.ID, err)
		}
		return
	}
	ui := er.lastUnit
	if er.cell != "" && !er.brokenDownBy(cf, pl, mi) {
		return
	}
	if !er.applies[int(mi)*len(er.units)+int(ui)] {
		u := &er.units[ui]
		er.c.Errorf(pl.pos(cf, cellSource{col: mcol}), "not-applicable", "measure %q does not apply to %s units such as %q", m.ID, u.Type, u.Code)
		return
	}
	v, ok := 0.0, false
	var attr attribute
	if pl.attr.Any() {
		var missing, good bool
		if attr, missing, good = er.attributes(cf, pl, m, cell); !good {
			return
		}
		ok = missing
	}
	if pl.canonical && !ok {
		v, ok = parseCanonical(cell, m.Kind)
	}
	if !ok {
		var err error
		if v, err = pl.number(string(cell), m.Kind); err != nil {
			er.c.Errorf(cf.At(vcol), "number", "%s: %v", m.ID, err)
			return
		}
	}
	if er.cell != "" {
		er.checkBounds(cf, pl, m, attr, v)
		er.cells.Add(Observation{Period: er.lastPeriod, Unit: er.units[ui].Code, Measure: m.ID, Value: v, Cell: er.cell, Source: cf.At(vcol), Status: attr.status, Detail: attr.detail})
		return
	}
	id := er.id(er.slotOf(er.lastPeriod), mi, ui)
	word, bit := &er.seen[id/64], uint64(1)<<(id%64)
	if *word&bit != 0 {
		er.dups = append(er.dups, duplicate{id, observationKey{er.lastPeriod, er.units[ui].Code, m.ID}, cf.At(vcol)})
		return
	}
	*word |= bit
	at := cf.S.Pos[vcol]
	e := entry{value: v, line: int32(at.Line), col: int32(at.Col), file: er.file, attr: -1}
	if attr.status != 0 || attr.detail != nil {
		er.checkBounds(cf, pl, m, attr, v)
		e.attr = int32(len(er.attrs))
		er.attrs = append(er.attrs, attr)
	}
	er.entries = append(er.entries, e)
	er.ids = append(er.ids, id)
}

// slotOf returns the slot of period p (see id), making one for a period
// not seen before.
func (er *exportReader) slotOf(p period.Period) int {
	if p != er.lastSlotPeriod || er.periods == nil {
		slot, ok := er.slots[p]
		if !ok {
			slot = len(er.periods)
			er.slots[p] = slot
			er.periods = append(er.periods, p)
			er.seen = append(er.seen, make([]uint64, (1<<(er.measureBits+er.unitBits)+63)/64)...)
		}
		er.lastSlotPeriod, er.lastSlot = p, slot
	}
	return er.lastSlot
}

// estimateAfter is the number of rows after which the rows left in a file
// are estimated, to make room for their observations at once rather than
// copying a growing slice again and again.
const estimateAfter = 1000

// reserve makes room for the observations of the rest of cf, estimated
// from its size and the rows read so far, which gave got observations.
// Room grows at least by doubling, so that many files read one after
// another still copy the observations only a few times.
func (er *exportReader) reserve(cf *csvfile.File, got int) {
	size, read := cf.Size(), cf.Offset()
	if size <= 0 || read <= 0 {
		return
	}
	perRow := float64(got) / float64(cf.Rows)
	more := int(float64(cf.Rows)*float64(size-read)/float64(read)*perRow*1.02) + 64
	if free := cap(er.entries) - len(er.entries); more <= free {
		return
	}
	more = max(more, len(er.entries))
	er.entries = slices.Grow(er.entries, more)
	er.ids = slices.Grow(er.ids, more)
}

// ranks returns the rank of each of n items in the order cmp gives, and
// the item of each rank.
func ranks(n int, cmp func(i, j int) int) (rank, item []int32) {
	item = make([]int32, n)
	for i := range item {
		item[i] = int32(i)
	}
	slices.SortFunc(item, func(i, j int32) int { return cmp(int(i), int(j)) })
	rank = make([]int32, n)
	for r, i := range item {
		rank[i] = int32(r)
	}
	return rank, item
}

// finish reports the duplicates, naming where each was first given, and
// returns the observations sorted by measure id, unit code and period.
//
// The observations are put in order through their ids: each id becomes a
// sort key that packs the rank of its measure, unit and period, the keys
// are sorted (see keysort.WithIndex), and each observation is built once, in
// its place, from its entry.
func (er *exportReader) finish() *sortedObservations {
	er.reportDuplicates()
	measureRank, measureAt := ranks(len(er.measures), func(i, j int) int { return strings.Compare(er.measures[i].ID, er.measures[j].ID) })
	unitRank, unitAt := ranks(len(er.units), func(i, j int) int { return strings.Compare(er.units[i].Code, er.units[j].Code) })
	periodRank, periodAt := ranks(len(er.periods), func(i, j int) int { return periodKey(er.periods[i]) - periodKey(er.periods[j]) })
	unitShift := bits.Len(uint(len(er.periods)))
	s := &sortedObservations{
		unitShift:    unitShift,
		measureShift: unitShift + er.unitBits,
		measureRank:  make(map[string]int32, len(er.measures)),
		unitRank:     unitRank,
		unitAt:       unitAt,
		periods:      make([]period.Period, len(er.periods)),
	}
	for id, mi := range er.measureIDs.index {
		s.measureRank[id] = measureRank[mi]
	}
	for r, slot := range periodAt {
		s.periods[r] = er.periods[slot]
	}

	unitMask, measureMask := uint64(1)<<er.unitBits-1, uint64(1)<<er.measureBits-1
	s.key = er.ids
	for i, id := range s.key {
		slot := id >> (er.measureBits + er.unitBits)
		mi, ui := id>>er.unitBits&measureMask, id&unitMask
		s.key[i] = uint64(measureRank[mi])<<s.measureShift | uint64(unitRank[ui])<<unitShift | uint64(periodRank[slot])
	}
	// The observations are allocated before the sort, so that a
	// collection this starts can run while the sort writes no pointers,
	// rather than add a write barrier to the writes below.
	s.list = make([]Observation, len(s.key))
	s.value = make([]float64, len(s.key))
	order := keysort.WithIndex(s.key, 1<<(s.measureShift+er.measureBits))

	// The entries are gathered a block at a time into a small buffer
	// first: the reads from all over the entries then overlap, rather than
	// wait one by one behind the writes of the observations.
	var block [256]entry
	for lo := 0; lo < len(s.key); lo += len(block) {
		got := block[:min(len(block), len(s.key)-lo)]
		for j := range got {
			got[j] = er.entries[order[lo+j]]
		}
		for j, e := range got {
			i := lo + j
			k := s.key[i]
			s.list[i] = Observation{
				Period:  s.periods[s.period(i)],
				Unit:    er.units[s.unit(i)].Code,
				Measure: er.measures[measureAt[k>>s.measureShift]].ID,
				Value:   e.value,
				Source:  Position{File: er.files[e.file], Line: int(e.line), Column: int(e.col)},
			}
			s.value[i] = e.value
			if e.attr >= 0 {
				s.list[i].Status, s.list[i].Detail = er.attrs[e.attr].status, er.attrs[e.attr].detail
				if !s.list[i].HasValue() {
					s.value[i] = math.NaN() // the checks pass over a value the publisher says is missing
				}
			}
		}
	}
	er.entries, er.ids = nil, nil
	return s
}

// reportDuplicates reports each observation given again, with where it was
// first given.
func (er *exportReader) reportDuplicates() {
	if len(er.dups) == 0 {
		return
	}
	first := make(map[uint64]int, len(er.dups))
	for _, d := range er.dups {
		first[d.id] = -1
	}
	for i, id := range er.ids {
		if at, ok := first[id]; ok && at < 0 {
			first[id] = i
		}
	}
	for _, d := range er.dups {
		e := &er.entries[first[d.id]]
		at := Position{File: er.files[e.file], Line: int(e.line), Column: int(e.col)}
		er.c.Errorf(d.pos, "duplicate", "%s for %s in %s is given twice; first at %s",
			d.key.measure, d.key.unit, d.key.p, at.Short())
	}
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
