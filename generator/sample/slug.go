package sample

import (
	"fmt"
	"strings"
	"unicode"
)

// vietnameseLetters lists, for each ASCII base letter, the Vietnamese lower-case
// letters that fold to it once their diacritics are removed.
func vietnameseLetters() map[rune]string {
	return map[rune]string{
		'a': "àáảãạăằắẳẵặâầấẩẫậ",
		'd': "đ",
		'e': "èéẻẽẹêềếểễệ",
		'i': "ìíỉĩị",
		'o': "òóỏõọôồốổỗộơờớởỡợ",
		'u': "ùúủũụưừứửữự",
		'y': "ỳýỷỹỵ",
	}
}

// Slug turns a Vietnamese unit name into its unit code: lower case, diacritics
// removed, đ written d, spaces written '-'. "Thạnh Mỹ Tây" becomes "thanh-my-tay".
// Names are expected in precomposed (NFC) form, as Vietnamese text usually is;
// any other character than letters, digits and single spaces is an error.
func Slug(name string) (string, error) {
	fold := map[rune]rune{}
	for base, variants := range vietnameseLetters() {
		for _, v := range variants {
			fold[v] = base
		}
	}
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(name), " ") {
		r = unicode.ToLower(r)
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		case fold[r] != 0:
			b.WriteRune(fold[r])
		default:
			return "", fmt.Errorf("unit name %q: cannot make a code from %q; expected Vietnamese letters, digits and spaces", name, r)
		}
	}
	if b.Len() == 0 {
		return "", fmt.Errorf("unit name %q: expected at least one letter or digit", name)
	}
	return b.String(), nil
}
