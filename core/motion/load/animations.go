package load

import (
	"fmt"
	"strconv"
	"strings"
)

// Pick resolves a user's choice of animations against a file's: "" is the
// longest (-1), "all" every one (or -1 when the file has none), a number
// the animation at that index (counting from 0), anything else the
// animation of that name (any case). It says which names there are when
// nothing matches.
func Pick(anims []Animation, choice string) ([]int, error) {
	choice = strings.TrimSpace(choice)
	switch {
	case choice == "":
		return []int{-1}, nil
	case strings.EqualFold(choice, "all"):
		if len(anims) == 0 {
			return []int{-1}, nil
		}
		out := make([]int, len(anims))
		for i := range out {
			out[i] = i
		}
		return out, nil
	}
	if n, err := strconv.Atoi(choice); err == nil {
		if n < 0 || n >= max(len(anims), 1) {
			return nil, fmt.Errorf("there is no animation %d: the file has %d (%s)", n, len(anims), List(anims))
		}
		if len(anims) == 0 {
			return []int{-1}, nil
		}
		return []int{n}, nil
	}
	for i, a := range anims {
		if strings.EqualFold(a.Name, choice) {
			return []int{i}, nil
		}
	}
	return nil, fmt.Errorf("there is no animation %q: the file has %s", choice, List(anims))
}

// List names a file's animations in a line: `0 "Dance" (1.2 s), 1 …`.
func List(anims []Animation) string {
	if len(anims) == 0 {
		return "no animations, only the one motion"
	}
	parts := make([]string, len(anims))
	for i, a := range anims {
		parts[i] = fmt.Sprintf("%d %q (%.1f s)", i, a.Name, a.Duration.Seconds())
	}
	return strings.Join(parts, ", ")
}
