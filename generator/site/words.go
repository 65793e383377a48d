package site

import "minhbach/generator/dataset"

// words holds the texts the generator composes into figures, captions and
// summaries, in one language. Texts of the page chrome (navigation, headings)
// are Hugo i18n strings in templates/i18n instead.
type words struct {
	Better, Worse, Same, Neutral, NoComparison string
	Since                                      string // "so với" / "compared with"
	Achieved, OnTrack, Behind                  string
	TargetBy                                   string // "Mục tiêu %s vào %s"
	Rank, Unit, Value, Province, Period        string
	Change, VsPrev, VsYearAgo, TargetCol       string
	VsYear                                     string // "So với năm %d"
	Score, Group, Points, Indicator, Type      string
	Latest, TrendOf, RankingIn, From, To       string
	Above, Below, Equal                        string
	// The same four, on a site whose top unit is the country.
	Country, AboveCountry, BelowCountry, EqualCountry string
	Rates                                             string
	UnitTypes                                         map[string]string
	Lagging, Leading                                  string
	NoTarget                                          string
	Rose, FellBy                                      string
	GapLeft                                           string // "%s, còn cách mục tiêu %s"
	PointsUnit                                        string // "điểm %"
	File, Contents, Size, Measure                     string
	Export, FirstPublication, NewPeriods              string
	ChangeCounts                                      string // "%s added, %s revised, %s removed"
	Revised, OldValue, NewValue                       string
}

var vocabulary = map[string]words{
	"vi": {
		Better: "tốt hơn", Worse: "kém hơn", Same: "không đổi", Neutral: "", NoComparison: "không có số liệu để so sánh",
		Since:    "so với",
		Achieved: "đã đạt", OnTrack: "đúng tiến độ", Behind: "chậm tiến độ",
		TargetBy: "Mục tiêu %s vào %s",
		Rank:     "Hạng", Unit: "Đơn vị", Value: "Giá trị", Province: "Toàn tỉnh", Period: "Kỳ",
		Change: "Thay đổi", VsPrev: "So với kỳ trước", VsYearAgo: "So với cùng kỳ năm trước", VsYear: "So với cả năm %d", TargetCol: "Mục tiêu",
		Score: "Điểm", Group: "Nhóm", Points: "Điểm", Indicator: "Chỉ số", Type: "Loại",
		Latest: "mới nhất", TrendOf: "Diễn biến", RankingIn: "Xếp hạng các đơn vị,", From: "từ", To: "đến",
		Above: "cao hơn toàn tỉnh", Below: "thấp hơn toàn tỉnh", Equal: "bằng toàn tỉnh",
		Country: "Toàn quốc", AboveCountry: "cao hơn toàn quốc", BelowCountry: "thấp hơn toàn quốc", EqualCountry: "bằng toàn quốc",
		Rates:     "Các tỷ lệ chính",
		UnitTypes: map[string]string{"country": "Quốc gia", "province": "Tỉnh", "commune": "Xã", "ward": "Phường", "special_zone": "Đặc khu"},
		Lagging:   "10 đơn vị thấp nhất", Leading: "10 đơn vị cao nhất",
		NoTarget: "Chưa đặt mục tiêu",
		Rose:     "tăng", FellBy: "giảm",
		GapLeft: "%s, còn cách mục tiêu %s", PointsUnit: "điểm %",
	},
	"en": {
		Better: "better", Worse: "worse", Same: "unchanged", Neutral: "", NoComparison: "no data to compare",
		Since:    "compared with",
		Achieved: "achieved", OnTrack: "on track", Behind: "behind",
		TargetBy: "Target %s by %s",
		Rank:     "Rank", Unit: "Unit", Value: "Value", Province: "Province", Period: "Period",
		Change: "Change", VsPrev: "On previous period", VsYearAgo: "On a year earlier", VsYear: "On the whole of %d", TargetCol: "Target",
		Score: "Score", Group: "Group", Points: "Points", Indicator: "Indicator", Type: "Type",
		Latest: "latest", TrendOf: "Trend of", RankingIn: "Ranking of units,", From: "from", To: "to",
		Above: "above the province", Below: "below the province", Equal: "equal to the province",
		Country: "Country", AboveCountry: "above the country", BelowCountry: "below the country", EqualCountry: "equal to the country",
		Rates:     "Main rates",
		UnitTypes: map[string]string{"country": "Country", "province": "Province", "commune": "Commune", "ward": "Ward", "special_zone": "Special zone"},
		Lagging:   "10 lowest units", Leading: "10 highest units",
		NoTarget: "No target set",
		Rose:     "up", FellBy: "down",
		GapLeft: "%s, %s short of the target", PointsUnit: "pp",
	},
}

// about returns the words for a site whose top unit is of type t: a
// national site compares with the whole country, not the province.
func (w words) about(t dataset.UnitType) words {
	if t == dataset.Country {
		w.Province, w.Above, w.Below, w.Equal = w.Country, w.AboveCountry, w.BelowCountry, w.EqualCountry
	}
	return w
}
