package media

import (
	"path/filepath"
	"strings"
)

// Take is one video and, if there is one, its .move file.
type Take struct {
	Video string
	Move  string
}

// Pair sorts files a user dropped or chose: each video becomes a take; a
// .move file joins the video of the same base name, or the only video when
// there is just one; anything else is refused. Orphan .move files (no video
// to go with) come back in orphans, so the caller can offer them to a take
// already in the form.
func Pair(paths []string) (takes []Take, orphans, refused []string) {
	stem := func(p string) string {
		return strings.ToLower(strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)))
	}
	index := map[string]int{}
	var moves []string
	for _, p := range paths {
		switch KindOf(p) {
		case KindVideo:
			index[stem(p)] = len(takes)
			takes = append(takes, Take{Video: p})
		case KindMove:
			moves = append(moves, p)
		default:
			refused = append(refused, p)
		}
	}
	for _, m := range moves {
		i, ok := index[stem(m)]
		switch {
		case ok && takes[i].Move == "":
			takes[i].Move = m
		case !ok && len(takes) == 1 && takes[0].Move == "":
			takes[0].Move = m
		default:
			orphans = append(orphans, m)
		}
	}
	return takes, orphans, refused
}
