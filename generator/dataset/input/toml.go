package input

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"

	"minhbach/generator/dataset/finding"
)

// Places knows where each entry and key of a TOML file is, so that a
// check made after decoding (an id that is not unique, a reference to a
// measure that does not exist) can name the line and column: go-toml does
// not keep positions in what it decodes. Entries of arrays of tables are
// named by their index: "measures.3", "measures.3.weight".
type Places struct {
	path   string
	places map[string]finding.Position
}

// NewPlaces indexes src, the TOML file at path, which has decoded without error.
func NewPlaces(path string, src []byte) *Places {
	tp := &Places{path: path, places: map[string]finding.Position{}}
	var p unstable.Parser
	p.Reset(src)
	count := map[string]int{}
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		key, first := keyOf(e)
		switch e.Kind {
		case unstable.ArrayTable:
			table = key + "." + strconv.Itoa(count[key])
			count[key]++
		case unstable.Table:
			table = key
			// A subtable of the last entry of an array of tables, such as
			// [indicators.description] after [[indicators]].
			for k, n := range count {
				if rest, ok := strings.CutPrefix(key, k+"."); ok && n > 0 {
					table = k + "." + strconv.Itoa(n-1) + "." + rest
				}
			}
		case unstable.KeyValue:
			if table != "" {
				key = table + "." + key
			}
		default:
			continue
		}
		if first != nil {
			sh := p.Shape(first.Raw)
			at := finding.Position{File: path, Line: sh.Start.Line, Column: sh.Start.Column}
			if _, seen := tp.places[key]; !seen {
				tp.places[key] = at
			}
			if e.Kind == unstable.ArrayTable { // the entry itself: "measures.3"
				tp.places[table] = at
			}
		}
		if e.Kind != unstable.KeyValue {
			continue
		}
		tp.inline(&p, key, e.Value())
	}
	return tp
}

// inline indexes the keys of an inline table, such as target = { deadline = … }.
func (tp *Places) inline(p *unstable.Parser, prefix string, v *unstable.Node) {
	if v == nil || v.Kind != unstable.InlineTable {
		return
	}
	for it := v.Children(); it.Next(); {
		kv := it.Node()
		if kv.Kind != unstable.KeyValue {
			continue
		}
		key, first := keyOf(kv)
		key = prefix + "." + key
		if first != nil {
			sh := p.Shape(first.Raw)
			tp.places[key] = finding.Position{File: tp.path, Line: sh.Start.Line, Column: sh.Start.Column}
		}
		tp.inline(p, key, kv.Value())
	}
}

// keyOf returns the dotted key of a table header or key-value expression,
// and its first part.
func keyOf(e *unstable.Node) (string, *unstable.Node) {
	switch e.Kind {
	case unstable.ArrayTable, unstable.Table, unstable.KeyValue:
	default:
		return "", nil
	}
	var parts []string
	var first *unstable.Node
	for it := e.Key(); it.Next(); {
		if first == nil {
			first = it.Node()
		}
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, "."), first
}

// At returns where key is, or the nearest entry that holds it, or the file.
func (tp *Places) At(key string) finding.Position {
	for {
		if pos, ok := tp.places[key]; ok {
			return pos
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return finding.Position{File: tp.path}
		}
		key = key[:i]
	}
}

// Key returns the key of field of entry i of the array of tables named
// list ("" for the entry itself), as Places names it.
func Key(list string, i int, field string) string {
	k := list + "." + strconv.Itoa(i)
	if field != "" {
		k += "." + field
	}
	return k
}

// DecodeTOML decodes src, the TOML file at path, strictly into v: unknown
// keys are errors. It reports each error with its line and column.
func DecodeTOML(path string, src []byte, v any, c *finding.Collector) bool {
	dec := toml.NewDecoder(bytes.NewReader(src)).DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil {
		return true
	}
	var de *toml.DecodeError
	var sm *toml.StrictMissingError
	switch {
	case errors.As(err, &sm):
		for _, e := range sm.Errors {
			line, col := e.Position()
			c.Errorf(finding.Position{File: path, Line: line, Column: col}, "toml", "unknown key %q", strings.Join(e.Key(), "."))
		}
	case errors.As(err, &de):
		line, col := de.Position()
		c.Errorf(finding.Position{File: path, Line: line, Column: col}, "toml", "%s", de.Error())
	default:
		c.Errorf(finding.Position{File: path}, "toml", "%v", err)
	}
	return false
}
