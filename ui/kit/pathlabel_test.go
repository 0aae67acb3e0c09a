package kit

import (
	"testing"
	"unicode/utf8"
)

func TestPathsAreShortenedInTheMiddleAtSeparators(t *testing.T) {
	path := "/home/animator/Downloads/Singlecam/landscape shoot/Backflip"
	for _, c := range []struct {
		room int // characters
		want string
	}{
		{100, path},
		{44, "/home/…/Singlecam/landscape shoot/Backflip"},
		{32, "/home/…/landscape shoot/Backflip"},
		{30, "/home/animator/…/Backflip"},
		{20, "/home/…/Backflip"},
		{5, "…/Backflip"},
	} {
		got := shortenPath(path, func(s string) bool { return utf8.RuneCountInString(s) <= c.room })
		if got != c.want {
			t.Errorf("in %d characters: %q, want %q", c.room, got, c.want)
		}
	}
}
