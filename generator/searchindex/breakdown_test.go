package searchindex

import (
	"encoding/json"
	"strings"
	"testing"

	"minhbach/generator/dataset"
	"minhbach/generator/dataset/dims"
	"minhbach/generator/dataset/geo"
)

// TestIndicatorFoundByItsBreakdowns: an indicator's entry holds the names
// of its measures' dimensions and values, folded, so "toan trinh" finds
// an indicator broken down by "Toàn trình".
func TestIndicatorFoundByItsBreakdowns(t *testing.T) {
	cat := &dataset.Catalogue{
		Dimensions: []dataset.Dimension{{ID: "level", Name: geo.Text{VI: "Mức độ", EN: "Level"},
			Values: []dims.Value{{ID: "full", Name: geo.Text{VI: "Toàn trình", EN: "Full process"}}}}},
		Measures: []dataset.Measure{{ID: "online", Dimensions: []string{"level"}}, {ID: "all"}},
	}
	cat.Indicators = []dataset.Indicator{{ID: "r", Name: geo.Text{VI: "Tỷ lệ", EN: "Rate"}, Numerator: "online", Denominator: "all"}}
	b, err := Build(&dataset.Dataset{Catalogue: *cat}, Site{Lang: "vi", IndicatorWord: "Chỉ số", IndicatorURL: func(id string) string { return "indicators/" + id + "/" }})
	if err != nil {
		t.Fatal(err)
	}
	var entries []Entry
	if err := json.Unmarshal(b, &entries); err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 || !strings.Contains(entries[0].Key, "toan trinh") || !strings.Contains(entries[0].Key, "full process") || !strings.Contains(entries[0].Key, "muc do") {
		t.Errorf("entries %+v, want one whose key holds the dimension and its values, folded", entries)
	}
}
